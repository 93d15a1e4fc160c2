using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Evident.Core.Input;

/// <summary>Finds the column that holds the text to analyse.</summary>
public static class TextColumn
{
    /// <summary>Names a text column usually has, most telling first.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
    [
        "text", "comment", "comments", "feedback", "body", "message", "review", "content", "verbatim", "tweet", "response",
    ];

    private const int MaxColumnsListed = 40;

    /// <summary>
    /// Resolves <paramref name="requested"/> (a column name, ignoring case, or a 1-based column number) against
    /// <paramref name="columns"/>; when it is <c>null</c>, picks the first column with a known text name, exactly
    /// or as the last word of a longer name ("Comment text", "customer_comment", but not "response_time").
    /// </summary>
    /// <param name="problem">Why no column was found, listing the columns there are.</param>
    public static bool TryResolve(
        IReadOnlyList<string> columns,
        string? requested,
        out int index,
        [NotNullWhen(false)] out string? problem)
    {
        index = requested is null ? FindKnownName(columns) : FindRequested(columns, requested.Trim());
        problem = index >= 0 ? null : Explain(columns, requested);
        return index >= 0;
    }

    /// <summary>
    /// The text of <paramref name="row"/> in <paramref name="column"/> (or its bare JSON string), or why it has none:
    /// the row could not be read, has too few fields, or lacks the property. Every verb that reads texts reports the same.
    /// </summary>
    /// <param name="columnName">The column's name, for the message.</param>
    /// <returns><c>null</c> when <paramref name="text"/> holds the row's text.</returns>
    public static InputError? SelectText(in InputRow row, int column, string columnName, out string text)
    {
        text = row.BareText ?? (column < row.Fields.Count ? row.Fields[column] : null) ?? "";
        if (row.Error is not null || row.BareText is not null)
        {
            return row.Error;
        }

        if (column >= row.Fields.Count)
        {
            return new InputError(row.Line, null,
                $"row has {row.Fields.Count} field(s) but the text column \"{columnName}\" is field {column + 1}");
        }

        return row.Fields[column] is null ? new InputError(row.Line, null, $"row has no \"{columnName}\" property") : null;
    }

    /// <summary>Column names for a message: <c>"id", "score", "note"</c>, shortened when there are many.</summary>
    public static string ListColumns(IReadOnlyList<string> columns)
    {
        if (columns.Count == 0)
        {
            return "none";
        }

        var shown = columns.Take(MaxColumnsListed).Select((name, i) => name.Length == 0 ? $"(column {i + 1}, unnamed)" : $"\"{name}\"");
        string more = columns.Count > MaxColumnsListed ? $" and {columns.Count - MaxColumnsListed} more" : "";
        return string.Join(", ", shown) + more;
    }

    private static int FindRequested(IReadOnlyList<string> columns, string requested)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], requested, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        bool isNumber = int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out int number);
        return isNumber && number >= 1 && number <= columns.Count ? number - 1 : -1;
    }

    private static int FindKnownName(IReadOnlyList<string> columns)
    {
        foreach (string known in KnownNames)
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (string.Equals(columns[i], known, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        // English compounds put the head noun last: "customer_comment" is a comment, "response_time" is a time.
        foreach (string known in KnownNames)
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (string.Equals(LastWord(columns[i]), known, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>The trailing run of letters, split at a camelCase hump: "customerComment" → "Comment".</summary>
    private static string LastWord(string name)
    {
        string trimmed = name.TrimEnd();
        int start = trimmed.Length;
        while (start > 0 && char.IsLetter(trimmed[start - 1]))
        {
            start--;
            if (start > 0 && char.IsUpper(trimmed[start]) && char.IsLower(trimmed[start - 1]))
            {
                break;
            }
        }

        return trimmed[start..];
    }

    private static string Explain(IReadOnlyList<string> columns, string? requested)
    {
        string found = $"Columns found: {ListColumns(columns)}.";
        const string Hint = "Pass --text-column with a column name or a 1-based column number.";
        if (requested is null)
        {
            return $"found no text column (looked for {string.Join(", ", KnownNames)}). {found} {Hint}";
        }

        bool isNumber = int.TryParse(requested.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number);
        return isNumber
            ? $"there is no column {number}: column numbers start at 1 and there are {columns.Count}. {found}"
            : $"there is no column named \"{requested}\". {found} {Hint}";
    }
}
