using System.Collections.Concurrent;
using Evident.Core.Ingest;
using Evident.Store;
using Evident.Store.Ingest;
using Evident.Store.Taxonomy;
using Evident.Text;
using Evident.Web.Data;

namespace Evident.Web.Imports;

/// <summary>
/// Runs the imports started on the Imports page in the background, one at a time (the workspace takes one writer at a
/// time anyway), through the same <see cref="ImportPipeline"/> as <c>evident import</c>: analysis on all cores, whole
/// batches, rows already stored skipped, rejects written with line, column and reason. Stopping the server cancels a
/// run; the batches it committed stay, and importing the file again completes it.
/// </summary>
public sealed class ImportRunner(WorkspaceSource workspaces, EvidenceService evidence, ImportUploads uploads, ILogger<ImportRunner> logger)
    : IAsyncDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, ImportJob> _jobs = new();
    private Task _current = Task.CompletedTask;
    private long _runningId;

    /// <summary>The run going on in this server, if any.</summary>
    public long? RunningId => Interlocked.Read(ref _runningId) is > 0 and long id ? id : null;

    /// <summary>The live state of a run this server started since it began; null for any other run.</summary>
    public ImportJob? Find(long runId) => _jobs.GetValueOrDefault(runId);

    /// <summary>
    /// Starts importing <paramref name="file"/>, which the runner then owns, and returns as soon as the run is recorded,
    /// with its id. The upload is removed when the run ends; it stays (for another try) when the run could not start.
    /// </summary>
    public async Task<ImportStart> StartAsync(ImportFile file, string uploadId)
    {
        if (!await _oneAtATime.WaitAsync(0))
        {
            file.Dispose();
            return new ImportStart(null, $"another import is running (run {RunningId}); start this one when it has finished");
        }

        var started = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _current = Task.Run(() => RunAsync(file, uploadId, started));
        try
        {
            return new ImportStart(await started.Task, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Logged by the run itself.
            return new ImportStart(null, $"the import could not start: {Explain(exception)}");
        }
    }

    /// <summary>What a person can be told: the store's and the file system's messages; anything else stays in the log.</summary>
    private static string Explain(Exception exception) => exception switch
    {
        StoreException or IOException or System.Data.Common.DbException => exception.Message,
        OperationCanceledException => "the server is stopping",
        _ => "an unexpected error; the server's log has the details",
    };

    private async Task RunAsync(ImportFile file, string uploadId, TaskCompletionSource<long> started)
    {
        ImportJob? job = null;
        RejectsFile? rejects = null;
        string? error = null;
        try
        {
            await using var workspace = await workspaces.OpenAsync(_stopping.Token);
            // The lexicons are the workspace's: the shipped taxonomy with its own themes, as they are when the import
            // starts. The pipeline loads them when it knows it will analyse; a re-import of stored rows never loads them.
            var themes = await new WorkspaceTaxonomy(workspace).LoadAsync(_stopping.Token);
            var analyzer = new Lazy<TextAnalyzer>(() => WorkspaceAnalyzer.For(themes));
            var pipeline = new ImportPipeline(workspace, analyzer)
            {
                RunStarted = id =>
                {
                    // Before any row is read, so that the first reject has its file and the page can follow the run.
                    rejects = new RejectsFile(uploads.RejectsPath(id));
                    job = new ImportJob(id, file.TotalBytes);
                    _jobs[id] = job;
                    Interlocked.Exchange(ref _runningId, id);
                    started.TrySetResult(id);
                },
            };
            var info = new ImportRunInfo(file.Kind, file.Source, file.Name, file.TotalBytes) { SourceNamedByFile = file.SourceNamedByFile };
            var totals = await pipeline.RunAsync(file.Records, info, reject => rejects!.Add(reject), new Progress(() => job), _stopping.Token);
            job?.Report(totals);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            error = "the server stopped during the import; the batches already written are kept: import the file again to complete it";
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "import of {File} failed", file.Name);
            error = Explain(exception);
            started.TrySetException(exception);
        }
        finally
        {
            rejects?.Dispose();
            file.Dispose();
            if (job is not null)
            {
                uploads.Delete(uploadId);
            }

            // Committed batches count even when the run failed later: the pages must show them.
            evidence.Invalidate();
            job?.Finish(error);
            Interlocked.Exchange(ref _runningId, 0);
            started.TrySetCanceled();
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _current.ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    /// <summary>Hands the pipeline's reports to the job, which exists once the run has started.</summary>
    private sealed class Progress(Func<ImportJob?> job) : IImportProgress
    {
        public void Report(ImportTotals totals) => job()?.Report(totals);

        public void Finishing(string work) => job()?.Finishing(work);
    }
}

/// <summary>The id of the run started, or why none was.</summary>
public sealed record ImportStart(long? RunId, string? Problem);
