using System.Globalization;

namespace Evident.Store.Ingest;

/// <summary>
/// Keeps <c>feedback_rollup</c> current, inside the transaction that inserts the rows: either one statement that
/// aggregates exactly the transaction's new rows in the database (<see cref="UpsertSql"/>, used on PostgreSQL), or
/// one upsert per group summed in memory while the rows were written (<see cref="UpsertValuesSql"/>, used on SQLite,
/// where re-reading and sorting the fresh rows cost three times more than the upserts).
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

    /// <summary>Adds one group's sums (parameters in <see cref="Values"/> order) to its stored row.</summary>
    public static string UpsertValuesSql()
    {
        string[] columns = [.. s_keys, .. s_sums];
        string updates = string.Join(",\n    ", s_sums.Select(c => $"{c} = feedback_rollup.{c} + excluded.{c}"));
        return $"INSERT INTO feedback_rollup ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})\n"
            + $"ON CONFLICT ({string.Join(", ", s_keys)}) DO UPDATE SET\n    {updates}";
    }

    /// <summary>The values of one group in key-then-sums column order.</summary>
    public static object?[] Values(int workspaceId, RollupKey key, RollupSums sums, StoreDialect dialect)
    {
        var values = new object?[s_keys.Length + s_sums.Length];
        values[0] = workspaceId;
        values[1] = dialect == StoreDialect.Sqlite ? key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : key.Day;
        values[2] = key.Source;
        values[3] = key.Subject;
        values[4] = key.Segment;
        values[5] = key.Theme;
        values[6] = key.ScoreKind;
        values[7] = sums.N;
        values[8] = sums.WithText;
        values[9] = sums.Scored;
        values[10] = sums.ScoreSum;
        values[11] = sums.ScoreSquareSum;
        for (int i = 0; i < 11; i++)
        {
            values[12 + i] = sums.Distribution[i];
        }

        values[23] = sums.SentimentSum;
        values[24] = sums.SentimentSquareSum;
        values[25] = sums.Positive;
        values[26] = sums.Negative;
        values[27] = sums.ThemeSentimentSum;
        values[28] = sums.EffortSum;
        values[29] = sums.WithFriction;
        return values;
    }

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
