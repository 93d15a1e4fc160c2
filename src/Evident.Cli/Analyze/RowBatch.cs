using Evident.Core.Input;

namespace Evident.Cli.Analyze;

/// <summary>A fixed-size slice of rows that is read, analysed in parallel, then written in input order.</summary>
internal sealed class RowBatch(int capacity)
{
    private readonly InputRow[] _rows = new InputRow[capacity];
    private readonly byte[][] _lines = new byte[capacity][];
    private readonly InputError?[] _errors = new InputError?[capacity];

    public int Count { get; private set; }

    public void Fill(IInputReader reader)
    {
        Array.Clear(_lines);
        Array.Clear(_errors);
        Count = 0;
        while (Count < _rows.Length && reader.TryRead(out _rows[Count]))
        {
            Count++;
        }
    }

    public Task AnalyseAsync(RowAnalyzer analyzer, CancellationToken cancellation) =>
        Task.Run(() => Analyse(analyzer, cancellation), cancellation);

    /// <summary>Writes the rows' JSON lines in order and reports the failed ones.</summary>
    /// <returns>How many rows failed.</returns>
    public int WriteTo(Stream output, IRunReporter reporter)
    {
        int failed = 0;
        for (int i = 0; i < Count; i++)
        {
            output.Write(_lines[i]);
            if (_errors[i] is { } error)
            {
                failed++;
                reporter.RowFailed(error);
            }
        }

        return failed;
    }

    private void Analyse(RowAnalyzer analyzer, CancellationToken cancellation)
    {
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, Count, options, () => new RowAnalyzer.Buffer(), (i, _, buffer) =>
        {
            (_lines[i], _errors[i]) = analyzer.Analyse(_rows[i], buffer);
            return buffer;
        }, buffer => buffer.Dispose());
    }
}
