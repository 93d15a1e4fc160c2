using System.Diagnostics;
using System.Globalization;
using Dapper;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using Evident.Store;
using Evident.Store.Ingest;
using Evident.Text;

namespace Evident.Cli.Bench;

/// <summary>
/// A store's writer alone (<c>bench import --writer</c>): the file is read and analysed in memory first (with the
/// writer's own preparation of each record, as the import's analysis threads do it), then written into a fresh
/// workspace in the import's chunks and transactions, on one thread, timing only the writes. In a whole import the
/// writer shares two cores with reading and analysis (and PostgreSQL's server), so its time moves with the machine's
/// load; alone it shows what a change to the writer is worth. Holds every analysed row in memory meanwhile.
/// </summary>
/// <param name="db">The fresh workspace: a SQLite file or a PostgreSQL database's connection string.</param>
/// <param name="target">"sqlite" or "postgresql", for the progress lines.</param>
internal sealed class BenchWriterRun(string file, string db, string target, TextWriter stderr)
{
    /// <summary>Seconds spent writing the chunks, and finishing (the last commit and the run's end: PostgreSQL builds
    /// the indexes a first import set aside there).</summary>
    public readonly record struct Result(double ChunkSeconds, double FinishSeconds)
    {
        public double Seconds => ChunkSeconds + FinishSeconds;
    }

    public async Task<Result> MeasureAsync(CancellationToken cancellation)
    {
        stderr.WriteLine($"{target}: the writer alone …");
        var records = Read();
        await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(db), cancellation: cancellation);
        await using var writer = await RecordWriter.CreateAsync(workspace, cancellation);
        var engine = TextAnalyzer.Default;
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            if (records[i].Text is { Length: > 0 } text)
            {
                records[i].Analysis = TextSummary.Of(engine.Analyze(text, explain: false));
            }

            writer.Prepare(records[i]);
        });

        await writer.BeginRunAsync(new ImportRunInfo("feedback", "bench", file, null), cancellation);
        var plan = new CommitPlan(ImportPipeline.DefaultBatchSize);
        var writing = new Stopwatch();
        for (int start = 0; start < records.Count; start += ImportPipeline.DefaultChunkSize)
        {
            // A fresh workspace: every chunk finds its source empty, as a first import's do.
            var batch = new IngestBatch { SourcesWereEmpty = true };
            batch.Records.AddRange(records.Skip(start).Take(ImportPipeline.DefaultChunkSize));
            batch.Items = batch.Records.Count;
            batch.RowsRead = batch.Items;
            plan.Plan(batch);
            writing.Start();
            await writer.WriteAsync(batch, cancellation);
            if (batch.CommitAfter)
            {
                await writer.CommitAsync(cancellation);
            }

            writing.Stop();
        }

        var finishing = Stopwatch.StartNew();
        await writer.CommitAsync(cancellation);
        await writer.FinishRunAsync("completed", null, cancellation);
        finishing.Stop();
        long stored = await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback");
        var result = new Result(writing.Elapsed.TotalSeconds, finishing.Elapsed.TotalSeconds);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {stored:N0} rows stored in {result.Seconds:0.00} s (chunks {result.ChunkSeconds:0.00} s, finishing {result.FinishSeconds:0.00} s; one thread, analysis done before)"));
        return result;
    }

    private List<FeedbackRecord> Read()
    {
        using var stream = File.OpenRead(file);
        if (!InputFile.TryOpen(stream, file, InputFormat.Auto, out var reader, out string? problem))
        {
            throw new InvalidOperationException($"{file}: {problem}");
        }

        var peeking = new PeekingReader(reader);
        var questions = KnownExports.TakeQualtricsQuestions(peeking);
        if (!ColumnMap.TryCreate(RecordKind.Feedback, peeking.Columns, [], questions, out var map, out problem))
        {
            throw new InvalidOperationException($"{file}: {problem}");
        }

        using var source = new MappedRecordSource(peeking, new RowMapper(map, "bench"));
        var records = new List<FeedbackRecord>();
        while (source.TryRead(out var record, out _))
        {
            if (record is FeedbackRecord feedback)
            {
                records.Add(feedback);
            }
        }

        return records;
    }
}
