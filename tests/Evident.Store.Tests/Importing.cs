using System.Text;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using Evident.Store.Ingest;
using Evident.Text;

namespace Evident.Store.Tests;

/// <summary>Imports text written in a test through the real pipeline, into a real workspace.</summary>
internal static class Importing
{
    public static async Task<(ImportTotals Totals, List<RowReject> Rejects)> ImportAsync(
        StoreLocation location, string content, RecordKind kind, string source = "test", string name = "input.csv",
        int batchSize = ImportPipeline.DefaultBatchSize, int chunkSize = ImportPipeline.DefaultChunkSize, params string[] map)
    {
        using var records = Records(content, kind, source, name, map);
        return await RunAsync(location, records, kind.Name(), source, batchSize, chunkSize);
    }

    /// <summary>Imports <paramref name="content"/> as feedback of <paramref name="source"/>, a source named after its
    /// file (<see cref="ImportRunInfo.SourceNamedByFile"/>), as the CLI and the page import a file given no source.</summary>
    public static async Task<ImportTotals> ImportNamedByFileAsync(StoreLocation location, string content, string source)
    {
        await using var workspace = await Workspace.OpenAsync(location);
        using var records = Records(content, RecordKind.Feedback, source, source + ".csv", []);
        var pipeline = new ImportPipeline(workspace, TextAnalyzer.Default);
        return await pipeline.RunAsync(records, new ImportRunInfo("feedback", source, source + ".csv", null) { SourceNamedByFile = true }, _ => { }, null, CancellationToken.None);
    }

    /// <summary>Imports <paramref name="content"/> as feedback through a workspace the test holds open, analysed by
    /// <paramref name="analyzer"/> (the shipped one unless given: the workspace's own themes are not loaded).</summary>
    public static async Task<ImportTotals> ImportIntoAsync(Workspace workspace, string content, TextAnalyzer? analyzer = null)
    {
        using var records = Records(content, RecordKind.Feedback, "test", "input.csv", []);
        var pipeline = new ImportPipeline(workspace, analyzer ?? TextAnalyzer.Default);
        return await pipeline.RunAsync(records, new ImportRunInfo("feedback", "test", "test", null), _ => { }, null, CancellationToken.None);
    }

    /// <summary>Imports <paramref name="content"/> as <paramref name="kind"/> (feedback unless given) of source "test" with
    /// the engine given as the CLI and the web give it: loaded on first use.</summary>
    public static async Task<ImportTotals> ImportLazilyAsync(
        StoreLocation location, string content, Lazy<TextAnalyzer> engine, RecordKind kind = RecordKind.Feedback)
    {
        await using var workspace = await Workspace.OpenAsync(location);
        using var records = Records(content, kind, "test", "input.csv", []);
        var pipeline = new ImportPipeline(workspace, engine);
        return await pipeline.RunAsync(records, new ImportRunInfo(kind.Name(), "test", "test", null), _ => { }, null, CancellationToken.None);
    }

    private static MappedRecordSource Records(string content, RecordKind kind, string source, string name, string[] map)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        Assert.True(InputFile.TryOpen(stream, name, InputFormat.Auto, out var reader, out string? problem), problem);
        var peeking = new PeekingReader(reader);
        var questions = KnownExports.TakeQualtricsQuestions(peeking);
        Assert.True(ColumnMap.TryCreate(kind, peeking.Columns, map, questions, out var columnMap, out problem), problem);
        return new MappedRecordSource(peeking, new RowMapper(columnMap, source));
    }

    /// <summary>
    /// The rows of <paramref name="content"/> as feedback records of source "test", each mapped and nothing more: as a
    /// source that does not look for ids repeated with other values (a TWCS export's threads) gives them to the pipeline.
    /// </summary>
    public static IRecordSource MappedOnly(string content)
    {
        Assert.True(InputFile.TryOpen(new MemoryStream(Encoding.UTF8.GetBytes(content)), "input.csv", InputFormat.Auto, out var reader, out string? problem), problem);
        Assert.True(ColumnMap.TryCreate(RecordKind.Feedback, reader.Columns, [], null, out var columnMap, out problem), problem);
        return new MappedOnlySource(reader, new RowMapper(columnMap, "test"));
    }

    private sealed class MappedOnlySource(IInputReader reader, RowMapper mapper) : IRecordSource
    {
        public long BytesRead => reader.BytesRead;

        public bool TryRead(out ImportedRecord? record, out RowReject? reject)
        {
            if (!reader.TryRead(out var row))
            {
                (record, reject) = (null, null);
                return false;
            }

            mapper.TryMap(row, out record, out reject);
            return true;
        }

        public void Dispose() => reader.Dispose();
    }

    public static async Task<(ImportTotals Totals, List<RowReject> Rejects)> RunAsync(
        StoreLocation location, IRecordSource records, string kind, string source, int batchSize = ImportPipeline.DefaultBatchSize,
        int chunkSize = ImportPipeline.DefaultChunkSize)
    {
        await using var workspace = await Workspace.OpenAsync(location);
        var rejects = new List<RowReject>();
        var pipeline = new ImportPipeline(workspace, TextAnalyzer.Default) { BatchSize = batchSize, ChunkSize = chunkSize };
        var totals = await pipeline.RunAsync(records, new ImportRunInfo(kind, source, "test", null), rejects.Add, null, CancellationToken.None);
        return (totals, rejects);
    }
}
