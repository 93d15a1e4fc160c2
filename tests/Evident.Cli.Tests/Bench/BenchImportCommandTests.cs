using System.Text.Json;
using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Bench;

public sealed class BenchImportCommandTests
{
    [Fact]
    public async Task Measures_the_first_import_the_re_import_and_with_writer_the_writer_alone()
    {
        var result = await CommandRunner.RunAsync(null, "bench", "import", "--rows", "300", "--writer", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal(300, root.GetProperty("rows").GetInt64());
        var passes = root.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("pass").GetString(), r.GetProperty("imported").GetInt64(), r.GetProperty("duplicates").GetInt64()))
            .ToList();
        Assert.Equal([("first import", 300L, 0L), ("re-import", 0L, 300L)], passes);
        Assert.True(root.GetProperty("sqlite_writer_alone_seconds").GetDouble() > 0);
        Assert.Contains("300 rows written in", result.Stderr, StringComparison.Ordinal);
    }
}
