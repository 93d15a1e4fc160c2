using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Evident.Core.Ingest;
using Evident.Core.Input;

namespace Evident.Core.Audit;

/// <summary>Finds the column that dates each post, so that "the last n" can mean the most recent.</summary>
public static class DateColumn
{
    /// <summary>
    /// Resolves <paramref name="requested"/> (a column name, ignoring case, spaces and punctuation, or a 1-based column
    /// number); when it is <c>null</c>, picks the first column named as dates usually are (<see cref="Fields.DateAliases"/>:
    /// date, created_at, published_at, …), other than the text column. <paramref name="index"/> is -1 when none was
    /// requested and none is found: the posts are then in file order.
    /// </summary>
    /// <param name="problem">Why the requested column cannot be used, listing the columns there are.</param>
    public static bool TryResolve(
        IReadOnlyList<string> columns,
        string? requested,
        int textColumn,
        out int index,
        [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (requested is null)
        {
            index = FindKnownName(columns, textColumn);
            return true;
        }

        index = FindRequested(columns, requested.Trim());
        if (index < 0)
        {
            problem = $"there is no column \"{requested}\" for --date-column. Columns found: {TextColumn.ListColumns(columns)}.";
        }
        else if (index == textColumn)
        {
            problem = $"--date-column \"{requested}\" is the text column; name the column that holds each post's date.";
            index = -1;
        }

        return problem is null;
    }

    private static int FindKnownName(IReadOnlyList<string> columns, int textColumn)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (string alias in Fields.DateAliases)
        {
            aliases.Add(Field.Normalise(alias));
        }

        for (int i = 0; i < columns.Count; i++)
        {
            if (i != textColumn && aliases.Contains(Field.Normalise(columns[i])))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindRequested(IReadOnlyList<string> columns, string requested)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Trim(), requested, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        string normalised = Field.Normalise(requested);
        for (int i = 0; i < columns.Count; i++)
        {
            if (normalised.Length > 0 && Field.Normalise(columns[i]) == normalised)
            {
                return i;
            }
        }

        bool isNumber = int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out int number);
        return isNumber && number >= 1 && number <= columns.Count ? number - 1 : -1;
    }
}
