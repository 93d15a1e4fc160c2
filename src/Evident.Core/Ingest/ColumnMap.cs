using System.Diagnostics.CodeAnalysis;
using Evident.Core.Input;

namespace Evident.Core.Ingest;

/// <summary>
/// Which column of the input feeds which field of a record kind: explicit <c>--map COLUMN=field</c> first, then
/// each field's known column names, then (for exports such as Qualtrics that carry a question text under each
/// column id) the question texts. Columns left over are kept with the record as attributes.
/// </summary>
public sealed class ColumnMap
{
    /// <summary>The field name that, in <c>--map COLUMN=-</c>, drops a column.</summary>
    public const string Ignore = "-";

    private readonly int[] _columnOfField;

    private ColumnMap(RecordKind kind, IReadOnlyList<Field> fields, IReadOnlyList<string> columns, int[] columnOfField, bool[] ignored)
    {
        Kind = kind;
        FieldList = fields;
        Columns = columns;
        _columnOfField = columnOfField;
        var claimed = new bool[columns.Count];
        foreach (int column in columnOfField)
        {
            if (column >= 0)
            {
                claimed[column] = true;
            }
        }

        var attributes = new List<int>();
        for (int i = 0; i < columns.Count; i++)
        {
            if (!claimed[i] && !ignored[i] && columns[i].Length > 0)
            {
                attributes.Add(i);
            }
        }

        AttributeColumns = attributes;
        var named = new HashSet<string>(StringComparer.Ordinal);
        AttributeNames = [.. attributes.Select(i => named.Add(columns[i]) ? columns[i] : $"{columns[i]} ({i + 1})")];
    }

    public RecordKind Kind { get; }

    public IReadOnlyList<Field> FieldList { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Columns no field takes, kept as the record's attributes.</summary>
    public IReadOnlyList<int> AttributeColumns { get; }

    /// <summary>
    /// The name each of <see cref="AttributeColumns"/> is kept under: its column's, or, for a name an earlier attribute
    /// column has, the name with its column's number ("note (6)"). Two columns named alike wrote one key twice into the
    /// attributes' JSON, and a reader of it keeps one.
    /// </summary>
    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>The column feeding <paramref name="field"/>, or -1.</summary>
    public int ColumnOf(string field)
    {
        for (int i = 0; i < FieldList.Count; i++)
        {
            if (FieldList[i].Name == field)
            {
                return _columnOfField[i];
            }
        }

        return -1;
    }

    /// <summary>(field, column) pairs in field order, for a preview.</summary>
    public IEnumerable<(Field Field, string? Column)> Pairs()
    {
        for (int i = 0; i < FieldList.Count; i++)
        {
            yield return (FieldList[i], _columnOfField[i] >= 0 ? Columns[_columnOfField[i]] : null);
        }
    }

    /// <param name="overrides">"COLUMN=field" pairs from <c>--map</c>.</param>
    /// <param name="descriptions">A second header row of question texts, one per column, or null.</param>
    /// <param name="problem">What is wrong and what to do, when no usable map can be made.</param>
    public static bool TryCreate(
        RecordKind kind,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> overrides,
        IReadOnlyList<string?>? descriptions,
        [NotNullWhen(true)] out ColumnMap? map,
        [NotNullWhen(false)] out string? problem)
    {
        if (!TryMatch(kind, columns, overrides, descriptions, out map, out problem))
        {
            return false;
        }

        problem = map.MissingRequired();
        if (problem is not null)
        {
            map = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Matches the columns as <see cref="TryCreate"/> does, without requiring a column for every required field: what a
    /// mapping screen shows while the user completes it. Fails only on an override that names no column or no field.
    /// </summary>
    public static bool TryMatch(
        RecordKind kind,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> overrides,
        IReadOnlyList<string?>? descriptions,
        [NotNullWhen(true)] out ColumnMap? map,
        [NotNullWhen(false)] out string? problem)
    {
        map = null;
        var fields = Fields.For(kind);
        var columnOfField = new int[fields.Count];
        Array.Fill(columnOfField, -1);
        var claimed = new bool[columns.Count];
        var ignored = new bool[columns.Count];

        foreach (string pair in overrides)
        {
            if (!TryApplyOverride(pair, kind, fields, columns, columnOfField, claimed, ignored, out problem))
            {
                return false;
            }
        }

        for (int f = 0; f < fields.Count; f++)
        {
            if (columnOfField[f] < 0)
            {
                columnOfField[f] = FindByAlias(fields[f], columns, claimed);
            }
        }

        if (descriptions is not null)
        {
            MatchQuestionTexts(fields, descriptions, columnOfField, claimed);
        }

        map = new ColumnMap(kind, fields, columns, columnOfField, ignored);
        problem = null;
        return true;
    }

    /// <summary>Why rows cannot be imported through this map (a required field, or every text and score, without a
    /// column), saying what to do; null when they can.</summary>
    public string? MissingRequired()
    {
        for (int f = 0; f < FieldList.Count; f++)
        {
            if (FieldList[f].Required && _columnOfField[f] < 0 && TakenBy(FieldList[f]) is var (column, other))
            {
                // "--map date=text" took the column that would have been the date
                return $"the column \"{column}\" would be the required field '{FieldList[f].Name}' ({FieldList[f].Description}), but it is mapped to '{other}'; "
                    + $"name the column that holds the {FieldList[f].Name} with --map COLUMN={FieldList[f].Name}";
            }

            if (FieldList[f].Required && _columnOfField[f] < 0)
            {
                return $"no column for the required field '{FieldList[f].Name}' ({FieldList[f].Description}); the columns are {TextColumn.ListColumns(Columns)}; name the column that holds it with --map COLUMN={FieldList[f].Name}";
            }
        }

        if (Kind is RecordKind.Feedback or RecordKind.Pulse)
        {
            bool any = false;
            for (int f = 0; f < FieldList.Count; f++)
            {
                any |= _columnOfField[f] >= 0 && (FieldList[f].Name == Fields.Text || FieldList[f].Type == FieldType.Score);
            }

            if (!any)
            {
                string scores = string.Join(", ", FieldList.Where(f => f.Type == FieldType.Score).Select(f => f.Name));
                return $"no column holds a text or a score; the columns are {TextColumn.ListColumns(Columns)}; name one with --map COLUMN=text or --map COLUMN=FIELD where FIELD is one of {scores}";
            }
        }

        return null;
    }

    private static bool TryApplyOverride(
        string pair, RecordKind kind, IReadOnlyList<Field> fields, IReadOnlyList<string> columns,
        int[] columnOfField, bool[] claimed, bool[] ignored, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        int equals = pair.LastIndexOf('=');
        if (equals <= 0 || equals == pair.Length - 1)
        {
            problem = $"--map {pair}: expected COLUMN=field, e.g. --map \"Comment text=text\"";
            return false;
        }

        string columnName = pair[..equals].Trim();
        string fieldName = pair[(equals + 1)..].Trim();
        int column = FindColumn(columns, columnName);
        if (column < 0)
        {
            problem = $"--map {pair}: no column '{columnName}'; the columns are {TextColumn.ListColumns(columns)}";
            return false;
        }

        if (fieldName == Ignore)
        {
            // Claimed, so that no field takes it by its name or question text either.
            ignored[column] = true;
            claimed[column] = true;
            return true;
        }

        for (int f = 0; f < fields.Count; f++)
        {
            if (string.Equals(fields[f].Name, fieldName, StringComparison.OrdinalIgnoreCase))
            {
                columnOfField[f] = column;
                claimed[column] = true;
                return true;
            }
        }

        problem = $"--map {pair}: '{fieldName}' is not a field of {kind.Name()}; the fields are {string.Join(", ", fields.Select(f => f.Name))} (or '-' to ignore the column)";
        return false;
    }

    private static int FindColumn(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        if (int.TryParse(name, out int number) && number >= 1 && number <= columns.Count)
        {
            return number - 1;
        }

        string normalised = Field.Normalise(name);
        for (int i = 0; i < columns.Count; i++)
        {
            if (Field.Normalise(columns[i]) == normalised)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The column that goes by one of <paramref name="field"/>'s names but was mapped to another field, and that field; null when none.</summary>
    private (string Column, string Field)? TakenBy(Field field)
    {
        var none = new bool[Columns.Count];
        int column = FindByAlias(field, Columns, none);
        int other = column < 0 ? -1 : Array.IndexOf(_columnOfField, column);
        return other < 0 ? null : (Columns[column], FieldList[other].Name);
    }

    private static int FindByAlias(Field field, IReadOnlyList<string> columns, bool[] claimed)
    {
        foreach (string alias in field.Aliases)
        {
            string wanted = Field.Normalise(alias);
            for (int i = 0; i < columns.Count; i++)
            {
                if (!claimed[i] && Field.Normalise(columns[i]) == wanted)
                {
                    claimed[i] = true;
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Words in a survey question that say which field its answers are.</summary>
    private static readonly (string Field, string[] Words)[] s_questionWords =
    [
        ("nps", ["recommend"]),
        ("enps", ["recommend"]),
        ("ces", ["easy", "effort"]),
        ("csat", ["satisfied", "satisfaction"]),
        (Fields.Text, ["why", "comment", "tell us", "anything else", "reason", "explain", "improve"]),
    ];

    private static void MatchQuestionTexts(IReadOnlyList<Field> fields, IReadOnlyList<string?> descriptions, int[] columnOfField, bool[] claimed)
    {
        foreach (var (fieldName, words) in s_questionWords)
        {
            int f = IndexOf(fields, fieldName);
            if (f < 0 || columnOfField[f] >= 0)
            {
                continue;
            }

            for (int i = 0; i < descriptions.Count && i < claimed.Length; i++)
            {
                string? question = descriptions[i];
                if (!claimed[i] && question is not null && words.Any(w => question.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    columnOfField[f] = i;
                    claimed[i] = true;
                    break;
                }
            }
        }
    }

    private static int IndexOf(IReadOnlyList<Field> fields, string name)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
