using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;

namespace Evident.Web.Api;

/// <summary>One item of a write: the record it makes, or why it makes none (line = its index + 1).</summary>
public readonly record struct ItemOutcome(ImportedRecord? Record, RowReject? Reject)
{
    public ItemError? Error => Reject is { } reject ? new ItemError((int)(reject.Line - 1), reject.Column, reject.Reason) : null;
}

/// <summary>
/// The items of a write turned into records the way <c>evident import</c> turns rows into them: each JSON object is a
/// row whose columns are its property names, matched to the kind's fields by the importer's <see cref="ColumnMap"/>
/// (the field names and the column names it recognises: <c>id</c> or <c>external_id</c>, <c>date</c> or
/// <c>created_at</c>, …) and read by its <see cref="RowMapper"/>, so that a value is refused here exactly as it is in a
/// file, with the same message. The API asks more than a file does: every item has an <c>id</c> (posting it again then
/// adds nothing), and a property no field takes is an error, not an attribute.
/// </summary>
public static class ApiItems
{
    /// <summary>The property that names an item's source; the items of a request may come from several.</summary>
    public const string SourceProperty = "source";

    public const string DefaultSource = "api";

    public const int MaxSourceLength = 100;

    /// <summary>Longest value of any field: a long e-mail thread fits, a pasted book does not.</summary>
    public const int MaxValueLength = 100_000;

    /// <summary>The items of a body: one object, or an array of objects; a problem when the body is neither.</summary>
    public static bool TryList(JsonElement root, [NotNullWhen(true)] out IReadOnlyList<JsonElement>? items, [NotNullWhen(false)] out string? problem)
    {
        items = null;
        problem = null;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                items = [root];
                return true;
            case JsonValueKind.Array:
                int count = root.GetArrayLength();
                if (count == 0)
                {
                    problem = "the array is empty: send at least one item";
                    return false;
                }

                if (count > ApiLimits.MaxItems)
                {
                    problem = $"at most {ApiLimits.MaxItems.ToString("N0", CultureInfo.InvariantCulture)} items in one request, found {count.ToString("N0", CultureInfo.InvariantCulture)}: send them in several";
                    return false;
                }

                items = [.. root.EnumerateArray()];
                return true;
            default:
                problem = $"expected a JSON object, or an array of them, found {KindName(root.ValueKind)}";
                return false;
        }
    }

    /// <summary>Each item's record or reject, in order.</summary>
    public static IReadOnlyList<ItemOutcome> Read(RecordKind kind, IReadOnlyList<JsonElement> items)
    {
        var shapes = new Dictionary<string, ItemShape>(StringComparer.Ordinal);
        var outcomes = new ItemOutcome[items.Count];
        var ids = new RepeatedIds();
        for (int i = 0; i < items.Count; i++)
        {
            outcomes[i] = ReadItem(kind, i, items[i], shapes, ids);
        }

        return outcomes;
    }

    /// <summary>How the items with one set of properties (and one source) are read: the mapper, and which column holds the id.</summary>
    private sealed record ItemShape(RowMapper Mapper, int IdColumn);

    private static ItemOutcome ReadItem(RecordKind kind, int index, JsonElement item, Dictionary<string, ItemShape> shapes, RepeatedIds ids)
    {
        long line = index + 1;
        ItemOutcome Fail(string? field, string message) => new(null, new RowReject(line, field, message));

        if (item.ValueKind != JsonValueKind.Object)
        {
            return Fail(null, $"expected a JSON object, found {KindName(item.ValueKind)}");
        }

        string source = DefaultSource;
        var columns = new List<string>();
        var values = new List<string?>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in item.EnumerateObject())
        {
            string name = property.Name;
            if (name.Trim().Length == 0)
            {
                return Fail(name, "a property with an empty name");
            }

            if (!seen.Add(name))
            {
                return Fail(name, $"'{name}' is given twice");
            }

            if (string.Equals(name, SourceProperty, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString()!.Trim() is not { Length: > 0 and <= MaxSourceLength } given)
                {
                    return Fail(name, $"expected the source's name, a string of 1 to {MaxSourceLength} characters");
                }

                source = given;
                continue;
            }

            if (!TryValue(property.Value, out string? value, out string? problem))
            {
                return Fail(name, problem);
            }

            columns.Add(name);
            values.Add(value);
        }

        string key = source + '\u001f' + string.Join('\u001f', columns);
        if (!shapes.TryGetValue(key, out var shape))
        {
            if (!TryShape(kind, columns, source, out shape, out string? field, out string? problem))
            {
                return Fail(field, problem);
            }

            shapes[key] = shape;
        }

        if (string.IsNullOrWhiteSpace(values[shape.IdColumn]))
        {
            return Fail(columns[shape.IdColumn], $"the required field '{Fields.Id}' is empty: give the source's id for the item");
        }

        var row = new InputRow(index, line, values);
        if (!shape.Mapper.TryMap(row, out var record, out var reject))
        {
            return new ItemOutcome(null, reject);
        }

        // An id given twice with other values: the store would keep the first and count this one a duplicate.
        var named = new List<string?>();
        foreach (int column in Enumerable.Range(0, columns.Count).Where(c => c != shape.IdColumn).OrderBy(c => columns[c], StringComparer.OrdinalIgnoreCase))
        {
            named.Add(columns[column].ToLowerInvariant());
            named.Add(values[column]);
        }

        if (ids.EarlierLineWithOther(record!.Source + '\u001f' + record.ExternalId, RepeatedIds.HashOf(named, -1), line) is long earlier)
        {
            return Fail(columns[shape.IdColumn], $"item {earlier - 1} gave the id \"{record.ExternalId}\" too, with other values; ids must be unique within a source, so this item was not imported");
        }

        return new ItemOutcome(record, null);
    }

    /// <summary>A value as a file's cell holds it: text as it is, a number or true/false as written, null as empty.</summary>
    private static bool TryValue(JsonElement value, out string? text, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        text = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = value.GetString();
                if (text!.Length > MaxValueLength)
                {
                    problem = $"at most {MaxValueLength.ToString("N0", CultureInfo.InvariantCulture)} characters, found {text.Length.ToString("N0", CultureInfo.InvariantCulture)}";
                    return false;
                }

                return true;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                text = value.GetRawText();
                return true;
            case JsonValueKind.Null:
                return true;
            default:
                problem = $"expected a string, a number or null, found {KindName(value.ValueKind)}";
                return false;
        }
    }

    /// <summary>
    /// The importer's map of <paramref name="columns"/>, if every column feeds a field and the fields a record needs are
    /// there; else the column or field at fault and why.
    /// </summary>
    private static bool TryShape(
        RecordKind kind, List<string> columns, string source,
        [NotNullWhen(true)] out ItemShape? shape, out string? field, [NotNullWhen(false)] out string? problem)
    {
        shape = null;
        field = null;
        if (!ColumnMap.TryMatch(kind, columns, [], null, out var map, out problem))
        {
            return false;
        }

        foreach (int column in map.AttributeColumns)
        {
            field = columns[column];
            problem = Unclaimed(kind, map, columns[column]);
            return false;
        }

        int id = map.ColumnOf(Fields.Id);
        if (id < 0)
        {
            field = Fields.Id;
            problem = $"the required field '{Fields.Id}' is missing: give the source's id for each item (also accepted as external_id), so that posting it again adds nothing";
            return false;
        }

        foreach (var required in map.FieldList)
        {
            if (required.Required && map.ColumnOf(required.Name) < 0)
            {
                field = required.Name;
                problem = $"the required field '{required.Name}' is missing ({required.Description})";
                return false;
            }
        }

        if (kind is RecordKind.Feedback && map.ColumnOf(Fields.Text) < 0 && !map.FieldList.Any(f => f.Type == FieldType.Score && map.ColumnOf(f.Name) >= 0))
        {
            problem = $"an item needs a '{Fields.Text}' or a score ({string.Join(", ", map.FieldList.Where(f => f.Type == FieldType.Score).Select(f => f.Name))})";
            return false;
        }

        shape = new ItemShape(new RowMapper(map, source), id);
        return true;
    }

    /// <summary>Why no field takes <paramref name="column"/>: another column already gives its field, or it names none.</summary>
    private static string Unclaimed(RecordKind kind, ColumnMap map, string column)
    {
        string normalised = Field.Normalise(column);
        foreach (var field in map.FieldList)
        {
            if (field.Aliases.Any(alias => Field.Normalise(alias) == normalised) && map.ColumnOf(field.Name) is int other and >= 0)
            {
                return $"'{column}' gives the field '{field.Name}', which '{map.Columns[other]}' already gives";
            }
        }

        return $"unknown field '{column}' for {Name(kind)}; the fields are {string.Join(", ", map.FieldList.Select(f => f.Name))} (and {SourceProperty})";
    }

    public static string Name(RecordKind kind) => kind switch
    {
        RecordKind.Journey => "journey events",
        RecordKind.Comms => "communications",
        _ => kind.Name(),
    };

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}

/// <summary>The records of a write, read by the import pipeline in the request's order, rejects included.</summary>
public sealed class ItemRecordSource(IReadOnlyList<ItemOutcome> outcomes) : IRecordSource
{
    private int _next;

    public long BytesRead => 0;

    public bool TryRead(out ImportedRecord? record, out RowReject? reject)
    {
        if (_next >= outcomes.Count)
        {
            (record, reject) = (null, null);
            return false;
        }

        (record, reject) = outcomes[_next++];
        return true;
    }

    public void Dispose()
    {
    }
}
