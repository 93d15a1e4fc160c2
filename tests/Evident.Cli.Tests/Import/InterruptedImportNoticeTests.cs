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

    /// <summary>
    /// An import run again right after a kill: the killed import's server session still holds the bulk-load lock (it
    /// lets go only when the statement it was running ends), so the opener cannot rebuild. The import waits for the lock,
    /// then rebuilds what was left aside before it loads, and says so, as an opener would (it had loaded in silence
    /// without the lock, leaving the rebuild to whoever opened next).
    /// </summary>
    [SkippableFact]
    public async Task An_import_while_the_killed_imports_session_still_holds_the_lock_waits_and_rebuilds()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        using var folder = new TempFolder();
        string input = Path.Combine(folder.Path, "feedback.csv");
        await File.WriteAllTextAsync(input, "id,date,comment\n1,2025-03-01,The parcel arrived late.\n2,2025-03-02,Kind and helpful staff.\n");
        Assert.Equal(0, (await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", target.Db)).ExitCode);
        await LeaveIndexSetAsideAsync(target.Location);
        string more = Path.Combine(folder.Path, "more.csv");
        await File.WriteAllTextAsync(more, "id,date,comment\n3,2025-03-03,Still waiting for my refund.\n");

        // unpooled: closing it ends the session and its lock, where a pooled one would go back to the pool still holding it
        await using var dying = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.Db) { Pooling = false }.ConnectionString);
        await dying.OpenAsync();
        await dying.ExecuteScalarAsync("SELECT pg_advisory_lock(x'455649440001'::bigint)"); // PostgresDeferredIndexes' key, "EVID", 1
        var rerun = CommandRunner.RunAsync(null, "import", more, "--kind", "feedback", "--db", target.Db);
        await Task.Delay(500);
        await dying.CloseAsync(); // the session ends, as a killed client's does once its statement is over

        var run = await rerun;
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("rebuilding the 1 index an interrupted import set aside …", run.Stderr);
        await using var workspace = await Workspace.OpenCurrentAsync(target.Location);
        Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
        Assert.Equal(1, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'feedback_theme_by_sentiment'"));
        Assert.Equal(3, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback"));
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
