using System.Diagnostics;
using Evident.Store.Evidence;

namespace Evident.Web.Data;

/// <summary>
/// Keeps Voices' full-text index current while the server runs: at start, as soon as the server stores something
/// (an import from the page, a post to the API), and every few seconds for what the command line imported. Until it
/// has caught up, a search matches substrings, slower but complete. A failure is logged and tried again at the next
/// round, never thrown.
/// </summary>
public sealed class SearchIndexing(WorkspaceSource workspaces, EvidenceService evidence, ILogger<SearchIndexing> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim wake = new(0, 1);

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one round indexes everything stored until then.
        }
    }

    public override void Dispose()
    {
        evidence.Invalidated -= Wake;
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        evidence.Invalidated += Wake;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                log.LogWarning(exception, "indexing the comments for search failed; trying again in {Seconds} s", Every.TotalSeconds);
            }

            await wake.WaitAsync(Every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellation)
    {
        await using var workspace = await workspaces.OpenAsync(cancellation);
        if (await SearchIndex.IsCurrentAsync(workspace, cancellation))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        long indexed = await SearchIndex.CatchUpAsync(workspace, cancellation: cancellation);
        if (indexed > 0)
        {
            // A search answered while the index was behind is kept nowhere, but pages are: let them read afresh.
            evidence.Invalidate();
        }

        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("indexed {Comments} comments for search in {Seconds:0.0} s", indexed, clock.Elapsed.TotalSeconds);
        }
    }
}
