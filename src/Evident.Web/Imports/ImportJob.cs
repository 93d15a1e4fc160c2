using Evident.Store.Ingest;

namespace Evident.Web.Imports;

/// <summary>
/// An import running (or run) in this server: its totals as the pipeline reports them after each chunk it writes,
/// fresher than <c>import_run</c>, whose counters move only when a batch commits.
/// </summary>
public sealed class ImportJob(long runId, long? totalBytes) : IImportProgress
{
    private ImportTotals _totals = ImportTotals.Zero;
    private volatile bool _finished;
    private volatile string? _error;

    public long RunId => runId;

    public long? TotalBytes => totalBytes;

    /// <summary>Replaced whole at each report, so a reader never sees counts from two different moments.</summary>
    public ImportTotals Totals => Volatile.Read(ref _totals);

    /// <summary>True once the run has ended and its row, rejects file and counts are final.</summary>
    public bool Finished => _finished;

    /// <summary>Why the run failed, for the page; null when it did not.</summary>
    public string? Error => _error;

    public void Report(ImportTotals totals) => Volatile.Write(ref _totals, totals);

    internal void Finish(string? error)
    {
        _error = error;
        _finished = true;
    }
}
