using Dapper;
using Evident.Core.Ingest;
using Evident.Store.Ingest;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Ingest;

/// <summary>
/// The bulk load: secondary indexes of tables empty at the start of an import are set aside and built again, by the
/// import at its end or, after an import that was killed, by the next opener — never by an opener while the import that
/// set them aside still runs.
/// </summary>
public sealed class DeferredIndexTests
{
    private static string IndexesSql(StoreDialect dialect) => dialect == StoreDialect.Sqlite
        ? "SELECT name || ': ' || coalesce(sql, '(key)') FROM sqlite_master WHERE type = 'index' ORDER BY name"
        : "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname";

    /// <summary>PostgreSQL's constraints: a primary key set aside must come back as a key, not as a unique index alone.</summary>
    private const string ConstraintsSql =
        "SELECT conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1";

    /// <summary>The indexes a new database has once migrated: what every state below must come back to.</summary>
    private static async Task<List<string>> FreshSchemaIndexesAsync(StoreTarget target)
    {
        await using var fresh = await Workspace.OpenAsync(target.Location);
        return [.. await fresh.Connection.QueryAsync<string>(IndexesSql(target.Location.Dialect))];
    }

    /// <summary>What an import does at its start: takes the bulk-load lock and sets indexes aside. Disposing the
    /// returned holder is what a kill does: the lock goes (with the connection on PostgreSQL, the process on SQLite).</summary>
    private static async Task<(int? SetAside, IAsyncDisposable Holder)> SetAsideAsync(Workspace workspace, string kind)
    {
        if (workspace.Connection is NpgsqlConnection postgres)
        {
            return (await PostgresDeferredIndexes.SetAsideAsync(postgres, DeferredIndexes.TablesFilledBy(kind), notice: null, CancellationToken.None), workspace);
        }

        var bulkLoad = SqliteDeferredIndexes.TryLock(workspace.Location.Target);
        if (bulkLoad is null)
        {
            return (null, workspace);
        }

        int setAside = SqliteDeferredIndexes.SetAside((SqliteConnection)workspace.Connection, DeferredIndexes.TablesFilledBy(kind), notice: null);
        return (setAside, new Both(bulkLoad, workspace));
    }

    private sealed class Both(IDisposable bulkLoad, IAsyncDisposable workspace) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            bulkLoad.Dispose();
            return workspace.DisposeAsync();
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Indexes_set_aside_are_rebuilt_by_the_next_opener_once_the_import_holding_them_is_gone(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        var schema = await FreshSchemaIndexesAsync(target);
        string indexes = IndexesSql(target.Location.Dialect);
        List<string> constraints = [];
        if (dialect == "postgres")
        {
            await using var fresh = await Workspace.OpenAsync(target.Location);
            constraints = [.. await fresh.Connection.QueryAsync<string>(ConstraintsSql)];
            Assert.Contains("feedback_theme.feedback_theme_pkey: PRIMARY KEY (feedback_id, theme)", constraints);
        }

        var (setAside, importing) = await SetAsideAsync(await Workspace.OpenAsync(target.Location), "twcs");

        var notices = new List<string>();
        await using (var reader = await Workspace.OpenAsync(target.Location, create: true, notice: notices.Add))
        {
            Assert.Empty(notices); // an import holds them: nothing to rebuild, nothing said
            var during = (await reader.Connection.QueryAsync<string>(indexes)).ToList();
            Assert.DoesNotContain(during, i => i.StartsWith("feedback_theme_by_sentiment:", StringComparison.Ordinal));
            Assert.DoesNotContain(during, i => i.StartsWith("feedback_friction_by_kind:", StringComparison.Ordinal));
            // keys stay: the import's duplicate checks rely on them
            Assert.Contains(during, i => i.StartsWith(dialect == "sqlite" ? "sqlite_autoindex_feedback_1:" : "feedback_workspace_id_source_external_id_key:", StringComparison.Ordinal));
            if (dialect == "postgres")
            {
                Assert.DoesNotContain(during, i => i.StartsWith("feedback_search:", StringComparison.Ordinal));
                // a theme's and a friction kind's keys go too (DeferredIndexes.KeysSetAside); feedback's own stays
                Assert.DoesNotContain(during, i => i.StartsWith("feedback_theme_pkey:", StringComparison.Ordinal));
                Assert.DoesNotContain(during, i => i.StartsWith("feedback_friction_pkey:", StringComparison.Ordinal));
                Assert.Contains(during, i => i.StartsWith("feedback_pkey:", StringComparison.Ordinal));
                Assert.DoesNotContain(await reader.Connection.QueryAsync<string>(ConstraintsSql), c => c.StartsWith("feedback_theme.", StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains(during, i => i.StartsWith("feedback_by_day:", StringComparison.Ordinal)); // cheap to write in order: kept
            }

            Assert.Equal(schema.Count - during.Count, setAside);
            Assert.Equal(setAside, await reader.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM deferred_index"));
            var (second, holder) = await SetAsideAsync(await Workspace.OpenAsync(target.Location), "twcs");
            Assert.Null(second); // one bulk load at a time
            await holder.DisposeAsync();
        }

        await importing.DisposeAsync();
        NpgsqlConnection.ClearAllPools();

        await using var next = await Workspace.OpenAsync(target.Location, create: true, notice: notices.Add);
        Assert.Equal([$"rebuilding the {setAside} indexes an interrupted import set aside"], notices);
        Assert.Equal(schema, await next.Connection.QueryAsync<string>(indexes));
        Assert.Equal(0, await next.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
        if (dialect == "postgres")
        {
            Assert.Equal(constraints, await next.Connection.QueryAsync<string>(ConstraintsSql));
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_first_import_ends_with_every_index_and_a_second_keeps_them_throughout(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        var schema = await FreshSchemaIndexesAsync(target);
        string indexes = IndexesSql(target.Location.Dialect);

        var (first, _) = await ImportAsync(target.Location, "id,date,comment\n1,2025-03-01,The parcel arrived late.\n2,2025-03-02,Kind and helpful staff.\n", RecordKind.Feedback);
        Assert.Equal(2, first.Imported);
        // opened without the schema check, which would rebuild what an import left aside: the import rebuilt them itself
        var workspace = await Workspace.OpenCurrentAsync(target.Location);
        Assert.Equal(schema, await workspace.Connection.QueryAsync<string>(indexes));
        if (dialect == "postgres")
        {
            Assert.Contains("feedback_theme.feedback_theme_pkey: PRIMARY KEY (feedback_id, theme)", await workspace.Connection.QueryAsync<string>(ConstraintsSql));
            Assert.Contains("feedback_friction.feedback_friction_pkey: PRIMARY KEY (feedback_id, kind)", await workspace.Connection.QueryAsync<string>(ConstraintsSql));
        }

        Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
        Assert.NotEqual(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback_theme")); // the premise below
        if (dialect == "sqlite")
        {
            Assert.False(File.Exists(target.Db + "-bulkload")); // the lock's file goes with the lock
        }

        // feedback_theme is no longer empty: a second import sets nothing of it aside, only indexes of empty tables
        var (setAside, holder) = await SetAsideAsync(workspace, "twcs");
        await using (holder)
        {
            var aside = (await workspace.Connection.QueryAsync<string>("SELECT table_name FROM deferred_index")).ToList();
            Assert.Equal(aside.Count, setAside);
            Assert.DoesNotContain("feedback", aside);
            Assert.DoesNotContain("feedback_theme", aside);
            foreach (string table in aside)
            {
                // one of the tables the test knows: nothing from outside goes into this text
                Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"));
            }

            if (dialect == "postgres")
            {
                Assert.Contains("interaction", aside); // still empty
                await PostgresDeferredIndexes.RebuildAndUnlockAsync((NpgsqlConnection)workspace.Connection, CancellationToken.None);
            }
            else
            {
                Assert.Equal(["feedback_friction"], aside); // the text shows no friction: its table is still empty
                SqliteDeferredIndexes.Rebuild((SqliteConnection)workspace.Connection);
            }

            Assert.Equal(schema, await workspace.Connection.QueryAsync<string>(indexes));
        }
    }

    [SkippableFact]
    public Task A_postgres_key_left_aside_by_an_earlier_version_as_one_statement_is_added_again() =>
        TheNextOpenerRestoresTheThemeKeyAsync(killed => killed.ExecuteAsync(
            // what an import before the keys were recorded as an index and its attachment left when it was killed
            """
            INSERT INTO deferred_index (name, table_name, definition)
            VALUES ('feedback_theme_pkey', 'feedback_theme', 'ALTER TABLE feedback_theme ADD CONSTRAINT feedback_theme_pkey PRIMARY KEY (feedback_id, theme)');
            ALTER TABLE feedback_theme DROP CONSTRAINT feedback_theme_pkey;
            """));

    [SkippableFact]
    public Task A_postgres_key_whose_index_was_built_before_a_kill_is_made_the_key_by_the_next_opener() =>
        TheNextOpenerRestoresTheThemeKeyAsync(async killed =>
        {
            Assert.NotNull(await PostgresDeferredIndexes.SetAsideAsync(killed, DeferredIndexes.TablesFilledBy("feedback"), notice: null, CancellationToken.None));
            Assert.EndsWith(
                "ALTER TABLE feedback_theme ADD CONSTRAINT feedback_theme_pkey PRIMARY KEY USING INDEX feedback_theme_pkey",
                await killed.ExecuteScalarAsync<string>("SELECT definition FROM deferred_index WHERE name = 'feedback_theme_pkey'"));
            // the key's index built and committed, as a builder does before the keys are attached; then the kill
            await killed.ExecuteAsync("CREATE UNIQUE INDEX feedback_theme_pkey ON feedback_theme (feedback_id, theme)");
        });

    /// <summary>Leaves a fresh PostgreSQL workspace as <paramref name="leave"/> does on a connection that is then
    /// closed (a kill), and checks that the next opener brings back every index and the theme table's primary key.</summary>
    private static async Task TheNextOpenerRestoresTheThemeKeyAsync(Func<NpgsqlConnection, Task> leave)
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        var schema = await FreshSchemaIndexesAsync(target);
        await using (var killed = await Workspace.OpenAsync(target.Location))
        {
            await leave((NpgsqlConnection)killed.Connection);
        }

        NpgsqlConnection.ClearAllPools();
        await using var next = await Workspace.OpenAsync(target.Location);

        Assert.Equal(schema, await next.Connection.QueryAsync<string>(IndexesSql(StoreDialect.Postgres)));
        Assert.Contains("feedback_theme.feedback_theme_pkey: PRIMARY KEY (feedback_id, theme)", await next.Connection.QueryAsync<string>(ConstraintsSql));
        Assert.Equal(0, await next.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
    }

    [SkippableFact]
    public async Task The_postgres_builds_share_a_queue_so_one_that_fails_stops_none_of_the_others()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        var schema = await FreshSchemaIndexesAsync(target);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var connection = (NpgsqlConnection)workspace.Connection;
        int? setAside = await PostgresDeferredIndexes.SetAsideAsync(connection, DeferredIndexes.TablesFilledBy("twcs"), notice: null, CancellationToken.None);
        Assert.True(setAside > 2);
        // A definition that cannot be built, queued second (after the full-text index, before the rest by name): built
        // one after another on one connection, its failure would leave every index behind it unbuilt.
        await connection.ExecuteAsync(
            "INSERT INTO deferred_index (name, table_name, definition) VALUES ('a_broken', 'feedback', 'CREATE INDEX a_broken ON public.feedback (no_such_column)')");

        var failure = await Assert.ThrowsAsync<PostgresException>(() => PostgresDeferredIndexes.RebuildAndUnlockAsync(connection, CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.UndefinedColumn, failure.SqlState);
        Assert.Equal(["a_broken"], await connection.QueryAsync<string>("SELECT name FROM deferred_index"));
        Assert.Equal(schema, await connection.QueryAsync<string>(IndexesSql(StoreDialect.Postgres)));
        // and the lock went: another import may set aside again (once the broken definition, which it would try first, is gone)
        await connection.ExecuteAsync("DELETE FROM deferred_index");
        await using var other = await Workspace.OpenCurrentAsync(target.Location);
        Assert.NotNull(await PostgresDeferredIndexes.SetAsideAsync((NpgsqlConnection)other.Connection, DeferredIndexes.TablesFilledBy("twcs"), notice: null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_postgres_import_whose_role_may_open_no_more_connections_builds_every_index_on_its_own()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        var schema = await FreshSchemaIndexesAsync(target);
        var database = new NpgsqlConnectionStringBuilder(target.Db).Database;
        string role = "evident_limited_" + Guid.NewGuid().ToString("N")[..8];
        await using var admin = new NpgsqlConnection(StoreTarget.PostgresAdmin);
        await admin.OpenAsync();
        // Two connections: the import's own and its first key look-up; a second look-up or a helper building indexes
        // would be a third, and each goes without. The role owns what the fresh workspace made, so that it may drop and
        // build its indexes.
        await admin.ExecuteAsync($"CREATE ROLE {role} LOGIN CONNECTION LIMIT 2");
        try
        {
            await using (var owner = new NpgsqlConnection(target.Db))
            {
                await owner.OpenAsync();
                await owner.ExecuteAsync($"GRANT USAGE, CREATE ON SCHEMA public TO {role}");
                foreach (string table in await owner.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
                {
                    // names from the catalogue and the test's own role name: nothing from outside goes into this text
                    await owner.ExecuteAsync($"ALTER TABLE {table} OWNER TO {role}");
                }
            }

            var limited = new StoreLocation(StoreDialect.Postgres, new NpgsqlConnectionStringBuilder(target.Db) { Username = role }.ConnectionString);
            var (totals, _) = await ImportAsync(limited, "id,date,comment\n1,2025-03-01,The parcel arrived late.\n2,2025-03-02,Kind and helpful staff.\n", RecordKind.Feedback);

            Assert.Equal(2, totals.Imported);
            await using var check = await Workspace.OpenCurrentAsync(target.Location);
            Assert.Equal(schema, await check.Connection.QueryAsync<string>(IndexesSql(StoreDialect.Postgres)));
            Assert.Equal(0, await check.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
            Assert.NotEqual(0, await check.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback_theme"));
        }
        finally
        {
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await admin.ExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    [Fact]
    public async Task The_sqlite_build_keeps_its_memory_small_and_gives_the_connection_back_its_cache()
    {
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await ImportAsync(target.Location, "id,date,comment\n1,2025-03-01,The parcel arrived late.\n", RecordKind.Feedback);
        await using var workspace = await Workspace.OpenCurrentAsync(target.Location);
        var connection = (SqliteConnection)workspace.Connection;
        long cache = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size");
        long temp = await connection.ExecuteScalarAsync<long>("PRAGMA temp_store");
        long threads = await connection.ExecuteScalarAsync<long>("PRAGMA threads");
        await connection.ExecuteAsync(
            """
            INSERT INTO deferred_index (name, table_name, definition)
            SELECT name, tbl_name, sql FROM sqlite_master WHERE name = 'feedback_theme_by_sentiment';
            DROP INDEX feedback_theme_by_sentiment;
            """);

        SqliteDeferredIndexes.Rebuild(connection);

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'feedback_theme_by_sentiment'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
        Assert.Equal(cache, await connection.ExecuteScalarAsync<long>("PRAGMA cache_size"));
        Assert.Equal(temp, await connection.ExecuteScalarAsync<long>("PRAGMA temp_store"));
        Assert.Equal(threads, await connection.ExecuteScalarAsync<long>("PRAGMA threads"));
    }

    [Fact]
    public void The_sqlite_bulk_load_lock_is_held_by_one_at_a_time_and_leaves_no_file()
    {
        string folder = Directory.CreateTempSubdirectory("evident-lock-").FullName;
        try
        {
            string db = Path.Combine(folder, "w.db");
            using (var first = SqliteDeferredIndexes.TryLock(db))
            {
                Assert.NotNull(first);
                Assert.Null(SqliteDeferredIndexes.TryLock(db));
            }

            Assert.False(File.Exists(db + "-bulkload"));
            File.WriteAllText(db + "-bulkload", ""); // what a killed holder leaves: the file, without its lock
            using var again = SqliteDeferredIndexes.TryLock(db);
            Assert.NotNull(again);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
