using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace Evident.Core.Input;

/// <summary>
/// Reads JSON Lines: one JSON object per line, its properties matched to <see cref="Columns"/> by name, ignoring case.
/// A line that is a bare JSON string is a row with that string as its <see cref="InputRow.BareText"/>.
/// Blank lines are skipped. String values are taken as they are, <c>null</c> as empty, other values as their JSON text.
/// </summary>
public sealed class JsonLinesReader : IInputReader
{
    /// <summary>Columns are the union of the properties found in this many first lines, so that an object that omits
    /// an optional property does not hide it.</summary>
    public const int ColumnLookaheadLines = 100;

    private readonly Utf8LineReader _lines;
    private readonly FrozenDictionary<string, int> _columnIndex;
    private long _nextIndex;

    public JsonLinesReader(Utf8LineReader lines)
    {
        _lines = lines;
        Columns = PeekColumns(lines);
        _columnIndex = JsonFields.IndexColumns(Columns);
    }

    public InputFormat Format => InputFormat.JsonLines;

    public IReadOnlyList<string> Columns { get; }

    public long BytesRead => _lines.BytesRead;

    public long? TotalBytes => _lines.TotalBytes;

    public bool TryRead(out InputRow row)
    {
        TextLine line;
        do
        {
            if (!_lines.TryReadLine(out line))
            {
                row = default;
                return false;
            }
        }
        while (line.IsBlank);

        row = ReadRow(_nextIndex++, line);
        return true;
    }

    public void Dispose() => _lines.Dispose();

    private InputRow ReadRow(long index, TextLine line)
    {
        if (line.Error is not null)
        {
            return InputRow.Failed(index, line.Number, line.Error);
        }

        try
        {
            using var document = JsonDocument.Parse(line.Text);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => new InputRow(index, line.Number, JsonFields.Project(root, _columnIndex, Columns.Count)),
                JsonValueKind.String => new InputRow(index, line.Number, [], root.GetString()),
                _ => InputRow.Failed(index, line.Number, new InputError(line.Number, 1,
                    $"expected a JSON object or string, found {root.ValueKind.ToString().ToLowerInvariant()}")),
            };
        }
        catch (JsonException exception)
        {
            return InputRow.Failed(index, line.Number, InvalidJson(line, exception));
        }
    }

    private static InputError InvalidJson(TextLine line, JsonException exception)
    {
        // The parser counts UTF-8 bytes; people and editors count characters.
        int? column = null;
        if (exception.BytePositionInLine is long bytePosition)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line.Text);
            column = Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
        }

        return new InputError(line.Number, column, "invalid JSON: " + JsonErrors.Describe(exception));
    }

    /// <summary>Reads ahead to learn the columns, then puts every line back.</summary>
    private static string[] PeekColumns(Utf8LineReader lines)
    {
        var peeked = new List<TextLine>();
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (peeked.Count < ColumnLookaheadLines && lines.TryReadLine(out var line))
        {
            peeked.Add(line);
            CollectProperties(line, columns, seen);
        }

        for (int i = peeked.Count - 1; i >= 0; i--)
        {
            lines.PushBack(peeked[i]);
        }

        // Lines of bare strings (or no lines at all) have no properties: name their one column "text".
        return columns.Count == 0 ? ["text"] : [.. columns];
    }

    private static void CollectProperties(TextLine line, List<string> columns, HashSet<string> seen)
    {
        if (line.IsBlank || line.Error is not null)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line.Text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                JsonFields.CollectColumns(document.RootElement, columns, seen);
            }
        }
        catch (JsonException)
        {
            // Reported when the line is read as a row.
        }
    }
}
