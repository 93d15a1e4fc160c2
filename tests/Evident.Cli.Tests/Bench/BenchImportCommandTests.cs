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
        Assert.Equal(JsonValueKind.Null, root.GetProperty("postgresql_writer_alone_seconds").ValueKind);
        Assert.Contains("300 rows stored in", result.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task With_postgres_it_measures_its_imports_and_its_writer_alone_and_drops_its_databases()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        string server = StoreTarget.PostgresAdmin!;
        var result = await CommandRunner.RunAsync(null, "bench", "import", "--rows", "300", "--writer", "--json", "--postgres", server);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        var passes = root.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("target").GetString(), r.GetProperty("pass").GetString(), r.GetProperty("imported").GetInt64()))
            .ToList();
        Assert.Equal([("sqlite", "first import", 300L), ("sqlite", "re-import", 0L), ("postgresql", "first import", 300L), ("postgresql", "re-import", 0L)], passes);
        Assert.True(root.GetProperty("postgresql_writer_alone_seconds").GetDouble() > 0);
        // each writer alone stored every row, counted from its database
        Assert.Equal(2, result.Stderr.Split("300 rows stored in").Length - 1);
        Assert.Contains("postgresql: the writer alone", result.Stderr, StringComparison.Ordinal);
        await using var admin = new Npgsql.NpgsqlConnection(server);
        await admin.OpenAsync();
        // the bench runs in this process here, and names its databases by the process's id
        await using var left = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname LIKE 'evident_bench%\\_{Environment.ProcessId}'", admin);
        Assert.Equal(0L, await left.ExecuteScalarAsync());
    }
}
