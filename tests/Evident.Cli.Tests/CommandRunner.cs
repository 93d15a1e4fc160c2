using System.CommandLine;
using System.Text.Json;
using Evident.Cli.Analyze;
using Evident.Text;

namespace Evident.Cli.Tests.Analyze;

internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public List<JsonElement> JsonLines() =>
        [.. Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
}

/// <summary>Runs the <c>evident</c> command in-process: arguments in, exit code and output out.</summary>
internal static class CommandRunner
{
    /// <param name="analyse">A stand-in engine, or <c>null</c> for the real one.</param>
    public static async Task<CommandResult> RunAsync(Func<string, TextAnalysis>? analyse, params string[] args)
    {
        var root = analyse is null ? Program.CreateRootCommand() : new RootCommand { AnalyzeCommand.Create(analyse) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };

        int exitCode = await Program.RunAsync(root, args, configuration);
        return new CommandResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
