using Dapper;
using Evident.Core.Ingest;
using Evident.Core.Records;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Ingest;

public sealed class FailedImportTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_read_failure_keeps_committed_transactions_drops_the_one_in_flight_and_marks_the_run_failed(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // Transactions of 10,000 rows are made of 8,192-row chunks: chunks 1-2 commit together (16,384 rows), chunk 3 is
        // written but not committed when reading fails inside chunk 4.
        using var records = new FailingSource(rows: 30_000, failAfter: 26_000);

        var error = await Assert.ThrowsAsync<IOException>(() => RunAsync(target.Location, records, "feedback", "disk", batchSize: 10_000, chunkSize: 8_192));

        Assert.Equal("the disk went away", error.Message);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(16_384, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback"));
        Assert.Equal(16_384, await workspace.Connection.ExecuteScalarAsync<long>("SELECT sum(n) FROM feedback_rollup WHERE theme = ''"));
        var run = await workspace.Connection.QuerySingleAsync<(string Status, long Imported)>("SELECT status, imported FROM import_run");
        Assert.Equal(("failed", 16_384), run);
    }

    [SkippableFact]
    public async Task A_lost_database_connection_says_what_was_kept_and_running_the_import_again_completes_it()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        // the server ends the import's connections part-way (as a restart would), once some batches have committed
        using (var records = new FailingSource(rows: 30_000, failAfter: -1) { AtRow = (26_000, () => TerminateOtherConnections(target.Db)) })
        {
            var error = await Assert.ThrowsAsync<StoreException>(() => RunAsync(target.Location, records, "feedback", "disk", batchSize: 4_096, chunkSize: 2_048));

            await using var after = await Workspace.OpenAsync(target.Location);
            long kept = await after.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback");
            Assert.InRange(kept, 4_096, 26_000);
            Assert.Equal(0, kept % 4_096); // whole batches only
            Assert.Contains("the database failed during the import: ", error.Message, StringComparison.Ordinal); // 57P01, or the stream it closed
            Assert.Contains($"{kept:N0} rows of this run were in committed batches and stay", error.Message, StringComparison.Ordinal);
            Assert.Contains("run the same import again", error.Message, StringComparison.Ordinal);
        }

        using var again = new FailingSource(rows: 30_000, failAfter: -1);
        var (totals, _) = await RunAsync(target.Location, again, "feedback", "disk");

        await using var workspace = await Workspace.OpenAsync(target.Location);
        Assert.Equal(30_000, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback"));
        Assert.Equal(30_000, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT external_id) FROM feedback"));
        Assert.Equal(30_000, totals.Imported + totals.Duplicates);
    }

    private static void TerminateOtherConnections(string connectionString)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        connection.Execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    /// <summary>Feedback rows that stop with an I/O error part-way, as a file on a failing disk would.</summary>
    private sealed class FailingSource(int rows, int failAfter) : IRecordSource
    {
        private int _next;

        /// <summary>Something to do, on the reading thread, when that row is reached (once).</summary>
        public (int Row, Action Do)? AtRow { get; init; }

        public long BytesRead => _next;

        public bool TryRead(out ImportedRecord? record, out RowReject? reject)
        {
            reject = null;
            record = null;
            if (_next == failAfter)
            {
                throw new IOException("the disk went away");
            }

            if (AtRow is { } at && _next == at.Row)
            {
                at.Do();
            }

            if (_next == rows)
            {
                return false;
            }

            _next++;
            record = new FeedbackRecord
            {
                Source = "disk",
                ExternalId = _next.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Line = _next + 1,
                CreatedAt = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).AddHours(_next),
                Text = "The queue was long.",
                Score = _next % 11,
                ScoreKind = "nps",
            };
            return true;
        }

        public void Dispose()
        {
        }
    }
}
