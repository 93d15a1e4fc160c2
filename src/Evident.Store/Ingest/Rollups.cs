using System.Globalization;

namespace Evident.Store.Ingest;

/// <summary>
/// Keeps <c>feedback_rollup</c> current, inside the transaction that inserts the rows: the new rows are summed per
/// group in memory (<see cref="FeedbackRollup"/>) while they are written, and each group is added to its stored row
/// at commit (<c>INSERT … ON CONFLICT DO UPDATE</c>): on SQLite one prepared upsert per group
/// (<see cref="UpsertValuesSql"/>), on PostgreSQL all groups copied to a staging table and upserted by one
/// statement (<see cref="UpsertFromSql"/>). Aggregating the fresh rows in SQL instead cost about three times more.
/// </summary>
internal static class Rollups
{
    private static readonly string[] s_keys = ["workspace_id", "day", "source", "subject", "segment", "channel", "theme", "score_kind"];

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
        values[5] = key.Channel;
        values[6] = key.Theme;
        values[7] = key.ScoreKind;
        int i = s_keys.Length;
        values[i++] = sums.N;
        values[i++] = sums.WithText;
        values[i++] = sums.Scored;
        values[i++] = sums.ScoreSum;
        values[i++] = sums.ScoreSquareSum;
        foreach (long count in sums.Distribution)
        {
            values[i++] = count;
        }

        values[i++] = sums.SentimentSum;
        values[i++] = sums.SentimentSquareSum;
        values[i++] = sums.Positive;
        values[i++] = sums.Negative;
        values[i++] = sums.ThemeSentimentSum;
        values[i++] = sums.EffortSum;
        values[i] = sums.WithFriction;
        return values;
    }

    /// <summary>The columns of a rollup row, keys then sums.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. s_keys, .. s_sums];

    /// <summary>Adds every row of <paramref name="staging"/> (one per group, <see cref="Columns"/>) to its stored row.</summary>
    public static string UpsertFromSql(string staging)
    {
        string columns = string.Join(", ", Columns);
        string updates = string.Join(",\n    ", s_sums.Select(c => $"{c} = feedback_rollup.{c} + excluded.{c}"));
        return $"INSERT INTO feedback_rollup ({columns}) SELECT {columns} FROM {staging}\n"
            + $"ON CONFLICT ({string.Join(", ", s_keys)}) DO UPDATE SET\n    {updates}";
    }
}
