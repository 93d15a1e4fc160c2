using Dapper;
using Microsoft.Data.Sqlite;

namespace Evident.Store.Ingest;

/// <summary>
/// SQLite's share of the bulk-load recipe (<see cref="DeferredIndexes"/>): a first import into an empty
/// <c>feedback_theme</c> or <c>feedback_friction</c> drops the table's secondary index and builds it at its end. Those
/// two are keyed by theme (or friction kind) and sentiment, so every row lands at a random place of the index; the
/// others are kept, being cheap to write in order (the day index: 365 places a year; the partial ones: no entry for a
/// customer's row) and not cheaper to build afterwards. Measured on a million comments (1.8 million theme rows), whole
/// first imports interleaved with the build that kept every index: 27.3 / 27.4 s → 22.1 / 21.8 s, the writer busy
/// 23.9 / 24.0 s → 15.7 / 15.9 s plus 3.1 / 2.7 s to build the two indexes, at the same peak memory.
/// <para>
/// The build runs with a small page cache (2 MB) and its sort spilled to temporary files rather than memory: with the
/// workspace's 64 MB cache and in-memory temporary storage, it added 60-90 MB to the import's peak (then 413 MiB), and
/// the small cache is also the fastest (see <see cref="Rebuild"/>).
/// </para>
/// <para>
/// Safety, as on PostgreSQL: each definition is recorded in <c>deferred_index</c> in the transaction that drops the
/// index and deleted in the one that builds it again, so an import killed in between leaves the definitions for the next
/// opener to build. SQLite has no advisory lock, so the bulk-load lock is an exclusive lock (<c>flock</c>) on a file
/// beside the database, <c>NAME-bulkload</c>, which the system releases with the process that held it: only one import
/// sets indexes aside at a time, and nobody rebuilds under a running import (an opener that finds the lock taken leaves
/// the indexes to the import that holds it).
/// </para>
/// </summary>
internal static class SqliteDeferredIndexes
{
    /// <summary>The indexes set aside while their table loads from empty, by table.</summary>
    private static readonly (string Index, string Table)[] s_deferrable =
    [
        ("feedback_theme_by_sentiment", "feedback_theme"),
        ("feedback_friction_by_kind", "feedback_friction"),
    ];

    /// <summary>Takes the bulk-load lock of the database at <paramref name="databasePath"/>; null when another process
    /// (or connection) holds it, or when the folder cannot hold the lock file.</summary>
    public static BulkLoadLock? TryLock(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix (a share lock on Windows); DeleteOnClose removes the file
            // once released. A killed process leaves the file but not the lock.
            return new BulkLoadLock(new FileStream(
                databasePath + "-bulkload", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Under the bulk-load lock: builds what a killed import left aside, then sets aside the deferrable indexes of the
    /// tables among <paramref name="tables"/> that are empty. Returns how many it set aside.
    /// </summary>
    /// <param name="notice">Told, in words, before the indexes a killed import left aside are rebuilt.</param>
    public static int SetAside(SqliteConnection connection, IReadOnlyList<string> tables, Action<string>? notice)
    {
        RebuildLeftLocked(connection, notice);
        int setAside = 0;
        foreach (var (index, table) in s_deferrable)
        {
            if (!tables.Contains(table))
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false); // the write lock: no row arrives between the check and the drop
            // one of the constant table names: nothing from outside goes into this text
            bool empty = !connection.ExecuteScalar<bool>($"SELECT EXISTS (SELECT 1 FROM {table})", transaction: transaction);
            string? definition = connection.ExecuteScalar<string?>(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @index", new { index }, transaction);
            if (empty && definition is not null)
            {
                connection.Execute(
                    "INSERT INTO deferred_index (name, table_name, definition) VALUES (@index, @table, @definition) ON CONFLICT (name) DO NOTHING",
                    new { index, table, definition }, transaction);
                connection.Execute($"DROP INDEX {index}", transaction: transaction);
                setAside++;
            }

            transaction.Commit();
        }

        return setAside;
    }

    /// <summary>Builds the indexes set aside again, each in its own transaction with its record (the caller holds the lock).</summary>
    public static void Rebuild(SqliteConnection connection)
    {
        var deferred = connection.Query<(string Name, string Definition)>("SELECT name, definition FROM deferred_index ORDER BY name").ToList();
        if (deferred.Count == 0)
        {
            return;
        }

        long cacheSize = connection.ExecuteScalar<long>("PRAGMA cache_size");
        long tempStore = connection.ExecuteScalar<long>("PRAGMA temp_store");
        long threads = connection.ExecuteScalar<long>("PRAGMA threads");
        try
        {
            // The sort that builds an index holds up to a page cache of keys, then spills them to temporary storage:
            // a small cache and files keep the import's peak memory where the loading put it. Two MB is also the
            // fastest: the theme index of 1M comments (2M rows) built in 1.55-1.66 s with 2 MB, 1.64-1.86 s with 8 MB,
            // 1.98-2.11 s with 16 MB and 2.27-2.46 s with 32 MB (the sqlite3 shell, three runs each); the sorted runs that
            // fit the processor's caches merge faster than fewer, larger ones. Whole 1M-row first imports, interleaved:
            // 15.40 / 15.16 / 14.94 s with 16 MB, 14.46 / 14.52 / 14.49 s with 2 MB, peak 310-319 -> 250-257 MiB.
            // Two helper threads sort beside the connection's own: the builds of 1M comments' indexes took 2.40-2.66 s
            // against 2.93-4.37 s with none (16 MB cache); with 2 MB, 1.96-2.02 s with one against 1.55-1.66 s with two.
            connection.Execute("PRAGMA shrink_memory; PRAGMA cache_size = -2048; PRAGMA temp_store = FILE; PRAGMA threads = 2");
            foreach (var (name, definition) in deferred)
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                // sqlite_master kept "CREATE INDEX name ON …"; IF NOT EXISTS makes a build after a half-finished one harmless
                connection.Execute(definition.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal), transaction: transaction);
                connection.Execute("DELETE FROM deferred_index WHERE name = @name", new { name }, transaction);
                transaction.Commit();
            }
        }
        finally
        {
            connection.Execute($"PRAGMA cache_size = {cacheSize}; PRAGMA temp_store = {tempStore}; PRAGMA threads = {threads}");
        }
    }

    /// <summary>
    /// At open: builds the indexes a killed import left aside, unless an import is loading now (it holds the lock and
    /// will build them itself).
    /// </summary>
    /// <param name="notice">Told, in words, before a build starts (about 3 s over a million comments).</param>
    public static void RebuildLeft(SqliteConnection connection, string databasePath, Action<string>? notice)
    {
        if (!connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM deferred_index)"))
        {
            return;
        }

        using var bulkLoad = TryLock(databasePath);
        if (bulkLoad is null)
        {
            return;
        }

        RebuildLeftLocked(connection, notice);
    }

    /// <summary>Under the lock: says how many indexes a killed import left aside, if any, and builds them.</summary>
    private static void RebuildLeftLocked(SqliteConnection connection, Action<string>? notice)
    {
        // Counted under the lock: the import that held it may have built them in between.
        long left = connection.ExecuteScalar<long>("SELECT count(*) FROM deferred_index");
        if (left > 0)
        {
            notice?.Invoke(DeferredIndexes.RebuildNotice(left));
            Rebuild(connection);
        }
    }
}

/// <summary>The bulk-load lock of a SQLite workspace, held until disposed (or until the process ends).</summary>
internal sealed class BulkLoadLock(FileStream file) : IDisposable
{
    public void Dispose() => file.Dispose();
}
