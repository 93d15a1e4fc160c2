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

    /// <summary>Feedback rows that stop with an I/O error part-way, as a file on a failing disk would.</summary>
    private sealed class FailingSource(int rows, int failAfter) : IRecordSource
    {
        private int _next;

        public long BytesRead => _next;

        public bool TryRead(out ImportedRecord? record, out RowReject? reject)
        {
            reject = null;
            record = null;
            if (_next == failAfter)
            {
                throw new IOException("the disk went away");
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
