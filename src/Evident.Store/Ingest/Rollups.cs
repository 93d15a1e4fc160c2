using System.Globalization;

namespace Evident.Store.Ingest;

/// <summary>
/// Keeps <c>feedback_rollup</c> current, inside the transaction that inserts the rows: the new rows are summed per
/// group in memory (<see cref="FeedbackRollup"/>) while they are written, and each group is added to its stored row
/// at commit (<c>INSERT … ON CONFLICT DO UPDATE</c>): on SQLite one prepared upsert per group
/// (<see cref="UpsertValuesSql"/>), on PostgreSQL all groups copied to a staging table and upserted by one
/// statement (<see cref="UpsertFromSql"/>). Aggregating the fresh rows in SQL instead cost about three times more.
/// <para>
/// The same sums are kept per span in <c>feedback_rollup_span</c> (<see cref="SpanTable"/>, migration 0010): a span is
/// the days an ISO week and a calendar month share, so weeks and months are both sums of whole spans, read from about
/// 64 rows a year instead of 365.
/// </para>
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

    public const string DayTable = "feedback_rollup";

    public const string SpanTable = "feedback_rollup_span";

    /// <summary>The first day of <paramref name="day"/>'s span: its week's Monday, or the 1st of its month when later.</summary>
    public static DateOnly SpanStart(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var first = new DateOnly(day.Year, day.Month, 1);
        return monday > first ? monday : first;
    }

    /// <summary><see cref="SpanStart"/> in SQL, of a day column.</summary>
    public static string SpanStartSql(StoreDialect dialect, string day) => dialect == StoreDialect.Sqlite
        ? $"max(date({day}, 'weekday 0', '-6 days'), date({day}, 'start of month'))"
        : $"greatest(CAST(date_trunc('week', {day}::timestamp) AS date), CAST(date_trunc('month', {day}::timestamp) AS date))";

    /// <summary>Adds one group's sums (parameters in <see cref="Values"/> order) to its stored row in <paramref name="table"/>.</summary>
    public static string UpsertValuesSql(string table = DayTable)
    {
        string[] columns = [.. s_keys, .. s_sums];
        string updates = string.Join(",\n    ", s_sums.Select(c => $"{c} = {table}.{c} + excluded.{c}"));
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})\n"
            + $"ON CONFLICT ({string.Join(", ", s_keys)}) DO UPDATE SET\n    {updates}";
    }

    /// <summary>
    /// Adds the rows of <paramref name="from"/> (rollup rows per day, filtered by <paramref name="where"/>) to
    /// <see cref="SpanTable"/>, summed per span: PostgreSQL's ingest from its staging table, and a re-analysis.
    /// </summary>
    public static string SumIntoSpansSql(StoreDialect dialect, string from, string where)
    {
        string columns = string.Join(", ", Columns);
        string keys = string.Join(", ", s_keys.Select(k => k == "day" ? SpanStartSql(dialect, "day") : k));
        string updates = string.Join(",\n    ", s_sums.Select(c => $"{c} = {SpanTable}.{c} + excluded.{c}"));
        // SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT (its parser would take ON for a join); it is there.
        return $"INSERT INTO {SpanTable} ({columns})\nSELECT {keys}, {string.Join(", ", s_sums.Select(c => $"sum({c})"))}\n"
            + $"FROM {from} WHERE {where}\nGROUP BY {keys}\n"
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
        string updates = string.Join(",\n    ", s_sums.Select(c => $"{c} = {DayTable}.{c} + excluded.{c}"));
        return $"INSERT INTO {DayTable} ({columns}) SELECT {columns} FROM {staging}\n"
            + $"ON CONFLICT ({string.Join(", ", s_keys)}) DO UPDATE SET\n    {updates}";
    }
}
