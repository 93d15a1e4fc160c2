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
    private const int Rows = 40_000;
    private const int BatchSize = 1_000;

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_killed_import_leaves_whole_batches_and_a_rerun_completes_it(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        using var folder = new TempFolder();
        string input = Path.Combine(folder.Path, "feedback.csv");
        await using (var file = File.Create(input))
        {
            SyntheticFeedback.WriteCsv(file, Rows);
        }

        long atKill = await KillMidwayAsync(input, target.Db);

        Assert.InRange(atKill, BatchSize, Rows - BatchSize);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            var (rows, rollup) = await CountsAsync(workspace);
            Assert.Equal(0, rows % BatchSize);
            Assert.Equal(rows, rollup);
            Assert.Equal("running", await workspace.Connection.ExecuteScalarAsync<string>("SELECT status FROM import_run"));
        }

        var rerun = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", target.Db, "--batch-size", "5000");

        Assert.Equal(0, rerun.ExitCode);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            var (rows, rollup) = await CountsAsync(workspace);
            long kept = await workspace.Connection.ExecuteScalarAsync<long>("SELECT imported FROM import_run WHERE id = 1");
            Assert.Equal(Rows, rows);
            Assert.Equal(Rows, rollup);
            Assert.Equal(Rows, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT external_id) FROM feedback"));
            Assert.Contains($"{Rows:N0} rows read: {Rows - kept:N0} imported, {kept:N0} duplicate", rerun.Stderr);
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
            await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(db), create: false);
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
