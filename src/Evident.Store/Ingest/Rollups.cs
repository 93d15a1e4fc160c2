namespace Evident.Store.Ingest;

/// <summary>
/// Keeps <c>feedback_rollup</c> current: after a batch's feedback rows and themes are inserted, one statement
/// aggregates exactly those rows (per day × source × subject × segment × score kind, and again per theme) and adds
/// the sums to the stored rows, inside the batch's transaction. The aggregation runs in the database, so a batch
/// costs one statement however many groups it touches.
/// </summary>
internal static class Rollups
{
    private static readonly string[] s_keys = ["workspace_id", "day", "source", "subject", "segment", "theme", "score_kind"];

    private static readonly string[] s_sums =
    [
        "n", "with_text", "scored", "score_sum", "score_sq_sum",
        "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10",
        "sentiment_sum", "sentiment_sq_sum", "positive", "negative", "theme_sentiment_sum", "effort_sum", "with_friction",
    ];

    /// <param name="batchRows">A condition on <c>f</c> that holds exactly for the batch's new feedback rows.</param>
    public static string UpsertSql(string batchRows)
    {
        string distribution = string.Join(", ", Enumerable.Range(0, 11).Select(i => $"count(CASE WHEN round(f.score) = {i} THEN 1 END)"));
        string Sums(string themeSentiment) => $"""
            count(*), count(f.sentiment), count(f.score), coalesce(sum(f.score), 0), coalesce(sum(f.score * f.score), 0),
            {distribution},
            coalesce(sum(f.sentiment), 0), coalesce(sum(f.sentiment * f.sentiment), 0),
            count(CASE WHEN f.sentiment >= 0.05 THEN 1 END), count(CASE WHEN f.sentiment <= -0.05 THEN 1 END),
            {themeSentiment}, coalesce(sum(f.effort), 0), count(f.friction)
            """;
        string updates = string.Join(",\n    ", s_sums.Select(c => $"{c} = feedback_rollup.{c} + excluded.{c}"));
        return $"""
            INSERT INTO feedback_rollup ({string.Join(", ", s_keys)}, {string.Join(", ", s_sums)})
            SELECT f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), '', coalesce(f.score_kind, ''),
                {Sums("0")}
            FROM feedback f WHERE {batchRows}
            GROUP BY f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), coalesce(f.score_kind, '')
            UNION ALL
            SELECT f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), t.theme, coalesce(f.score_kind, ''),
                {Sums("coalesce(sum(t.sentiment), 0)")}
            FROM feedback f JOIN feedback_theme t ON t.feedback_id = f.id WHERE {batchRows}
            GROUP BY f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), t.theme, coalesce(f.score_kind, '')
            ON CONFLICT ({string.Join(", ", s_keys)}) DO UPDATE SET
                {updates}
            """;
    }
}
