namespace Evident.Core.Ingest;

/// <summary>How a field's text is read.</summary>
public enum FieldType
{
    Text,
    /// <summary>A point in time: ISO 8601, "yyyy-MM-dd HH:mm:ss", Twitter's "Tue Oct 31 22:10:47 +0000 2017", Unix seconds.</summary>
    Time,
    Number,
    /// <summary>A score on the scale of <see cref="Field.ScoreKind"/>; Zendesk's "good"/"bad" read as CSAT 5/1.</summary>
    Score,
    /// <summary>A duration in seconds: a number, "H:MM:SS", ISO 8601 ("PT5M30S") or with units ("5 min"); see <see cref="Values.TryParseSeconds"/>.</summary>
    Seconds,
    /// <summary>A duration given in minutes (Zendesk's "… in minutes" columns), stored in seconds.</summary>
    Minutes,
    /// <summary>How many times: a whole number, 0 or more ("2", "2.0"; not "1.5", which was rounded to 2, nor "-1").</summary>
    Count,
}

/// <summary>One field a record kind can hold, and the column names it is recognised by.</summary>
/// <param name="Name">The field's name in <c>--map COLUMN=field</c>.</param>
/// <param name="Aliases">Column names matched automatically, compared without case, spaces or punctuation; the
/// first field to claim a column takes it.</param>
public sealed record Field(string Name, FieldType Type, string Description, IReadOnlyList<string> Aliases, bool Required = false, string? ScoreKind = null)
{
    /// <summary>A column name reduced to lower-case letters and digits: "Created at", "created_at" → "createdat".</summary>
    public static string Normalise(string name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int n = 0;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
