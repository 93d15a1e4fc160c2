using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Evident.Core.Ingest;
using Evident.Core.Records;
using Evident.Text;

namespace Evident.Store.Ingest;

/// <summary>
/// Brings a stream of records into a workspace in four stages that overlap: read and map rows into batches (one
/// thread); skip the keys already stored (on PostgreSQL with up to <see cref="LookUpLanes"/> chunks' queries in flight);
/// analyse the texts of the rest on all cores; write each batch in one transaction (one thread). A batch is committed
/// whole or not at all, with the run's counters, so an import killed at any moment and run again completes with no row
/// lost and none doubled.
/// </summary>
/// <param name="analyzer">The engine, loaded on first use: a re-import whose rows are all stored never needs it.</param>
public sealed class ImportPipeline(Workspace workspace, Lazy<TextAnalyzer> analyzer)
{
    public ImportPipeline(Workspace workspace, TextAnalyzer analyzer)
        : this(workspace, new Lazy<TextAnalyzer>(analyzer))
    {
    }

    /// <summary>Rows per transaction: a killed import keeps every whole transaction. Large, so that the rollup
    /// upserts and the commit are paid once for many rows (a transaction touches most day groups whatever its size:
    /// the SQLite writer alone over 1M rows took 26.7-27.4 s with 100,000, 22.9-24.8 s with 250,000; whole 1M-row
    /// first imports 14.46-14.81 s with 250,000, 13.58-13.92 s with 500,000 and 13.10-13.55 s with 1,000,000, and
    /// PostgreSQL's 44.06 against 37.53 s); memory does not grow with it, since rows and the persons they name move
    /// through the stages in chunks of <see cref="ChunkSize"/> (peak 233-254 MiB either way). The price: a killed
    /// import redoes up to this many rows, and SQLite's write-ahead log holds a whole transaction (about 600 MB for a
    /// million comments) until it is checkpointed.</summary>
    public const int DefaultBatchSize = 1_000_000;

    /// <summary>Rows read, analysed and written together; each stage holds one chunk (the look-ups one per lane), and
    /// each channel between two stages one more. Small, so that the rows in flight (which every collection must copy,
    /// about 2.6 KB of objects a row) stay well under the gen0 budget: with 8,192 rows a chunk, a 1M-row first import
    /// spent 2.4-2.5 s in collector pauses and peaked at 322-374 MiB; with 2,048, 0.9-1.0 s and 270-282 MiB, and 1-3 s
    /// faster (three interleaved pairs, 48 MB gen0 budget). A re-import's key look-ups, one query a chunk, cost about
    /// 0.1 s more per million.</summary>
    public const int DefaultChunkSize = 2_048;

    /// <summary>Two look-ups: while the server answers one chunk's query, the next chunk's is sent. A
    /// re-import of the million rows of <c>bench import</c> on PostgreSQL, three interleaved pairs: 4.10-5.10 s against
    /// 3.55-3.61 s with the empty chunks' writes skipped too (import clock); three look-ups were no faster than two.</summary>
    public const int DefaultLookUpLanes = 2;

    /// <summary>Rows per chunk (<see cref="DefaultChunkSize"/>); never more than <see cref="BatchSize"/>.</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Connections that look up stored keys on PostgreSQL, each with one chunk's query in flight (<see cref="DefaultLookUpLanes"/>).</summary>
    public int LookUpLanes { get; init; } = DefaultLookUpLanes;

    /// <summary>Called with the run's id in <c>import_run</c> as soon as its row is written, before any row is read:
    /// a page can then follow the run by its id.</summary>
    public Action<long>? RunStarted { get; init; }

    /// <summary>Seconds each stage spent working (not waiting) in the last run: where an import's time goes.</summary>
    public StageTimes Times { get; } = new();

    /// <param name="onReject">Called for each row that is not imported and why, one call at a time.</param>
    public async Task<ImportTotals> RunAsync(
        IRecordSource stream,
        ImportRunInfo info,
        Action<RowReject> onReject,
        IImportProgress? progress,
        CancellationToken cancellation)
    {
        // SQLite answers on the calling thread (its asynchronous calls complete before they return), so a second
        // connection would put nothing in flight there.
        await using var lookups = await KeyLookups.OpenAsync(workspace, workspace.Dialect == StoreDialect.Postgres ? LookUpLanes : 1, cancellation);
        if (await FillsAnEmptyTableAsync(lookups.Lanes[0], info))
        {
            WarmUp();
        }

        await using var writer = await RecordWriter.CreateAsync(workspace, cancellation);
        long runId = await writer.BeginRunAsync(info, cancellation);
        RunStarted?.Invoke(runId);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var read = Channel.CreateBounded<IngestBatch>(1);
        var lookedUp = Channel.CreateBounded<IngestBatch>(1);
        var analysed = Channel.CreateBounded<IngestBatch>(1);
        // Rejects come from the reading thread and, for rows stored with other values, from this one.
        var gate = new Lock();
        void Report(RowReject reject)
        {
            lock (gate)
            {
                onReject(reject);
            }
        }

        var reading = Task.Run(() => ReadBatches(stream, Report, read.Writer, failed.Token), failed.Token);
        var lookingUp = Task.Run(() => LookUpBatchesAsync(lookups.Lanes, info, read.Reader, lookedUp.Writer, failed.Token), failed.Token);
        var analysing = Task.Run(() => AnalyseBatchesAsync(writer, lookedUp.Reader, analysed.Writer, failed.Token), failed.Token);

        var totals = ImportTotals.Zero;
        long committed = 0; // rows of this run in committed batches: what a failure leaves
        string status = "failed";
        string? error = null; // why it failed, kept with the run
        try
        {
            await foreach (var batch in analysed.Reader.ReadAllAsync(failed.Token))
            {
                long started = Stopwatch.GetTimestamp();
                batch.Changed.ForEach(Report);
                var outcome = await writer.WriteAsync(batch, failed.Token);
                if (batch.CommitAfter)
                {
                    await writer.CommitAsync(failed.Token);
                    committed = totals.Imported + outcome.Inserted;
                }

                Times.Write += Stopwatch.GetElapsedTime(started).TotalSeconds;
                totals = new ImportTotals(
                    totals.RowsRead + batch.RowsRead,
                    totals.Imported + outcome.Inserted,
                    totals.Duplicates + outcome.Duplicates,
                    totals.Rejected + batch.Rejected,
                    batch.BytesRead);
                progress?.Report(totals);
            }

            await writer.CommitAsync(failed.Token);
            await Task.WhenAll(reading, lookingUp, analysing);
            status = "completed";
            return totals;
        }
        catch (Exception exception)
        {
            await failed.CancelAsync();
            await Task.WhenAll(reading, lookingUp, analysing).ContinueWith(_ => { }, TaskScheduler.Default);
            // The first stage that failed for a reason of its own; the later ones failed because it did.
            foreach (var stage in (Task[])[reading, lookingUp, analysing])
            {
                if (stage.Exception?.InnerException is { } stageError and not OperationCanceledException)
                {
                    var explained = Explained(stageError, committed);
                    error = explained.Message;
                    throw explained;
                }
            }

            if (exception is System.Data.Common.DbException && !cancellation.IsCancellationRequested)
            {
                var explained = Explained(exception, committed); // the writer lost its database (a server restarted, a full disk)
                error = explained.Message;
                throw explained;
            }

            error = exception is OperationCanceledException ? null : exception.Message;
            throw;
        }
        finally
        {
            // after a failure the indexes set aside are left to the next opener, which says so when it builds them
            if (status == "completed" && writer.FinishingWork is { } work)
            {
                progress?.Finishing(work);
            }

            await FinishAsync(writer, cancellation.IsCancellationRequested ? "cancelled" : status, error);
        }
    }

    /// <summary>
    /// A database's failure in the middle of an import as what a user can act on: which workspace, what the database
    /// said, and that running the same import again completes it (the committed batches stay, stored rows are skipped).
    /// Anything else is passed on as it is.
    /// </summary>
    private Exception Explained(Exception exception, long committed) => exception is System.Data.Common.DbException database
        ? new StoreException(
            $"{workspace.Location.Display}: the database failed during the import: {database.Message.Split('\n', 2)[0].TrimEnd(' ', '.', '\r')}. "
            + $"{committed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows of this run were in committed batches and stay, the rest was rolled back; "
            + "run the same import again once the database is back to complete it.",
            database)
        : exception;

    /// <summary>Records how the run ended; after a failure, first drops the transaction in flight (its rows were
    /// never committed). Never throws over the exception that ended the run.</summary>
    private static async Task FinishAsync(RecordWriter writer, string status, string? error)
    {
        try
        {
            if (status != "completed")
            {
                await writer.RollbackAsync();
            }

            await writer.FinishRunAsync(status, status == "failed" ? error : null, CancellationToken.None);
        }
        catch (Exception exception) when (status != "completed" && exception is System.Data.Common.DbException or InvalidOperationException)
        {
            // The database itself failed; the run stays 'running' and reads as interrupted.
        }
    }

    private void ReadBatches(IRecordSource stream, Action<RowReject> onReject, ChannelWriter<IngestBatch> output, CancellationToken cancellation)
    {
        try
        {
            var batch = new IngestBatch();
            LastKeys last = default;
            int items = 0;
            long started = Stopwatch.GetTimestamp();
            while (stream.TryRead(out var record, out var reject))
            {
                cancellation.ThrowIfCancellationRequested();
                // Records made from several rows (a thread's interaction) have no line and are not rows read.
                batch.RowsRead += record is { Line: 0 } ? 0 : 1;
                if (reject is not null)
                {
                    batch.Rejected++;
                    onReject(reject);
                }
                else if (!KeysOf(batch, record!, Math.Min(ChunkSize, BatchSize), ref last).TryAdd(record!.ExternalId, record.ValuesHash = RecordValues.HashOf(record)))
                {
                    batch.Duplicates++;
                }
                else
                {
                    batch.Records.Add(record);
                }

                if (++items == Math.Min(ChunkSize, BatchSize))
                {
                    batch.Items = items;
                    batch.BytesRead = stream.BytesRead;
                    Times.Read += Stopwatch.GetElapsedTime(started).TotalSeconds;
                    Send(output, batch, cancellation);
                    started = Stopwatch.GetTimestamp();
                    batch = new IngestBatch();
                    last = default;
                    items = 0;
                }
            }

            batch.BytesRead = stream.BytesRead;
            batch.Items = items;
            Times.Read += Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (items > 0)
            {
                Send(output, batch, cancellation);
            }

            output.Complete();
        }
        catch (Exception exception)
        {
            output.Complete(exception);
            throw;
        }
    }

    /// <summary>The key set of the last record's table and source (none at a chunk's start): a file's records mostly
    /// share one, as the same strings, so that most records cost two reference comparisons here rather than a look-up
    /// hashing both.</summary>
    private record struct LastKeys(string? Table, string? Source, Dictionary<string, long?>? Keys);

    /// <summary>The set of keys read so far in <paramref name="batch"/> for the record's table and source.</summary>
    private static Dictionary<string, long?> KeysOf(IngestBatch batch, ImportedRecord record, int capacity, ref LastKeys last)
    {
        string table = RecordWriter.TableOf(record);
        if (last.Keys is null || !ReferenceEquals(table, last.Table) || !ReferenceEquals(record.Source, last.Source))
        {
            if (!batch.Keys.TryGetValue((table, record.Source), out var keys))
            {
                // Sized for a whole chunk, so that it never grows: grown to a chunk of 2,048, its entries (32 bytes
                // each, a hash in each) went to the large object heap, collected only with gen2.
                batch.Keys[(table, record.Source)] = keys = new Dictionary<string, long?>(capacity, StringComparer.Ordinal);
            }

            last = new LastKeys(table, record.Source, keys);
        }

        return last.Keys!;
    }

    private static void Send(ChannelWriter<IngestBatch> output, IngestBatch batch, CancellationToken cancellation)
    {
        if (!output.TryWrite(batch))
        {
            output.WriteAsync(batch, cancellation).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The tables of the records <see cref="Analyse"/> analyses (<see cref="NeedsAnalysis"/>).</summary>
    private static readonly string[] s_analysedTables = ["feedback", "communication"];

    /// <summary>Whether <see cref="Analyse"/> runs the engine on the record: a feedback text or a communication.</summary>
    private static bool NeedsAnalysis(ImportedRecord record) =>
        record is FeedbackRecord { Text.Length: > 0 } or CommunicationRecord;

    /// <summary>
    /// Whether the import fills a table of analysed texts that held no row of its source when it began (a first
    /// import): then every row is new, and the engine will be needed from the first chunk on.
    /// </summary>
    private static async Task<bool> FillsAnEmptyTableAsync(KeyLookup lookup, ImportRunInfo info)
    {
        foreach (string table in DeferredIndexes.TablesFilledBy(info.Kind).Intersect(s_analysedTables))
        {
            if (!await lookup.HadRowsAsync(table, info.Source))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Starts loading the engine in the background (once): while the first rows are read and looked up in a first import,
    /// at the first chunk with rows not stored in a re-import. A re-import whose rows are all stored never loads it: on
    /// two cores its loading (about 0.7 processor-seconds with the jitting of its code) took time from the look-ups.
    /// </summary>
    private void WarmUp()
    {
        if (!analyzer.IsValueCreated && Interlocked.Exchange(ref _warming, 1) == 0)
        {
            _ = Task.Run(() => analyzer.Value, CancellationToken.None);
        }
    }

    private int _warming;

    /// <summary>
    /// Drops each chunk's stored records, passing the chunks on in order. The chunks' queries go out on the look-ups in
    /// turn, so that the next chunk's is in flight while the server answers the last one and while this thread passes a
    /// chunk on: a re-import, where every row is stored and nothing is analysed, waits on little else.
    /// </summary>
    private async Task LookUpBatchesAsync(
        IReadOnlyList<KeyLookup> lookups, ImportRunInfo info, ChannelReader<IngestBatch> input, ChannelWriter<IngestBatch> output, CancellationToken cancellation)
    {
        // Oldest first; a full queue's oldest used the look-up the next chunk takes, so no look-up runs two queries at once.
        var inFlight = new Queue<Task<(IngestBatch Batch, double Seconds)>>();
        try
        {
            int next = 0;
            Exception? readError = null;
            while (true)
            {
                try
                {
                    if (!await input.WaitToReadAsync(cancellation))
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Reading failed: the chunks read before it still go on, as a channel gives its items before its
                    // error, so that the transactions they complete are committed.
                    readError = exception;
                    break;
                }

                while (input.TryRead(out var batch))
                {
                    if (inFlight.Count == lookups.Count)
                    {
                        await PassOnAsync(inFlight.Dequeue());
                    }

                    inFlight.Enqueue(LookUpAsync(lookups[next], info, batch));
                    next = (next + 1) % lookups.Count;
                }
            }

            while (inFlight.Count > 0)
            {
                await PassOnAsync(inFlight.Dequeue());
            }

            output.Complete(readError);
            if (readError is not null)
            {
                ExceptionDispatchInfo.Capture(readError).Throw();
            }
        }
        catch (Exception exception)
        {
            output.TryComplete(exception);
            await Task.WhenAll(inFlight).ContinueWith(_ => { }, TaskScheduler.Default); // no query left running on a connection about to close
            throw;
        }

        async Task PassOnAsync(Task<(IngestBatch Batch, double Seconds)> lookUp)
        {
            var (batch, seconds) = await lookUp;
            Times.Lookup += seconds;
            if (batch.Records.Exists(NeedsAnalysis))
            {
                WarmUp(); // the first chunk with texts not stored yet: the engine is needed after all
            }

            await output.WriteAsync(batch, cancellation);
        }

        static async Task<(IngestBatch, double)> LookUpAsync(KeyLookup lookup, ImportRunInfo info, IngestBatch batch)
        {
            long started = Stopwatch.GetTimestamp();
            await DropStoredAsync(lookup, info, batch);
            return (batch, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task AnalyseBatchesAsync(RecordWriter writer, ChannelReader<IngestBatch> input, ChannelWriter<IngestBatch> output, CancellationToken cancellation)
    {
        try
        {
            var plan = new CommitPlan(BatchSize);
            int threads = Environment.ProcessorCount;
            await foreach (var batch in input.ReadAllAsync(cancellation))
            {
                long started = Stopwatch.GetTimestamp();
                Analyse(batch.Records, writer, threads, cancellation);
                plan.Plan(batch); // here rather than in the writer, the import's one serial stage

                Times.Analyse += Stopwatch.GetElapsedTime(started).TotalSeconds;
                bool writerBehind = !output.TryWrite(batch);
                if (writerBehind)
                {
                    await output.WriteAsync(batch, cancellation);
                }

                threads = AnalysisThreads(writerBehind);
            }

            output.Complete();
        }
        catch (Exception exception)
        {
            output.Complete(exception);
            throw;
        }
    }

    /// <summary>Removes the records whose key is already stored, counting them as duplicates.</summary>
    private static async Task DropStoredAsync(KeyLookup lookup, ImportRunInfo info, IngestBatch batch)
    {
        // Keys within a chunk are distinct (the reader drops a chunk's own repeats), so a group whose every key is
        // stored is known from a count, and its records all go.
        var stored = new Dictionary<(string Table, string Source), StoredKeys>();
        bool everyKeyStored = true;
        bool anyChanged = false;
        batch.SourcesWereEmpty = true;
        foreach (var ((table, source), keys) in batch.Keys)
        {
            bool hadRows = await lookup.HadRowsAsync(table, source);
            batch.SourcesWereEmpty &= !hadRows;
            if (!hadRows && info.SourceNamedByFile)
            {
                await RefuseSameRowsUnderANewNameAsync(lookup, info, table, source, keys);
            }

            var found = await lookup.FindExistingAsync(table, source, keys);
            everyKeyStored &= found.All;
            anyChanged |= found.Changed.Count > 0;
            if (found.All || found.Keys.Count > 0 || found.Changed.Count > 0)
            {
                stored[(table, source)] = found;
            }
        }

        if (everyKeyStored && !anyChanged)
        {
            batch.Duplicates += batch.Records.Count; // a re-import's chunk: its records go untouched
            batch.Records.Clear();
        }
        else if (stored.Count > 0)
        {
            int before = batch.Records.Count;
            batch.Records.RemoveAll(r =>
            {
                if (!stored.TryGetValue((RecordWriter.TableOf(r), r.Source), out var found) || !found.Holds(r.ExternalId))
                {
                    return false;
                }

                if (found.Changed.Contains(r.ExternalId))
                {
                    batch.Changed.Add(StoredWithOtherValues(r));
                }

                return true;
            });
            batch.Rejected += batch.Changed.Count;
            batch.Duplicates += before - batch.Records.Count - batch.Changed.Count;
        }
    }

    /// <summary>
    /// Fails the import, before its first chunk is written, when more than half of that chunk's rows are stored with
    /// the same values under another source, and this one is new and only named after the file: the same export saved
    /// under a new name, whose every row would be stored a second time (and every count doubled).
    /// </summary>
    private static async Task RefuseSameRowsUnderANewNameAsync(KeyLookup lookup, ImportRunInfo info, string table, string source, Dictionary<string, long?> keys)
    {
        if (await lookup.SameRowsElsewhereAsync(table, source, keys) is not { } elsewhere || elsewhere.Same * 2 <= elsewhere.Asked)
        {
            return;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        throw new StoreException(
            $"{info.FileName}: {elsewhere.Same.ToString("N0", invariant)} of its first {elsewhere.Asked.ToString("N0", invariant)} rows are stored "
            + $"already, with the same values, under source \"{elsewhere.Source}\"; its source, named after the file (\"{source}\"), is new, so "
            + $"each of them would be stored a second time. Give it the source \"{elsewhere.Source}\" to add only its new rows, or a source of its "
            + "own to keep it apart. Nothing was imported.");
    }

    /// <summary>
    /// The reject of a record whose key is stored with other values: an import adds rows and never changes one, so
    /// the stored row stays as it was; counted a duplicate, the change would go unseen (a ticket closed, a score
    /// corrected since the last export).
    /// </summary>
    internal static RowReject StoredWithOtherValues(ImportedRecord record) => new(
        record.Line,
        null,
        $"the id \"{record.ExternalId}\" is stored already, with other values (from an earlier import into source \"{record.Source}\"); "
        + "a stored row is never changed, so the stored one is kept as it was and this one was not imported")
    {
        StoredWithOtherValues = true,
    };

    /// <summary>
    /// The threads that analyse the next chunk, set by back-pressure: when the last chunk found the one before it still
    /// waiting for the writer, writing is the slower stage, and analysing on every core only takes processor time from
    /// it (and from a database server on the same machine); one core is then left to it. Otherwise every core analyses,
    /// as when the texts are long. Measured on two cores, 1M short comments: PostgreSQL first imports 26.7-27.3 s with
    /// two analysing threads against 24.6-26.2 s with one, SQLite 13.2-13.6 against 12.7-13.4 s; the analysis stage
    /// took as long with one thread as with two.
    /// </summary>
    internal static int AnalysisThreads(bool writerBehind) =>
        writerBehind ? Math.Max(1, Environment.ProcessorCount - 1) : Environment.ProcessorCount;

    private void Analyse(List<ImportedRecord> records, RecordWriter writer, int threads, CancellationToken cancellation)
    {
        if (records.Count == 0)
        {
            return;
        }

        // Taken only for a chunk with texts: interactions and journey events never load the engine.
        var engine = records.Exists(NeedsAnalysis) ? analyzer.Value : null;
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = threads };
        Parallel.For(0, records.Count, options, i =>
        {
            switch (records[i])
            {
                case FeedbackRecord { Text: { Length: > 0 } text } feedback:
                    feedback.Analysis = TextSummary.Of(engine!.Analyze(text, explain: false));
                    break;
                case CommunicationRecord communication:
                    communication.Analysis = TextSummary.Of(engine!.Analyze(communication.Text, explain: false));
                    break;
            }

            writer.Prepare(records[i]);
        });
    }
}

/// <summary>Busy seconds per stage of an import.</summary>
public sealed class StageTimes
{
    public double Read { get; set; }
    /// <summary>Summed over the chunks, each from its query's start to its answer: with look-ups in flight side by side
    /// (PostgreSQL), more than the time the stage took.</summary>
    public double Lookup { get; set; }
    public double Analyse { get; set; }
    public double Write { get; set; }
}
