using Evident.Core.Records;

namespace Evident.Store.Ingest;

/// <summary>
/// Where an import's transactions end, and the rollup sums of each: batches pass in order, their feedback is summed
/// into the open transaction's <see cref="FeedbackRollup"/> (<see cref="IngestBatch.Rollup"/>), and the batch that
/// brings the transaction to <paramref name="batchSize"/> items is marked <see cref="IngestBatch.CommitAfter"/>. The
/// pipeline plans in its analysis stage, so that the single writer thread neither sums nor counts.
/// </summary>
public sealed class CommitPlan(int batchSize)
{
    private FeedbackRollup _rollup = new();
    private long _uncommitted;

    public void Plan(IngestBatch batch)
    {
        foreach (var record in batch.Records)
        {
            if (record is FeedbackRecord feedback)
            {
                _rollup.Add(feedback);
            }
        }

        batch.Rollup = _rollup;
        _uncommitted += batch.Items;
        if (_uncommitted >= batchSize)
        {
            batch.CommitAfter = true;
            _rollup = new FeedbackRollup(); // the writer reads the finished one when it commits
            _uncommitted = 0;
        }
    }
}
