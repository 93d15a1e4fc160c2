namespace Evident.Core.Input;

/// <summary>Reads one text per line, in a single column named <c>text</c>. Blank lines are skipped.</summary>
public sealed class PlainLinesReader(Utf8LineReader lines) : IInputReader
{
    private long _nextIndex;

    public InputFormat Format => InputFormat.Lines;

    public IReadOnlyList<string> Columns { get; } = ["text"];

    public long BytesRead => lines.BytesRead;

    public long? TotalBytes => lines.TotalBytes;

    public bool TryRead(out InputRow row)
    {
        TextLine line;
        do
        {
            if (!lines.TryReadLine(out line))
            {
                row = default;
                return false;
            }
        }
        while (line.IsBlank);

        long index = _nextIndex++;
        row = line.Error is null ? new InputRow(index, line.Number, [line.Text]) : InputRow.Failed(index, line.Number, line.Error);
        return true;
    }

    public void Dispose() => lines.Dispose();
}
