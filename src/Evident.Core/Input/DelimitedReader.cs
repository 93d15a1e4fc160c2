using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Evident.Core.Input;

/// <summary>
/// Reads CSV or TSV with a header row. A field that starts with a quote may hold delimiters, newlines and doubled
/// quotes (RFC 4180). In CSV a quote anywhere else is an error; in TSV, where quoting is the exception, it is an
/// ordinary character, and so is a leading quote that does not close the field on its line. Spaces around a quoted
/// field are ignored.
/// </summary>
public sealed class DelimitedReader : IInputReader
{
    /// <summary>
    /// A quoted field longer than this is taken to be a missing closing quote: the row is reported and the lines it
    /// swallowed are read again as rows, so one stray quote cannot take the rest of the file or unbounded memory.
    /// </summary>
    public const int MaxRecordLines = 10_000;

    /// <inheritdoc cref="MaxRecordLines"/>
    public const int MaxFieldChars = 4 * 1024 * 1024;

    private static readonly SearchValues<char> s_csvFieldEnd = SearchValues.Create(",\"");
    private static readonly SearchValues<char> s_semicolonFieldEnd = SearchValues.Create(";\"");
    private static readonly SearchValues<char> s_tsvFieldEnd = SearchValues.Create("\t");

    private readonly Utf8LineReader _lines;
    private readonly char _delimiter;
    private readonly SearchValues<char> _fieldEnd;
    private readonly List<string> _fields = [];
    private readonly List<TextLine> _recordLines = [];
    private readonly StringBuilder _quoted = new();
    private long _nextIndex;

    private DelimitedReader(Utf8LineReader lines, InputFormat format, char delimiter)
    {
        _lines = lines;
        Format = format;
        _delimiter = delimiter;
        _fieldEnd = delimiter switch
        {
            '\t' => s_tsvFieldEnd,
            ';' => s_semicolonFieldEnd,
            _ => s_csvFieldEnd,
        };
    }

    public InputFormat Format { get; }

    /// <summary>What separates the fields: a tab, a comma, or a semicolon (a CSV that Excel wrote where the decimal
    /// mark is a comma).</summary>
    public char Delimiter => _delimiter;

    public IReadOnlyList<string> Columns { get; private set; } = [];

    public long BytesRead => _lines.BytesRead;

    public long? TotalBytes => _lines.TotalBytes;

    /// <summary>Reads the header row. Fails when the input is empty or the header itself is malformed.</summary>
    /// <param name="format"><see cref="InputFormat.Csv"/> or <see cref="InputFormat.Tsv"/>.</param>
    /// <param name="semicolons">A CSV whose fields are separated by semicolons (see <see cref="FormatDetection.SeparatedBySemicolons"/>).</param>
    public static bool TryOpen(
        Utf8LineReader lines,
        InputFormat format,
        [NotNullWhen(true)] out DelimitedReader? reader,
        [NotNullWhen(false)] out InputError? problem,
        bool semicolons = false)
    {
        if (format is not (InputFormat.Csv or InputFormat.Tsv))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "expected CSV or TSV");
        }

        var candidate = new DelimitedReader(lines, format, format == InputFormat.Tsv ? '\t' : semicolons ? ';' : ',');
        if (!candidate.TryReadRecord(out _, out problem))
        {
            problem = new InputError(1, null, "the input is empty; a header row was expected");
        }

        if (problem is not null)
        {
            reader = null;
            problem = problem with { Message = "header row: " + problem.Message };
            return false;
        }

        candidate.Columns = candidate._fields.ConvertAll(name => name.Trim());
        reader = candidate;
        return true;
    }

    public bool TryRead(out InputRow row)
    {
        if (!TryReadRecord(out long firstLine, out var error))
        {
            row = default;
            return false;
        }

        long index = _nextIndex++;
        row = error is null ? new InputRow(index, firstLine, _fields.ToArray()) : InputRow.Failed(index, firstLine, error);
        return true;
    }

    public void Dispose() => _lines.Dispose();

    private bool TryReadRecord(out long firstLine, out InputError? error)
    {
        _fields.Clear();
        _recordLines.Clear();
        error = null;
        firstLine = 0;
        TextLine line;
        do
        {
            if (!_lines.TryReadLine(out line))
            {
                return false;
            }
        }
        while (line.IsBlank);

        firstLine = line.Number;
        _recordLines.Add(line);
        // Bad bytes fail the row only after its quotes are parsed, so that the next row still starts in the right place.
        error = ParseFields(line) ?? FirstLineError();
        return true;
    }

    private InputError? ParseFields(TextLine line)
    {
        int position = 0;
        bool endOfRecord = false;
        (long Line, int Column)? extra = null; // where the first field past the header that holds something starts
        while (!endOfRecord)
        {
            var start = (line.Number, position + 1);
            bool quoted = StartsQuotedField(line.Text, ref position);
            var error = quoted
                ? ReadQuotedField(ref line, ref position, out endOfRecord)
                : ReadUnquotedField(line, ref position, out endOfRecord);
            if (error is not null)
            {
                return error;
            }

            // Columns is empty while the header itself is read. Empty fields past the header are let through: some
            // exports end every line with the delimiter, and nothing is lost with them.
            if (extra is null && Columns.Count > 0 && _fields.Count > Columns.Count && !string.IsNullOrWhiteSpace(_fields[^1]))
            {
                extra = start;
            }
        }

        // "6,2025-01-06,7,late, again": a value holding the delimiter without quotes round it; read by the header, the
        // comment would be "late" and the rest dropped without a word. Reported once the whole record is read, so the
        // next one starts in the right place.
        return extra is { } at
            ? new InputError(at.Line, at.Column, $"the row has {_fields.Count} fields where the header has {Columns.Count}: is a value holding the delimiter ('{(_delimiter == '\t' ? "\\t" : _delimiter)}') not in quotes?")
            : null;
    }

    /// <summary>Whether a quoted field starts here; spaces before its quote are allowed (<c>1, "a, b"</c>) and skipped.</summary>
    private static bool StartsQuotedField(string text, ref int position)
    {
        int quote = position;
        while (quote < text.Length && text[quote] == ' ')
        {
            quote++;
        }

        bool quoted = quote < text.Length && text[quote] == '"';
        position = quoted ? quote : position;
        return quoted;
    }

    private InputError? ReadUnquotedField(TextLine line, ref int position, out bool endOfRecord)
    {
        var rest = line.Text.AsSpan(position);
        int stop = rest.IndexOfAny(_fieldEnd);
        endOfRecord = stop < 0;
        if (endOfRecord)
        {
            _fields.Add(rest.ToString());
            return null;
        }

        if (rest[stop] == '"')
        {
            return new InputError(line.Number, position + stop + 1,
                "quote inside an unquoted field; put the whole field in quotes and double the quotes inside it");
        }

        _fields.Add(rest[..stop].ToString());
        position += stop + 1;
        return null;
    }

    private InputError? ReadQuotedField(ref TextLine line, ref int position, out bool endOfRecord)
    {
        var opening = (Line: line, Position: position);
        endOfRecord = true;
        var unclosed = ReadQuotedContent(ref line, ref position);
        if (unclosed is not null)
        {
            return Unclosed(opening.Line, opening.Position, unclosed);
        }

        string text = line.Text;
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        if (position == text.Length || text[position] == _delimiter)
        {
            _fields.Add(_quoted.ToString());
            endOfRecord = position == text.Length;
            position++;
            return null;
        }

        if (line.Number != opening.Line.Number)
        {
            return Unclosed(opening.Line, opening.Position,
                $"it closes at line {line.Number}, column {position} but '{text[position]}' follows");
        }

        if (Format == InputFormat.Tsv)
        {
            position = opening.Position;
            return ReadUnquotedField(line, ref position, out endOfRecord);
        }

        return new InputError(line.Number, position + 1,
            $"'{text[position]}' after the closing quote of a field; a quote inside a quoted field must be doubled (\"\")");
    }

    /// <summary>Reads from an opening quote to its closing quote into <see cref="_quoted"/>; returns why it failed, if it did.</summary>
    private string? ReadQuotedContent(ref TextLine line, ref int position)
    {
        _quoted.Clear();
        position++;
        while (true)
        {
            string text = line.Text;
            int quote = text.IndexOf('"', position);
            if (quote < 0)
            {
                _quoted.Append(text, position, text.Length - position).Append('\n');
                if (!TryContinueRecord(out line))
                {
                    return "the input ends before its closing quote";
                }

                if (_recordLines.Count > MaxRecordLines || _quoted.Length > MaxFieldChars)
                {
                    return $"no closing quote within {MaxRecordLines:N0} lines or {MaxFieldChars:N0} characters";
                }

                position = 0;
                continue;
            }

            _quoted.Append(text, position, quote - position);
            position = quote + 1;
            if (position < text.Length && text[position] == '"')
            {
                _quoted.Append('"');
                position++;
                continue;
            }

            return null;
        }
    }

    private bool TryContinueRecord(out TextLine line)
    {
        if (!_lines.TryReadLine(out line))
        {
            return false;
        }

        _recordLines.Add(line);
        return true;
    }

    /// <summary>
    /// Reports a quoted field that ran over line ends without closing properly, at its opening quote, and puts back
    /// every line after that one: the quote was most likely stray, and those lines are rows of their own.
    /// </summary>
    private InputError Unclosed(TextLine openingLine, int openingPosition, string detail)
    {
        for (int i = _recordLines.Count - 1; i > 0; i--)
        {
            _lines.PushBack(_recordLines[i]);
        }

        _recordLines.RemoveRange(1, _recordLines.Count - 1);
        return new InputError(openingLine.Number, openingPosition + 1, $"quoted field opened here is not closed: {detail}");
    }

    private InputError? FirstLineError()
    {
        foreach (var line in _recordLines)
        {
            if (line.Error is not null)
            {
                return line.Error;
            }
        }

        return null;
    }
}
