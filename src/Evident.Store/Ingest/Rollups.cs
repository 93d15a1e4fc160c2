using System.Data.Common;
using System.Globalization;

namespace Evident.Store.Ingest;

/// <summary>The rollup upsert: adds a batch's sums to the stored row of each key, creating it when new.</summary>
internal static class Rollups
{
    public static readonly string[] Columns =
    [
        "workspace_id", "day", "source", "subject", "segment", "theme", "score_kind",
        "n", "with_text", "scored", "score_sum", "score_sq_sum",
        "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10",
        "sentiment_sum", "sentiment_sq_sum", "positive", "negative", "theme_sentiment_sum", "effort_sum", "with_friction",
    ];

    public const int KeyColumns = 7;

    public static int ColumnCount => Columns.Length;

    /// <param name="from">For PostgreSQL, a staging table to add from; null for a VALUES row of parameters.</param>
    public static string UpsertSql(StoreDialect dialect, string? from = null)
    {
        string columns = string.Join(", ", Columns);
        string source = from is null
            ? "VALUES (" + string.Join(", ", Enumerable.Range(0, Columns.Length).Select(i => (dialect == StoreDialect.Sqlite ? "$p" : "@p") + i.ToString(CultureInfo.InvariantCulture))) + ")"
            : $"SELECT {columns} FROM {from}";
        string sums = string.Join(",\n    ", Columns.Skip(KeyColumns).Select(c => $"{c} = feedback_rollup.{c} + excluded.{c}"));
        // SQLite needs a WHERE on INSERT … SELECT … ON CONFLICT to tell the upsert from a join's ON.
        string where = from is not null && dialect == StoreDialect.Sqlite ? " WHERE true" : "";
        return $"INSERT INTO feedback_rollup ({columns}) {source}{where}\nON CONFLICT ({string.Join(", ", Columns.Take(KeyColumns))}) DO UPDATE SET\n    {sums}";
    }

    /// <summary>The values of one rollup row in <see cref="Columns"/> order.</summary>
    public static object?[] Values(int workspaceId, RollupKey key, RollupSums sums, StoreDialect dialect)
    {
        var values = new object?[Columns.Length];
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

    public static void Fill(DbParameterCollection parameters, int workspaceId, RollupKey key, RollupSums sums, StoreDialect dialect)
    {
        var values = Values(workspaceId, key, sums, dialect);
        for (int i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i];
        }
    }
}
