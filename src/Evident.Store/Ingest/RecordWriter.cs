using Evident.Core.Records;

namespace Evident.Store.Ingest;

/// <summary>
/// Writes import batches into one dialect's tables. Batches accumulate in one transaction until
/// <see cref="CommitAsync"/> adds their rollups and the run's counters and commits, so that a process killed at any
/// moment leaves only whole transactions. Rows whose natural key is already
/// stored are skipped (the unique key is the final judge, whatever a pre-check said).
/// </summary>
public abstract class RecordWriter : IAsyncDisposable
{
    public static async Task<RecordWriter> CreateAsync(Workspace workspace, CancellationToken cancellation)
    {
        RecordWriter writer = workspace.Dialect == StoreDialect.Sqlite ? new SqliteRecordWriter(workspace) : new PostgresRecordWriter(workspace);
        await writer.PrepareAsync(cancellation);
        return writer;
    }

    public static string TableOf(ImportedRecord record) => record switch
    {
        FeedbackRecord => "feedback",
        InteractionRecord => "interaction",
        JourneyRecord => "journey_event",
        CommunicationRecord => "communication",
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    protected abstract Task PrepareAsync(CancellationToken cancellation);

    /// <summary>Work this writer wants done on a record before it is written, on the import's analysis threads (several
    /// at once, after the record's analysis) rather than on the one thread that writes: PostgreSQL's writer encodes a
    /// feedback row for its COPY here, search vector included.</summary>
    public virtual void Prepare(ImportedRecord record)
    {
    }

    /// <summary>Records the start of a run; its id tags every row it writes.</summary>
    public abstract Task<long> BeginRunAsync(ImportRunInfo info, CancellationToken cancellation);

    /// <summary>Writes a batch inside the open transaction (beginning one when none is open).</summary>
    public abstract Task<BatchOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellation);

    /// <summary>Adds the rollups and run counters of everything written since the last commit, and commits.</summary>
    public abstract Task CommitAsync(CancellationToken cancellation);

    /// <summary>Drops what was written since the last commit.</summary>
    public abstract Task RollbackAsync();

    /// <param name="status">completed, failed or cancelled.</param>
    /// <param name="error">Why the run failed, kept with it for <c>evident status</c> and the import page; null otherwise.</param>
    public abstract Task FinishRunAsync(string status, string? error, CancellationToken cancellation);

    /// <summary>What <see cref="FinishRunAsync"/> will spend noticeable time on, in words for a progress line; null when nothing.</summary>
    public virtual string? FinishingWork => null;

    public abstract ValueTask DisposeAsync();

    private FeedbackRollup _rollup = new();
    private readonly List<FeedbackRecord> _notInserted = [];

    /// <summary>Takes the batch's rollup sums (<see cref="IngestBatch.Rollup"/>) as those of the open transaction.</summary>
    protected void TakeRollupOf(IngestBatch batch) => _rollup = batch.Rollup;

    /// <summary>A feedback record of the batch that was not inserted (its key was stored): its sums come out at commit.</summary>
    protected void NotInserted(FeedbackRecord record) => _notInserted.Add(record);

    /// <summary>The rollup sums of the rows the open transaction inserted; read at commit, once the pipeline is done with them.</summary>
    protected FeedbackRollup InsertedRollup()
    {
        foreach (var record in _notInserted)
        {
            _rollup.Remove(record);
        }

        _notInserted.Clear();
        return _rollup;
    }

    /// <summary>Forgets the rollup sums after a commit or rollback.</summary>
    protected void ClearRollup()
    {
        _rollup = new FeedbackRollup();
        _notInserted.Clear();
    }
}

/// <summary>Run counters not yet committed.</summary>
internal readonly record struct PendingCounts(long RowsRead, long Inserted, long Duplicates, long Rejected)
{
    public PendingCounts Add(long rowsRead, long inserted, long duplicates, long rejected) =>
        new(RowsRead + rowsRead, Inserted + inserted, Duplicates + duplicates, Rejected + rejected);
}
