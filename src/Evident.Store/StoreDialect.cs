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
}
