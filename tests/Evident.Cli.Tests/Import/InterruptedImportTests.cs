using System.Diagnostics;
using Dapper;
using Evident.Bench.Import;
using Evident.Cli.Tests.Analyze;
using Evident.Store;

namespace Evident.Cli.Tests.Import;

/// <summary>
/// A real <c>evident import</c> process killed (SIGKILL) in the middle of its work, then the same import run again:
/// only whole batches were left, and the second run completes with no row lost and none doubled.
/// </summary>
public sealed class InterruptedImportTests
{
    private const int BatchSize = 1_000;
    /// <param name="rows">
    /// Enough that the import is still running when the poll sees its third batch, on a fast machine too: at 40,000
    /// rows a SQLite import once finished first on CI. PostgreSQL imports about three times slower.
    /// </param>
    [SkippableTheory]
    [InlineData("sqlite", 120_000)]
    [InlineData("postgres", 40_000)]
    public async Task A_killed_import_leaves_whole_batches_and_a_rerun_completes_it(string dialect, int rows)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        using var folder = new TempFolder();
        string input = Path.Combine(folder.Path, "feedback.csv");
        await using (var file = File.Create(input))
        {
            SyntheticFeedback.WriteCsv(file, rows);
        }

        long atKill = await KillMidwayAsync(input, target.Db);

        Assert.InRange(atKill, BatchSize, rows - BatchSize);
        // The first import into empty tables set secondary indexes aside; killed, it could not build them again, so
        // the next opener does: the rerun below, which says so (read in between without that check).
        await using (var killed = await Workspace.OpenCurrentAsync(target.Location))
        {
            Assert.True(await killed.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index") > 0);
        }

        await using (var workspace = await Workspace.OpenCurrentAsync(target.Location))
        {
            var (stored, rollup) = await CountsAsync(workspace);
            Assert.Equal(0, stored % BatchSize);
            Assert.Equal(stored, rollup);
            Assert.Equal("running", await workspace.Connection.ExecuteScalarAsync<string>("SELECT status FROM import_run"));
        }

        var rerun = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", target.Db, "--batch-size", "5000");

        Assert.Equal(0, rerun.ExitCode);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            var (stored, rollup) = await CountsAsync(workspace);
            long kept = await workspace.Connection.ExecuteScalarAsync<long>("SELECT imported FROM import_run WHERE id = 1");
            Assert.Equal(rows, stored);
            Assert.Equal(rows, rollup);
            Assert.Equal(rows, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT external_id) FROM feedback"));
            Assert.Contains($"{rows:N0} rows read: {rows - kept:N0} imported, {kept:N0} duplicate", rerun.Stderr);
            Assert.Contains("indexes an interrupted import set aside …", rerun.Stderr);
            Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
            Assert.Equal(1, await workspace.Connection.ExecuteScalarAsync<long>(dialect == "postgres"
                ? "SELECT count(*) FROM pg_indexes WHERE indexname = 'feedback_theme_by_sentiment'"
                : "SELECT count(*) FROM sqlite_master WHERE name = 'feedback_theme_by_sentiment'"));
        }
    }

    /// <summary>Starts the import as a child process and kills it once a few batches are committed.</summary>
    private static async Task<long> KillMidwayAsync(string input, string db)
    {
        var start = ChildProcess.StartInfo(["import", input, "--kind", "feedback", "--db", db, "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        long seen = 0;
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!process.HasExited && DateTime.UtcNow < deadline)
            {
                seen = await ImportedSoFarAsync(db);
                if (seen >= 3 * BatchSize)
                {
                    break;
                }

                await Task.Delay(20);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return await ImportedSoFarAsync(db);
    }

    private static async Task<long> ImportedSoFarAsync(string db)
    {
        try
        {
            // Without the schema check: a poll must not wait on (or take part in) the child's migration.
            var location = StoreLocation.Resolve(db);
            if (location.Dialect == StoreDialect.Sqlite && !File.Exists(location.Target))
            {
                return 0;
            }

            await using var workspace = await Workspace.OpenCurrentAsync(location);
            return await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback");
        }
        catch (Exception exception) when (exception is StoreException or System.Data.Common.DbException)
        {
            return 0; // not created or not migrated yet
        }
    }

    private static async Task<(long Rows, long Rollup)> CountsAsync(Workspace workspace) =>
        (await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback"),
         await workspace.Connection.ExecuteScalarAsync<long>("SELECT coalesce(sum(n), 0) FROM feedback_rollup WHERE theme = ''"));
}
