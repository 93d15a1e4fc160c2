using Evident.Core.Input;

namespace Evident.Cli.Analyze;

public readonly record struct AnalysisTotals(long Rows, long Errors);

/// <summary>
/// Streams rows through the analyser in batches: while one batch is analysed on every core, the previous one is
/// written and the next one read. At most two batches are in memory, whatever the size of the input.
/// </summary>
internal sealed class AnalysisPipeline(IInputReader reader, RowAnalyzer analyzer, int batchSize = AnalysisPipeline.DefaultBatchSize)
{
    public const int DefaultBatchSize = 2_048;

    public async Task<AnalysisTotals> RunAsync(Stream output, IRunReporter reporter, CancellationToken cancellation)
    {
        var current = new RowBatch(batchSize);
        var next = new RowBatch(batchSize);
        long rows = 0;
        long errors = 0;

        current.Fill(reader);
        var analysing = current.AnalyseAsync(analyzer, cancellation);
        while (current.Count > 0)
        {
            next.Fill(reader);
            await analysing;
            analysing = next.Count > 0 ? next.AnalyseAsync(analyzer, cancellation) : Task.CompletedTask;

            errors += current.WriteTo(output, reporter);
            rows += current.Count;
            output.Flush();
            reporter.Advanced(rows, reader.BytesRead);
            (current, next) = (next, current);
        }

        return new AnalysisTotals(rows, errors);
    }
}
