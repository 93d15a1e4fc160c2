using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace Evident.Store.Ingest;

/// <summary>
/// PostgreSQL's recipe for a bulk load ("Populating a Database" in its manual): when an import starts and one of the
/// tables it fills is empty, that table's secondary indexes are dropped, and built once the rows are in — one sort per
/// index instead of an index insert per row. Measured with psql on a million comments' 1.8 million theme rows: 19.9 s
/// to insert them with both secondary indexes, 3.7 s without and 5.2 s to build the two (300,000 feedback rows: 7.7 s
/// against 5.1 + 1.4 s). Unique indexes and most primary keys stay: the import's duplicate checks rely on them. The
/// primary keys of the tables in <see cref="DeferredIndexes.KeysSetAside"/> go too; such a key comes back as a unique
/// index, built beside the others, then made the constraint it was.
/// <para>
/// Safety. A session advisory lock is held from setting aside to rebuilding, so only one import defers at a time and
/// nobody rebuilds under a running import. Each index's definition is recorded in <c>deferred_index</c> in the
/// transaction that drops it and deleted in the one that builds it again, so an import killed in between (its lock goes
/// with its connection) leaves the definitions for the next import or <see cref="Workspace.OpenAsync(StoreLocation, bool, CancellationToken)"/> to rebuild.
/// While a first import runs, readers of the loading tables go without those indexes; they are built before it ends.
/// </para>
/// </summary>
internal static class PostgresDeferredIndexes
{
    private const long LockKey = 0x4556_4944_0001; // "EVID", 1: the bulk-load lock

    /// <summary>
    /// Takes the bulk-load lock (waiting up to <see cref="LockWait"/> for it), rebuilds what a killed import left aside,
    /// then sets aside the secondary indexes of the tables among <paramref name="tables"/> that are empty. Returns how
    /// many it set aside, or null, setting nothing aside, when another import holds the lock.
    /// </summary>
    /// <param name="notice">Told, in words, before the indexes a killed import left aside are rebuilt.</param>
    public static async Task<int?> SetAsideAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, Action<string>? notice, CancellationToken cancellation)
    {
        if (!await LockAsync(connection, LockWait, cancellation))
        {
            return null;
        }

        await RebuildLeftLockedAsync(connection, notice, cancellation);
        var empty = new List<string>();
        foreach (string table in tables.Where(DeferredIndexes.BulkTables.Contains))
        {
            // one of the constant table names: nothing from outside goes into this text
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT 1 FROM {table})", cancellationToken: cancellation)))
            {
                empty.Add(table);
            }
        }

        if (empty.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        // A primary key is recorded as its unique index and the statement that makes that index the key again: the index
        // is then built under the same lock as the others, where ALTER TABLE … ADD PRIMARY KEY (columns) would lock every
        // other build on its table, and its readers, out while it sorts. Rebuilding a million comments' nine indexes set
        // aside (`evident status` on a workspace left so, seven interleaved pairs): medians 11.05 s with the keys added
        // by ALTER TABLE, 10.73 s built as indexes and attached after.
        var drops = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            INSERT INTO deferred_index (name, table_name, definition)
            SELECT i.relname, t.relname,
                   CASE WHEN c.conname IS NULL THEN pg_get_indexdef(i.oid)
                        ELSE pg_get_indexdef(i.oid) || E';\n' || format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY USING INDEX %I', t.relname, c.conname, i.relname) END
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            LEFT JOIN pg_constraint c ON c.conindid = i.oid AND c.contype = 'p' AND c.conname = i.relname
            WHERE t.relname = ANY(@tables) AND t.relnamespace = current_schema()::regnamespace
              AND (NOT x.indisunique AND NOT x.indisprimary OR c.conname IS NOT NULL AND t.relname = ANY(@keyed))
            ON CONFLICT (name) DO NOTHING
            RETURNING CASE WHEN definition LIKE '%ADD CONSTRAINT%' THEN format('ALTER TABLE %I DROP CONSTRAINT IF EXISTS %I', table_name, name)
                           ELSE format('DROP INDEX IF EXISTS %I', name) END
            """, new { tables = empty.ToArray(), keyed = DeferredIndexes.KeysSetAside }, transaction, cancellationToken: cancellation))).ToList();
        foreach (string drop in drops)
        {
            await connection.ExecuteAsync(new CommandDefinition(drop, transaction: transaction, cancellationToken: cancellation));
        }

        await transaction.CommitAsync(cancellation);
        return drops.Count;
    }

    /// <summary>Builds the indexes set aside again (the caller holds the lock), then releases the lock.</summary>
    public static async Task RebuildAndUnlockAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        try
        {
            await RebuildAsync(connection, cancellation);
        }
        finally
        {
            await connection.ExecuteScalarAsync<bool>($"SELECT pg_advisory_unlock({LockKey})");
        }
    }

    /// <summary>
    /// At open: rebuilds the indexes an import that was killed left aside — unless an import is loading now (it holds
    /// the lock and will build them itself).
    /// </summary>
    /// <param name="notice">Told, in words, before a rebuild starts (about 8-10 s over a million comments).</param>
    public static async Task RebuildLeftAsync(NpgsqlConnection connection, Action<string>? notice, CancellationToken cancellation)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM deferred_index)", cancellationToken: cancellation)))
        {
            return;
        }

        if (await TryLockAsync(connection, cancellation))
        {
            try
            {
                await RebuildLeftLockedAsync(connection, notice, cancellation);
            }
            finally
            {
                await connection.ExecuteScalarAsync<bool>($"SELECT pg_advisory_unlock({LockKey})");
            }
        }
    }

    /// <summary>Under the lock: says how many indexes a killed import left aside, if any, and rebuilds them.</summary>
    private static async Task RebuildLeftLockedAsync(NpgsqlConnection connection, Action<string>? notice, CancellationToken cancellation)
    {
        // Counted under the lock: the import that held it may have rebuilt them in between.
        long left = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM deferred_index", cancellationToken: cancellation));
        if (left > 0)
        {
            notice?.Invoke(DeferredIndexes.RebuildNotice(left));
            await RebuildAsync(connection, cancellation);
        }
    }

    /// <summary>
    /// Builds what <c>deferred_index</c> holds, each index in its own transaction with the deletion of its record (a
    /// primary key's index first, then, once all are built, the key made of it with the deletion of its record). The
    /// builds are shared out among the connection and up to <see cref="MostBuilders"/> − 1 more opened beside it, each
    /// taking the next index from one queue: a build is one backend's work (a GIN index's wholly, a B-tree's with one
    /// parallel worker at the default 64 MB of maintenance memory), and the server has cores to spare meanwhile. The
    /// queue starts with the full-text (GIN) indexes, the slowest, then goes by the size of the table, meaning that no
    /// long build should start last (on this machine, the theme indexes queued before or after the day index measured the same). Rebuilding a million comments' seven indexes set aside, interleaved: 12.8-14.3 s on one
    /// connection, 8.3-10.5 s on two (three: no faster). A helper's failure leaves its index's record for the next
    /// opener, as a kill does; the others are still built, and the first failure is thrown once all have ended.
    /// </summary>
    private static async Task RebuildAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var deferred = (await connection.QueryAsync<(string Name, string Definition)>(new CommandDefinition(
            """
            SELECT name, definition FROM deferred_index
            ORDER BY definition LIKE '% USING gin %' DESC, pg_relation_size(to_regclass(table_name)) DESC NULLS LAST, name
            """, cancellationToken: cancellation))).ToList();
        if (deferred.Count == 0)
        {
            return;
        }

        var queue = new ConcurrentQueue<(string Name, string Definition)>(deferred);
        var keys = new ConcurrentQueue<(string Name, string Attach)>();
        var builders = new List<Task> { BuildFromAsync(connection, queue, keys, cancellation) };
        for (int i = 1; i < Math.Min(deferred.Count, MostBuilders); i++)
        {
            builders.Add(Task.Run(() => BuildBesideAsync(connection, queue, keys, cancellation), cancellation));
        }

        try
        {
            await Task.WhenAll(builders);
        }
        finally
        {
            // The keys whose index was built, each made the key again now that no build holds its table (the
            // attachment takes a lock on the table that would wait for them). It only marks the index: in a statement
            // log of a million comments' import (every statement logged), each took under 1 ms.
            while (keys.TryDequeue(out var key))
            {
                await AttachAsync(connection, key.Name, key.Attach, cancellation);
            }
        }
    }

    /// <summary>Connections that build indexes at once: the client's processor count, at least two and at most four
    /// (the server's is unknown; on this two-core machine three were no faster than two).</summary>
    internal static int MostBuilders => Math.Clamp(Environment.ProcessorCount, 2, 4);

    /// <summary>Builds from the queue on a connection of its own, opened with the same settings as <paramref name="connection"/>.</summary>
    private static async Task BuildBesideAsync(NpgsqlConnection connection, ConcurrentQueue<(string Name, string Definition)> queue, ConcurrentQueue<(string Name, string Attach)> keys, CancellationToken cancellation)
    {
        await using var helper = (NpgsqlConnection)((ICloneable)connection).Clone();
        try
        {
            await helper.OpenAsync(cancellation);
        }
        catch (NpgsqlException)
        {
            return; // no connection to spare (max_connections): the others build its share
        }

        await BuildFromAsync(helper, queue, keys, cancellation);
    }

    private static async Task BuildFromAsync(NpgsqlConnection connection, ConcurrentQueue<(string Name, string Definition)> queue, ConcurrentQueue<(string Name, string Attach)> keys, CancellationToken cancellation)
    {
        while (queue.TryDequeue(out var index))
        {
            var (build, attach) = Split(index.Definition);
            await using var transaction = await connection.BeginTransactionAsync(cancellation);
            if (attach is not null)
            {
                // A primary key: its index is built and committed here; it is made the key again once every build has
                // ended (RebuildAsync), and its record goes then
                await connection.ExecuteAsync(new CommandDefinition(build, transaction: transaction, cancellationToken: cancellation));
                await transaction.CommitAsync(cancellation);
                keys.Enqueue((index.Name, attach));
                continue;
            }

            if (!build.StartsWith("ALTER TABLE ", StringComparison.Ordinal))
            {
                await connection.ExecuteAsync(new CommandDefinition(build, transaction: transaction, cancellationToken: cancellation));
            }
            else if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = @name AND connamespace = current_schema()::regnamespace)",
                new { index.Name }, transaction, cancellationToken: cancellation)))
            {
                // Left by an earlier version's killed import: "ALTER TABLE t ADD CONSTRAINT name PRIMARY KEY (…)", added only when absent
                await connection.ExecuteAsync(new CommandDefinition(build, transaction: transaction, cancellationToken: cancellation));
            }

            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deferred_index WHERE name = @name", new { index.Name }, transaction, cancellationToken: cancellation));
            await transaction.CommitAsync(cancellation);
        }
    }

    /// <summary>A definition's build statement and, for a primary key, the statement that makes its index the key
    /// again. A build is made IF NOT EXISTS, so that a rebuild after a half-finished one (a key's index built, the kill
    /// before it was attached) is harmless; an earlier version's "ALTER TABLE … ADD CONSTRAINT …" is kept whole.</summary>
    private static (string Build, string? Attach) Split(string definition)
    {
        if (definition.StartsWith("ALTER TABLE ", StringComparison.Ordinal))
        {
            return (definition, null);
        }

        int end = definition.IndexOf(";\n", StringComparison.Ordinal);
        string build = end < 0 ? definition : definition[..end];
        // pg_get_indexdef wrote "CREATE [UNIQUE] INDEX name ON …"
        build = build.Insert(build.IndexOf(" INDEX ", StringComparison.Ordinal) + " INDEX ".Length, "IF NOT EXISTS ");
        return (build, end < 0 ? null : definition[(end + 2)..]);
    }

    /// <summary>Makes a key's built index the key again and deletes its record, in one transaction: the key is there
    /// exactly when its record is gone.</summary>
    private static async Task AttachAsync(NpgsqlConnection connection, string name, string attach, CancellationToken cancellation)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await connection.ExecuteAsync(new CommandDefinition(attach, transaction: transaction, cancellationToken: cancellation));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deferred_index WHERE name = @name", new { name }, transaction, cancellationToken: cancellation));
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>
    /// How long an import waits for the bulk-load lock before it loads without it. A killed import's server session
    /// keeps the lock until it notices its client gone, which it does only when the statement it was running ends: an
    /// import run again at once (a script, or a test, tens of milliseconds after the kill) found the lock taken, loaded
    /// without rebuilding what the killed one had set aside, and left it to the next opener. A second import beside a
    /// running one waits this long, then loads without setting indexes aside, as before.
    /// </summary>
    internal static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    private static async Task<bool> LockAsync(NpgsqlConnection connection, TimeSpan wait, CancellationToken cancellation)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!await TryLockAsync(connection, cancellation))
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= wait)
            {
                return false;
            }

            await Task.Delay(50, cancellation);
        }

        return true;
    }

    private static Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellation) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT pg_try_advisory_lock({LockKey})", cancellationToken: cancellation));
}
