namespace Evident.Store;

public enum StoreDialect
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,
    /// <summary>A PostgreSQL database, for a workspace that outgrows one machine.</summary>
    Postgres,
}

/// <summary>SQL text that differs by dialect.</summary>
internal static class DialectSql
{
    /// <summary>
    /// The workspace column (<paramref name="column"/>, maybe qualified) of a query that reads every row of the workspace,
    /// or walks its rows in the order of their key: on SQLite <c>+workspace_id</c>, so that the planner does not take an
    /// index led by the workspace (every table's day, person or sentiment index), which meets the rows at random pages of
    /// the table; the rows read are the same. Given <c>workspace_id = ?</c> alone, the planner always took such an index
    /// (it has no statistics to tell it the column selects every row): over a million comments the sums by team took
    /// 4.0 s that way against 1.2 s scanning the table, and a theme re-analysis 371 s against 40 (docs/benchmarks.md,
    /// fortieth session). PostgreSQL plans these from its statistics and is given the column as it is.
    /// </summary>
    public static string AllRowsOf(this StoreDialect dialect, string column) => dialect == StoreDialect.Sqlite ? "+" + column : column;

    /// <summary>"column is one of @parameter", a list: Dapper expands it on SQLite; Npgsql binds it as an array.</summary>
    public static string AnyOf(this StoreDialect dialect, string column, string parameter) =>
        dialect == StoreDialect.Sqlite ? $"{column} IN @{parameter}" : $"{column} = ANY(@{parameter})";

    /// <summary>
    /// The 0-10 bucket of a score (<paramref name="column"/>) in a rollup's distribution, as the import counts it
    /// (<c>FeedbackRollup</c>): rounded half away from zero, then clamped. SQLite's round() rounds so. PostgreSQL's
    /// round() of a double rounds a half to even, and the numeric round() that does not took 9 of the 14 s of a theme
    /// re-analysis's rollup sums over a million comments (eleven buckets, each rounding every row again); an exact
    /// half (which a double's fraction shows exactly) is rounded up here instead, the rest by the double's round().
    /// </summary>
    public static string ScoreBucket(this StoreDialect dialect, string column) => dialect == StoreDialect.Sqlite
        ? $"min(max(CAST(round({column}) AS INTEGER), 0), 10)"
        : $"CAST(least(greatest(CASE WHEN {column} - floor({column}) = 0.5 THEN ceil({column}) ELSE round({column}) END, 0), 10) AS integer)";
}
