using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Evident.Store;

/// <summary>
/// Applies the plain-SQL migrations embedded for the dialect (<c>Migrations/sqlite/0001_….sql</c>), each in its own
/// transaction with its version recorded, and refuses a database whose schema is newer than this program knows.
/// </summary>
public static partial class Migrator
{
    private const string ResourcePrefix = "Evident.Store.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations(StoreDialect dialect)
    {
        string folder = dialect == StoreDialect.Sqlite ? "sqlite" : "postgres";
        var assembly = typeof(Migrator).Assembly;
        var list = new List<(int, string, string)>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string path = resource[ResourcePrefix.Length..].Replace('\\', '/');
            if (!path.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                continue;
            }

            string name = path[(folder.Length + 1)..];
            int version = int.Parse(name.AsSpan(0, name.IndexOf('_')), CultureInfo.InvariantCulture);
            list.Add((version, name, Read(assembly, resource)));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    /// <summary>The newest schema version this program knows.</summary>
    public static int LatestVersion(StoreDialect dialect) => Migrations(dialect)[^1].Version;

    /// <returns>The versions applied now (empty when the database was current).</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(DbConnection connection, StoreDialect dialect, CancellationToken cancellation = default)
    {
        if (await CurrentVersionOrZeroAsync(connection, dialect) == 0 && await TablesOfAnotherAsync(connection, dialect) is { Count: > 0 } clash)
        {
            // Checked before anything is created: another application's database is left exactly as it was.
            throw new StoreException(
                $"the database already holds {(clash.Count == 1 ? "a table" : "tables")} named as Evident's ({string.Join(", ", clash)}) but no Evident schema: "
                + "it belongs to something else. Give Evident one of its own: a new file, or on PostgreSQL CREATE DATABASE evident");
        }

        await using (var creating = await LockedTransactionAsync(connection, dialect, cancellation))
        {
            // Under the lock: PostgreSQL's IF NOT EXISTS does not stop two sessions creating the table at once.
            await connection.ExecuteAsync(dialect == StoreDialect.Sqlite
                ? "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
                transaction: creating);
            await creating.CommitAsync(cancellation);
        }

        int current = await CurrentVersionAsync(connection);
        var migrations = Migrations(dialect);
        int latest = migrations[^1].Version;
        if (current > latest)
        {
            throw new StoreException($"the workspace's schema is version {current}, newer than this evident knows ({latest}); upgrade evident to open it");
        }

        // Every migration not recorded is applied, not only those above the newest recorded: a workspace repaired by
        // hand (a rollup dropped and its migration's row deleted) gets that migration again.
        var recorded = (await connection.QueryAsync<int>("SELECT version FROM schema_migration")).ToHashSet();
        var applied = new List<int>();
        foreach (var (version, name, sql) in migrations)
        {
            if (recorded.Contains(version))
            {
                continue;
            }

            cancellation.ThrowIfCancellationRequested();
            // Another process may be migrating the same workspace (a server starting while an import begins): the
            // check is made again inside the transaction, which holds SQLite's write lock (BEGIN IMMEDIATE) or, on
            // PostgreSQL, a lock taken for the purpose, so that a migration is applied once and the other waits.
            await using var transaction = await LockedTransactionAsync(connection, dialect, cancellation);
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migration WHERE version = @version", new { version }, transaction) > 0)
            {
                await transaction.CommitAsync(cancellation);
                continue;
            }

            try
            {
                await connection.ExecuteAsync(sql, transaction: transaction);
            }
            catch (DbException exception)
            {
                throw new StoreException(
                    $"the schema could not be brought up to date: migration {name} failed ({exception.Message.Split('\n', 2)[0].TrimEnd()}); "
                    + $"it was rolled back whole, and the workspace stays at schema version {applied.LastOrDefault(current)}", exception);
            }

            await connection.ExecuteAsync(
                "INSERT INTO schema_migration (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = dialect == StoreDialect.Sqlite ? (object)StoreTime.Text(DateTimeOffset.UtcNow) : DateTimeOffset.UtcNow },
                transaction);
            await transaction.CommitAsync(cancellation);
            applied.Add(version);
        }

        return applied;
    }

    /// <summary>
    /// A transaction that no other process migrating the same database runs alongside: SQLite's BEGIN IMMEDIATE takes
    /// the write lock; on PostgreSQL a transaction-scoped advisory lock kept for migrations.
    /// </summary>
    private static async Task<DbTransaction> LockedTransactionAsync(DbConnection connection, StoreDialect dialect, CancellationToken cancellation)
    {
        var transaction = await connection.BeginTransactionAsync(cancellation);
        if (dialect == StoreDialect.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(5802114373)", transaction: transaction);
        }

        return transaction;
    }

    public static async Task<int> CurrentVersionAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<int?>("SELECT max(version) FROM schema_migration") ?? 0;

    /// <summary>The schema version, 0 for a database Evident has never touched.</summary>
    public static async Task<int> CurrentVersionOrZeroAsync(DbConnection connection, StoreDialect dialect)
    {
        string exists = dialect == StoreDialect.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migration'";
        return await connection.ExecuteScalarAsync<long>(exists) == 0 ? 0 : await CurrentVersionAsync(connection);
    }

    /// <summary>
    /// The tables Evident's migrations create that the database already holds although it has no Evident schema
    /// record: another application's, which the migrations would fail on (or, worse, mix Evident's rows into).
    /// </summary>
    private static async Task<List<string>> TablesOfAnotherAsync(DbConnection connection, StoreDialect dialect)
    {
        var ours = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, _, sql) in Migrations(dialect))
        {
            foreach (Match match in CreatedTable().Matches(sql))
            {
                ours.Add(match.Groups[1].Value);
            }
        }

        var existing = await connection.QueryAsync<string>(dialect == StoreDialect.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
        return [.. existing.Where(ours.Contains).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
