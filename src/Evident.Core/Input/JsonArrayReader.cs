using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace Evident.Core.Input;

/// <summary>
/// Reads one JSON array of objects (<c>[{"id": 1, …}, …]</c>, as most exports write), element by element: only the
/// current element is held in memory, so a file of any size streams. Each element's row carries the line it starts
/// on; an element that is not valid JSON is reported with its line and column and reading goes on with the next.
/// Columns are the union of the properties of the first elements, matched by name ignoring case.
/// </summary>
public sealed class JsonArrayReader : IInputReader
{
    private readonly Utf8LineReader _lines;
    private readonly Queue<InputRow> _peeked = new();
    private readonly FrozenDictionary<string, int> _columnIndex;
    private readonly StringBuilder _element = new();
    private string _line = "";
    private long _lineNumber;
    private int _position;
    private int _startColumn;
    private bool _opened;
    private bool _closed;
    private long _nextIndex;
    private InputError? _fatal;

    public JsonArrayReader(Utf8LineReader lines)
    {
        _lines = lines;
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var raw = new List<(long Line, int StartColumn, string? Json, InputError? Error)>();
        while (raw.Count < JsonLinesReader.ColumnLookaheadLines && TryReadElement(out long line, out string? json, out var error))
        {
            raw.Add((line, _startColumn, json, error));
            if (json is not null)
            {
                CollectProperties(json, columns, seen);
            }
        }

        Columns = columns.Count == 0 ? ["text"] : [.. columns];
        _columnIndex = JsonFields.IndexColumns(Columns);
        foreach (var (line, startColumn, json, error) in raw)
        {
            _peeked.Enqueue(ToRow(_nextIndex++, line, startColumn, json, error));
        }
    }

    public InputFormat Format => InputFormat.JsonArray;

    public IReadOnlyList<string> Columns { get; }

    public long BytesRead => _lines.BytesRead;

    public long? TotalBytes => _lines.TotalBytes;

    public bool TryRead(out InputRow row)
    {
        if (_peeked.TryDequeue(out row))
        {
            return true;
        }

        if (!TryReadElement(out long line, out string? json, out var error))
        {
            return false;
        }

        row = ToRow(_nextIndex++, line, _startColumn, json, error);
        return true;
    }

    public void Dispose() => _lines.Dispose();

    /// <param name="startColumn">The 0-based position in its first line where the element starts.</param>
    private InputRow ToRow(long index, long line, int startColumn, string? json, InputError? error)
    {
        long item = index + 1;
        if (error is not null)
        {
            return InputRow.Failed(index, line, error, item);
        }

        try
        {
            using var document = JsonDocument.Parse(json!);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => new InputRow(index, line, JsonFields.Project(root, _columnIndex, Columns.Count), Item: item),
                JsonValueKind.String => new InputRow(index, line, [], root.GetString(), Item: item),
                _ => InputRow.Failed(index, line, item: item, error: new InputError(line, null,
                    $"expected a JSON object in the array, found {root.ValueKind.ToString().ToLowerInvariant()}")),
            };
        }
        catch (JsonException exception)
        {
            long at = line + (exception.LineNumber ?? 0);
            int? column = exception.BytePositionInLine is long position
                ? (int)position + 1 + (exception.LineNumber is null or 0 ? startColumn : 0)
                : null;
            return InputRow.Failed(index, at, new InputError(at, column, "invalid JSON: " + JsonErrors.Describe(exception)), item);
        }
    }

    /// <summary>
    /// Scans characters up to the end of the next element of the top-level array, tracking strings and nesting, so
    /// that the element's text can be parsed on its own. Returns false at the end of the array or of the input.
    /// </summary>
    private bool TryReadElement(out long startLine, out string? json, out InputError? error)
    {
        startLine = 0;
        json = null;
        error = null;
        if (_closed || _fatal is not null)
        {
            error = _fatal;
            _fatal = null;
            return error is not null;
        }

        _element.Clear();
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        while (true)
        {
            if (_position >= _line.Length)
            {
                if (!NextLine(out error))
                {
                    if (error is not null)
                    {
                        startLine = _lineNumber;
                        return true;
                    }

                    if (_element.Length > 0 || !_closed)
                    {
                        startLine = startLine == 0 ? Math.Max(1, _lineNumber) : startLine;
                        error = new InputError(startLine, null, _opened
                            ? "the JSON array is not closed: the file ends inside it (is it cut short?)"
                            : "expected a JSON array ('[' first)");
                        _closed = true;
                        return true;
                    }

                    return false;
                }

                if (_element.Length > 0)
                {
                    _element.Append('\n');
                }

                continue;
            }

            char c = _line[_position++];
            if (!_opened)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                if (c != '[')
                {
                    startLine = _lineNumber;
                    error = new InputError(_lineNumber, _position, $"expected a JSON array ('[' first), found '{c}'");
                    _closed = true;
                    return true;
                }

                _opened = true;
                continue;
            }

            if (inString)
            {
                _element.Append(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (depth == 0 && _element.Length == 0)
            {
                if (char.IsWhiteSpace(c) || c == ',')
                {
                    continue;
                }

                if (c == ']')
                {
                    _closed = true;
                    return false;
                }

                startLine = _lineNumber;
                _startColumn = _position - 1;
            }

            if (depth == 0 && (c == ',' || c == ']'))
            {
                // The end of a scalar element: reported as "expected an object" when parsed.
                _closed = c == ']';
                json = _element.ToString();
                return true;
            }

            _element.Append(c);
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        json = _element.ToString();
                        return true;
                    }

                    break;
            }
        }
    }

    private bool NextLine(out InputError? error)
    {
        error = null;
        if (!_lines.TryReadLine(out var line))
        {
            return false;
        }

        _lineNumber = line.Number;
        _position = 0;
        _line = line.Text;
        if (line.Error is not null)
        {
            // Bytes that are not UTF-8 break the structure: stop here, keeping the elements read so far.
            error = line.Error;
            _fatal = null;
            _closed = true;
            return false;
        }

        return true;
    }

    private static void CollectProperties(string json, List<string> columns, HashSet<string> seen)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                JsonFields.CollectColumns(document.RootElement, columns, seen);
            }
        }
        catch (JsonException)
        {
            // Reported when the element is read as a row.
        }
    }
}
