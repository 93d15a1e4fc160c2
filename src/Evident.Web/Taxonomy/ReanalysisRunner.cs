using System.Data.Common;
using Evident.Store;
using Evident.Store.Taxonomy;
using Evident.Web.Data;

namespace Evident.Web.Taxonomy;

/// <summary>
/// Runs <see cref="ThemeReanalysis"/> in the background after the taxonomy changed, one run at a time. A change while a
/// run is going on stops it (its work is for the taxonomy before) and starts the next, which begins again; a request
/// for the same taxonomy continues the run where it stopped. Stopping the server cancels a run; the batches it committed
/// stay, and the taxonomy page offers to continue it. Every run ends by clearing the pages' kept figures.
/// </summary>
public sealed class ReanalysisRunner(WorkspaceSource workspaces, EvidenceService evidence, ILogger<ReanalysisRunner> logger) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _worker = Task.CompletedTask;
    private CancellationTokenSource? _current;
    private bool _again;
    private bool _working; // a worker loop is on (under the lock: it decides to end while holding it)
    private string? _by;
    private volatile bool _running;
    private volatile string? _error;

    /// <summary>True from <see cref="Start"/> until the last run asked for has ended.</summary>
    public bool IsRunning => _running;

    /// <summary>Why the last run failed, for the page; null when it did not.</summary>
    public string? Error => _error;

    /// <summary>Re-analyses the stored comments with the taxonomy as it is now, in the background.</summary>
    /// <param name="by">Who asked (recorded with the run).</param>
    public void Start(string? by)
    {
        lock (_lock)
        {
            _by = by;
            _again = true;
            _error = null;
            _running = true;
            _current?.Cancel();
            if (!_working)
            {
                _working = true;
                _worker = Task.Run(WorkAsync);
            }
        }
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            CancellationTokenSource run;
            string? by;
            lock (_lock)
            {
                if (!_again || _stopping.IsCancellationRequested)
                {
                    _running = false;
                    _working = false;
                    return;
                }

                _again = false;
                by = _by;
                _current = run = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            }

            try
            {
                await using var workspace = await workspaces.OpenAsync(run.Token);
                var reanalysis = new ThemeReanalysis(workspace);
                var state = await reanalysis.RunAsync(by, run.Token);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("themes re-analysed for taxonomy version {Version}: {Comments} comments, theme rows {Before} -> {After}",
                        state.TaxonomyVersion, state.Analysed, state.RowsBefore, state.RowsAfter);
                }
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                // A newer taxonomy asked for another run, or the server is stopping: the committed batches stay.
            }
            catch (Exception exception) when (exception is StoreException or DbException)
            {
                logger.LogError(exception, "re-analysing the themes failed");
                _error = exception.Message;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogError(exception, "re-analysing the themes failed");
                _error = "an unexpected error; the server's log has the details";
            }
            finally
            {
                lock (_lock)
                {
                    _current = null;
                }

                run.Dispose();
                // The themes swapped in (or, after a failure, nothing changed, and clearing costs one recomputation).
                evidence.Invalidate();
            }
        }
    }

    /// <summary>
    /// At server start: continues a run that a stop interrupted, or starts the one a taxonomy changed elsewhere asks for
    /// (<c>evident themes add</c> without <c>reanalyze</c>), so that the stored themes never stay behind the taxonomy
    /// new imports use. Returns whether it started one.
    /// </summary>
    public async Task<bool> ResumeAsync(CancellationToken cancellation)
    {
        TaxonomyStatus status;
        await using (var workspace = await workspaces.OpenAsync(cancellation))
        {
            long version = await new WorkspaceTaxonomy(workspace).VersionAsync(cancellation);
            status = TaxonomyStatus.Of(version, await ThemeReanalysis.ReadStateAsync(workspace, cancellation), IsRunning, Error);
        }

        if (status.Status is not ("interrupted" or "needed"))
        {
            return false;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("the stored themes are behind the taxonomy ({Status}): analysing the stored comments again", status.Status);
        }

        Start("the server, at start");
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _again = false;
            _stopping.Cancel();
        }

        await _worker.ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }
}
