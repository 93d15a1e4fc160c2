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
    private volatile string? _finishing;

    public long RunId => runId;

    public long? TotalBytes => totalBytes;

    /// <summary>Replaced whole at each report, so a reader never sees counts from two different moments.</summary>
    public ImportTotals Totals => Volatile.Read(ref _totals);

    /// <summary>True once the run has ended and its row, rejects file and counts are final.</summary>
    public bool Finished => _finished;

    /// <summary>Why the run failed, for the page; null when it did not.</summary>
    public string? Error => _error;

    /// <summary>What the run does after its last batch when that takes a while (building indexes), in words; else null.</summary>
    public string? FinishingWork => _finishing;

    public void Report(ImportTotals totals) => Volatile.Write(ref _totals, totals);

    public void Finishing(string work) => _finishing = work;

    internal void Finish(string? error)
    {
        _error = error;
        _finished = true;
    }
}
