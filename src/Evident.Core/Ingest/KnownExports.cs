using Evident.Core.Input;

namespace Evident.Core.Ingest;

/// <summary>Exports recognised by their shape, so that they import without any mapping.</summary>
public static class KnownExports
{
    private static readonly string[] s_twcsColumns = ["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"];

    /// <summary>Customer Support on Twitter: one tweet per row, threaded by reply ids.</summary>
    public static bool IsTwcs(IReadOnlyList<string> columns) =>
        s_twcsColumns.All(c => columns.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// A Qualtrics CSV export has two more header rows under the column ids: the question texts, then
    /// <c>{"ImportId":"…"}</c> per column. Returns the question texts and drops both rows; null when not Qualtrics.
    /// </summary>
    public static IReadOnlyList<string?>? TakeQualtricsQuestions(PeekingReader reader)
    {
        var first = reader.Peek(2);
        if (first.Count < 2 || first[1].Fields.Count == 0 || !LooksLikeImportId(first[1].Fields))
        {
            return null;
        }

        var questions = first[0].Fields;
        reader.Skip(2);
        return questions;
    }

    private static bool LooksLikeImportId(IReadOnlyList<string?> fields)
    {
        foreach (string? field in fields)
        {
            if (field is not null && field.Contains("\"ImportId\"", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
