using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Evident.Bench.Import;

namespace Evident.Cli.Tests.Import;

/// <summary>
/// A real <c>evident import</c> process starts itself again with a 48 MB gen0 budget (<see cref="YoungGeneration"/>),
/// and says which budget it ran with in <c>--json</c>: the default workstation budget here is 6 MB.
/// </summary>
public sealed class YoungGenerationTests
{
    [SkippableFact]
    public async Task An_import_process_runs_with_the_larger_gen0_budget_and_imports_as_before()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the restart with a larger budget is Linux only");

        var (exitCode, json, processId) = await ImportAsync(budget: null);

        Assert.Equal(0, exitCode);
        // the first runtime's diagnostics socket does not outlive the restart
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{processId}-*-socket"));
        Assert.Equal(long.Parse(YoungGeneration.Budget[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), json.GetProperty("gc").GetProperty("gen0_budget_bytes").GetInt64());
        Assert.Equal(300, json.GetProperty("imported").GetInt64());
    }

    [SkippableFact]
    public async Task A_budget_the_user_set_is_kept()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the restart with a larger budget is Linux only");

        var (exitCode, json, _) = await ImportAsync(budget: "0x2000000");

        Assert.Equal(0, exitCode);
        Assert.Equal(32 * 1024 * 1024, json.GetProperty("gc").GetProperty("gen0_budget_bytes").GetInt64());
    }

    private static async Task<(int ExitCode, JsonElement Json, int ProcessId)> ImportAsync(string? budget)
    {
        using var folder = new TempFolder();
        string input = Path.Combine(folder.Path, "feedback.csv");
        await using (var file = File.Create(input))
        {
            SyntheticFeedback.WriteCsv(file, 300);
        }

        var start = ChildProcess.StartInfo(["import", input, "--kind", "feedback", "--db", Path.Combine(folder.Path, "evident.db"), "--json"]);
        start.Environment.Remove(YoungGeneration.Variable);
        if (budget is not null)
        {
            start.Environment[YoungGeneration.Variable] = budget;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(stdout.Length > 0, await stderr);
        return (process.ExitCode, JsonDocument.Parse(stdout).RootElement.Clone(), process.Id);
    }
}
