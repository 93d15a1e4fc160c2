using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Evident.Store;

/// <summary>
/// An open workspace: one database (a SQLite file or a PostgreSQL database) at the current schema. Every row it
/// holds carries <see cref="Id"/>; one database holds the <c>default</c> workspace (id 1) for now.
/// </summary>
public sealed class Workspace : IAsyncDisposable
{
    public const int DefaultId = 1;

    private Workspace(StoreLocation location, DbConnection connection)
    {
        Location = location;
        Connection = connection;
    }

    public StoreLocation Location { get; }

    public StoreDialect Dialect => Location.Dialect;

    public int Id { get; } = DefaultId;

    /// <summary>The workspace's open connection (one per instance; not for concurrent use).</summary>
    public DbConnection Connection { get; }

    /// <summary>True when opening created the workspace (a new file, or an empty database).</summary>
    public bool Created { get; private set; }

    /// <summary>The opener's notice (<see cref="OpenAsync(StoreLocation, bool, Action{string}?, CancellationToken)"/>), kept for an
    /// import that starts on this workspace: it may be the one that rebuilds what a killed import left aside.</summary>
    internal Action<string>? Notice { get; private set; }

    /// <summary>Opens the workspace at <paramref name="location"/>, applying migrations.</summary>
    /// <param name="create">When false, a SQLite file that does not exist is an error rather than created.</param>
    public static Task<Workspace> OpenAsync(StoreLocation location, bool create = true, CancellationToken cancellation = default) =>
        OpenAsync(location, create, notice: null, cancellation);

    /// <summary>As <see cref="OpenAsync(StoreLocation, bool, CancellationToken)"/>, saying what takes a while.</summary>
    /// <param name="notice">Told, in words, of work at opening that takes a while: rebuilding the indexes an interrupted
    /// import set aside.</param>
    public static async Task<Workspace> OpenAsync(StoreLocation location, bool create, Action<string>? notice, CancellationToken cancellation = default)
    {
        bool existed = location.Dialect != StoreDialect.Sqlite || File.Exists(location.Target);
        if (!existed && !create)
        {
            throw new StoreException($"{location.Target}: no workspace here; create one with `evident init` or bring data in with `evident import`");
        }

        var connection = await ConnectAsync(location, pooled: false, cancellation);
        try
        {
            var workspace = new Workspace(location, connection) { Notice = notice };
            int before = await Migrator.CurrentVersionOrZeroAsync(connection, location.Dialect);
            try
            {
                await Migrator.MigrateAsync(connection, location.Dialect, cancellation);
            }
            catch (StoreException exception)
            {
                throw new StoreException($"{location.Display}: {exception.Message}", exception); // which workspace
            }

            if (connection is NpgsqlConnection postgres)
            {
                await Ingest.PostgresDeferredIndexes.RebuildLeftAsync(postgres, notice, cancellation); // after an import that was killed
            }
            else if (connection is SqliteConnection sqlite)
            {
                Ingest.SqliteDeferredIndexes.RebuildLeft(sqlite, location.Target, notice);
            }

            workspace.Created = before == 0;
            return workspace;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a workspace that <see cref="OpenAsync(StoreLocation, bool, CancellationToken)"/> has already brought to the current schema (a server does so once
    /// at its start, then opens one of these per request): a connection, without the schema check.
    /// </summary>
    /// <param name="pooled">
    /// Whether a SQLite connection is taken from (and given back to) a pool, for a process opening many in turn (a
    /// server): a pooled connection keeps its page cache, so a request reads pages from memory rather than from the file,
    /// and no new cache is allocated and faulted in per request (Voices kept: 43-55 ms unpooled, about 18 ms pooled, over
    /// a million comments). <see cref="ReleasePooled"/> closes them. PostgreSQL connections are always pooled (Npgsql).
    /// </param>
    public static async Task<Workspace> OpenCurrentAsync(StoreLocation location, bool pooled = false, CancellationToken cancellation = default) =>
        new(location, await ConnectAsync(location, pooled, cancellation));

    /// <summary>Closes the pooled SQLite connections <see cref="OpenCurrentAsync"/> left open to <paramref name="location"/>.</summary>
    public static void ReleasePooled(StoreLocation location)
    {
        if (location.Dialect == StoreDialect.Sqlite)
        {
            using var connection = new SqliteConnection(SqliteConnectionString(location, pooled: true));
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Another connection to the same database, for work beside the main one (e.g. reading while writing).</summary>
    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellation = default) => ConnectAsync(Location, pooled: false, cancellation);

    internal static async Task<DbConnection> ConnectAsync(StoreLocation location, bool pooled, CancellationToken cancellation)
    {
        if (location.Dialect == StoreDialect.Postgres)
        {
            var postgres = new NpgsqlConnection(location.Target);
            try
            {
                await postgres.OpenAsync(cancellation);
            }
            catch (Exception exception) when (exception is NpgsqlException or ArgumentException or System.Net.Sockets.SocketException)
            {
                await postgres.DisposeAsync();
                throw new StoreException($"{location.Display}: cannot connect to PostgreSQL: {exception.Message}", exception);
            }

            return postgres;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(location.Target));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreException($"{location.Target}: the folder {folder} does not exist");
        }

        var sqlite = new SqliteConnection(SqliteConnectionString(location, pooled));
        try
        {
            await sqlite.OpenAsync(cancellation);
            await using var pragma = sqlite.CreateCommand();
            // WAL: readers never block the writer, and a killed process loses at most the transaction in flight.
            // synchronous=NORMAL is durable across a process crash (not a power loss) and much faster than FULL.
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={SqliteBusyMilliseconds}; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(cancellation);
        }
        catch (SqliteException exception)
        {
            await sqlite.DisposeAsync();
            throw new StoreException($"{location.Target}: cannot open as a SQLite workspace: {exception.Message}", exception);
        }

        return sqlite;
    }

    /// <summary>How long a statement on a SQLite workspace waits for another connection's write to end.</summary>
    public const int SqliteBusyMilliseconds = 60_000;

    private static string SqliteConnectionString(StoreLocation location, bool pooled) => new SqliteConnectionStringBuilder
    {
        DataSource = location.Target,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = pooled,
        DefaultTimeout = 60,
    }.ToString();

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
