namespace Evident.Store;

public enum StoreDialect
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,
    /// <summary>A PostgreSQL database, for a workspace that outgrows one machine.</summary>
    Postgres,
}
