namespace Evident.Core.Input;

/// <summary>Lets a caller look at the first rows of an input (to recognise an export) and then read them again.</summary>
public sealed class PeekingReader(IInputReader inner) : IInputReader
{
    private readonly List<InputRow> _peeked = [];
    private int _next;

    public InputFormat Format => inner.Format;

    public IReadOnlyList<string> Columns => inner.Columns;

    public long BytesRead => inner.BytesRead;

    public long? TotalBytes => inner.TotalBytes;

    /// <summary>A CSV separated by semicolons (see <see cref="DelimitedReader.Delimiter"/>), whose numbers likely
    /// have a decimal comma.</summary>
    public bool SeparatedBySemicolons => inner is DelimitedReader { Delimiter: ';' };

    /// <summary>An Excel workbook's sheets that are not read (see <see cref="ExcelReader.SheetNote"/>), or null.</summary>
    public string? SheetNote => (inner as ExcelReader)?.SheetNote;

    /// <summary>The first <paramref name="count"/> rows (fewer at the end of the input), not consumed.</summary>
    public IReadOnlyList<InputRow> Peek(int count)
    {
        while (_peeked.Count - _next < count && inner.TryRead(out var row))
        {
            _peeked.Add(row);
        }

        return _peeked.GetRange(_next, Math.Min(count, _peeked.Count - _next));
    }

    /// <summary>Drops the next <paramref name="count"/> rows (extra header rows of an export).</summary>
    public void Skip(int count)
    {
        Peek(count);
        _next = Math.Min(_peeked.Count, _next + count);
    }

    public bool TryRead(out InputRow row)
    {
        if (_next < _peeked.Count)
        {
            row = _peeked[_next++];
            if (_next == _peeked.Count)
            {
                _peeked.Clear();
                _next = 0;
            }

            return true;
        }

        return inner.TryRead(out row);
    }

    public void Dispose() => inner.Dispose();
}
