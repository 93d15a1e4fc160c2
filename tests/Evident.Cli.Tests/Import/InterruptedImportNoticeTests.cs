using Dapper;
using Evident.Cli.Tests.Analyze;
using Evident.Store;
using Npgsql;

namespace Evident.Cli.Tests.Import;

/// <summary>
/// After an import was killed, the first command to open the workspace builds the indexes it had set aside,
/// which takes seconds per million rows: every command says so on standard error, rather than pausing in silence.
/// </summary>
public sealed class InterruptedImportNoticeTests
{
    [SkippableTheory]
    [InlineData("postgres", "status")]
    [InlineData("postgres", "metrics")]
    [InlineData("postgres", "report")]
    [InlineData("postgres", "brief")]
    [InlineData("postgres", "themes")]
    [InlineData("postgres", "init")]
    [InlineData("postgres", "user")]
    [InlineData("sqlite", "status")]
    [InlineData("sqlite", "report")]
    [InlineData("sqlite", "themes")]
    public async Task A_command_says_when_it_rebuilds_what_a_killed_import_set_aside(string dialect, string verb)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        using var folder = new TempFolder();
        string input = Path.Combine(folder.Path, "feedback.csv");
        await File.WriteAllTextAsync(input, "id,date,comment\n1,2025-03-01,The parcel arrived late.\n2,2025-03-02,Kind and helpful staff.\n");
        Assert.Equal(0, (await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", target.Db)).ExitCode);
        await LeaveIndexSetAsideAsync(target.Location);

        string page = Path.Combine(folder.Path, "page.html");
        string[] arguments = verb switch
        {
            "report" or "brief" => [verb, "--out", page, "--db", target.Db],
            "themes" => [verb, "list", "--db", target.Db],
            "user" => [verb, "list", "--db", target.Db],
            _ => [verb, "--db", target.Db],
        };
        var run = await CommandRunner.RunAsync(null, arguments);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("rebuilding the 1 index an interrupted import set aside …", run.Stderr);
        await using var workspace = await Workspace.OpenCurrentAsync(target.Location);
        Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
        Assert.Equal(1, await workspace.Connection.ExecuteScalarAsync<long>(dialect == "postgres"
            ? "SELECT count(*) FROM pg_indexes WHERE indexname = 'feedback_theme_by_sentiment'"
            : "SELECT count(*) FROM sqlite_master WHERE name = 'feedback_theme_by_sentiment'"));
    }

    /// <summary>What an import killed between setting an index aside and building it again leaves: its definition recorded, the index gone.</summary>
    private static async Task LeaveIndexSetAsideAsync(StoreLocation location)
    {
        await using (var workspace = await Workspace.OpenCurrentAsync(location))
        {
            await workspace.Connection.ExecuteAsync(location.Dialect == StoreDialect.Postgres
                ? """
                  INSERT INTO deferred_index (name, table_name, definition)
                  SELECT indexname, tablename, indexdef FROM pg_indexes WHERE indexname = 'feedback_theme_by_sentiment';
                  DROP INDEX feedback_theme_by_sentiment;
                  """
                : """
                  INSERT INTO deferred_index (name, table_name, definition)
                  SELECT name, tbl_name, sql FROM sqlite_master WHERE name = 'feedback_theme_by_sentiment';
                  DROP INDEX feedback_theme_by_sentiment;
                  """);
        }

        NpgsqlConnection.ClearAllPools();
    }
}
