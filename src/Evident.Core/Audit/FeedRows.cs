using Evident.Core.Ingest;
using Evident.Core.Input;

namespace Evident.Core.Audit;

/// <summary>Turns the rows of an input into posts: the text, the line and, when the feed has a date column, the time.</summary>
/// <param name="dateColumn">The column that dates each post, or -1 when the feed is in order.</param>
public sealed class FeedRows(IReadOnlyList<string> columns, int textColumn, int dateColumn = -1)
{
    /// <summary>Whether the posts carry a time, so that "the last n" means the most recent.</summary>
    public bool HasDates => dateColumn >= 0;

    /// <summary>Reads one row; a row without its text, or with a date that cannot be read, is an error and no post.</summary>
    /// <returns><c>null</c> when <paramref name="post"/> holds the row's post.</returns>
    public InputError? Read(in InputRow row, out AuditPost post)
    {
        post = default;
        var error = TextColumn.SelectText(row, textColumn, columns[textColumn], out string text);
        if (error is not null)
        {
            return error;
        }

        DateTimeOffset? time = null;
        if (HasDates)
        {
            string name = columns[dateColumn];
            string? written = dateColumn < row.Fields.Count ? row.Fields[dateColumn] : null;
            if (string.IsNullOrWhiteSpace(written))
            {
                return new InputError(row.Line, null, $"column {name}: no date");
            }

            if (!Values.TryParseTime(written, out var parsed, out string? problem))
            {
                return new InputError(row.Line, null, $"column {name}: {problem}");
            }

            time = parsed;
        }

        post = new AuditPost(text, row.Line, time);
        return null;
    }
}
