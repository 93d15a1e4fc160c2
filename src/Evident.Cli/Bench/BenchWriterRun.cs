using System.Diagnostics;
using System.Globalization;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using Evident.Store;
using Evident.Store.Ingest;
using Evident.Text;

namespace Evident.Cli.Bench;

/// <summary>
/// The SQLite writer alone (<c>bench import --writer</c>): the file is read and analysed in memory first, then
/// written into a fresh workspace in the import's chunks and transactions, on one thread, timing only the writes.
/// In a whole import the writer shares two cores with reading and analysis, so its time moves with the machine's
/// load; alone it shows what a change to the writer is worth. Holds every analysed row in memory meanwhile.
/// </summary>
internal sealed class BenchWriterRun(string file, string folder, TextWriter stderr)
{
    public async Task<double> MeasureAsync(CancellationToken cancellation)
    {
        stderr.WriteLine("sqlite: the writer alone …");
        var records = Read();
        var engine = TextAnalyzer.Default;
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            if (records[i].Text is { Length: > 0 } text)
            {
                records[i].Analysis = TextSummary.Of(engine.Analyze(text, explain: false));
            }
        });

        string db = Path.Combine(folder, "writer.db");
        await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(db), cancellation: cancellation);
        await using var writer = await RecordWriter.CreateAsync(workspace, cancellation);
        await writer.BeginRunAsync(new ImportRunInfo("feedback", "bench", file, null), cancellation);
        var plan = new CommitPlan(ImportPipeline.DefaultBatchSize);
        var writing = new Stopwatch();
        for (int start = 0; start < records.Count; start += ImportPipeline.DefaultChunkSize)
        {
            var batch = new IngestBatch();
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

        writing.Start();
        await writer.CommitAsync(cancellation);
        await writer.FinishRunAsync("completed", cancellation);
        writing.Stop();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {records.Count:N0} rows written in {writing.Elapsed.TotalSeconds:0.00} s (one thread, analysis done before)"));
        return writing.Elapsed.TotalSeconds;
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
