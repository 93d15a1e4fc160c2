using Dapper;

namespace Evident.Store.Tests;

public sealed class MigrationTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_empty_database_is_migrated_once_to_the_latest_schema(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);

        await using (var first = await Workspace.OpenAsync(target.Location))
        {
            Assert.True(first.Created);
            Assert.Equal(Migrator.LatestVersion(target.Location.Dialect), await Migrator.CurrentVersionAsync(first.Connection));
            foreach (string table in new[] { "feedback", "feedback_theme", "feedback_friction", "feedback_rollup", "interaction", "journey_event", "communication", "person", "import_run", "survey", "feedback_case" })
            {
                Assert.Equal(0, await first.Connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"));
            }
        }

        await using var again = await Workspace.OpenAsync(target.Location);
        Assert.False(again.Created);
        Assert.Equal(1, await again.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migration WHERE version = 1"));
    }

    [SkippableFact]
    public async Task On_postgres_the_tables_an_import_fills_have_no_foreign_keys_and_the_edited_tables_keep_theirs()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        await using var workspace = await Workspace.OpenAsync(target.Location);

        var keyed = (await workspace.Connection.QueryAsync<string>(
            "SELECT conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace")).ToHashSet();

        foreach (string bulk in new[] { "feedback", "feedback_theme", "feedback_friction", "person", "interaction", "journey_event", "communication" })
        {
            Assert.DoesNotContain(bulk, keyed);
        }
        foreach (string edited in new[] { "feedback_case", "case_action", "app_user", "api_key", "workspace_setting", "workspace_theme" })
        {
            Assert.Contains(edited, keyed);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Processes_opening_a_new_workspace_at_once_apply_each_migration_once(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);

        // As when a server starts while an import begins: every opener checks the schema, one applies each migration.
        var opening = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var workspace = await Workspace.OpenAsync(target.Location);
            return workspace.Id;
        })).ToList();
        var ids = await Task.WhenAll(opening);

        Assert.Single(ids.Distinct());
        await using var opened = await Workspace.OpenAsync(target.Location);
        Assert.Equal(Migrator.LatestVersion(target.Location.Dialect), await opened.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migration"));
        Assert.Equal(1, await opened.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workspace"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_schema_newer_than_the_program_is_refused_with_a_clear_message(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            await workspace.Connection.ExecuteAsync("INSERT INTO schema_migration (version, name, applied_at) VALUES (999, 'future', @at)",
                new { at = dialect == "sqlite" ? (object)"2030-01-01T00:00:00Z" : DateTimeOffset.UtcNow });
        }

        var error = await Assert.ThrowsAsync<StoreException>(() => Workspace.OpenAsync(target.Location));
        Assert.Contains("version 999", error.Message);
        Assert.Contains("upgrade evident", error.Message);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Another_applications_database_is_refused_and_left_as_it_was(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        string tables = dialect == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1";
        await using (var other = await Workspace.OpenCurrentAsync(target.Location))
        {
            await other.Connection.ExecuteAsync("CREATE TABLE person (name text); CREATE TABLE feedback (stars integer); CREATE TABLE orders (id integer)");
        }

        var error = await Assert.ThrowsAsync<StoreException>(() => Workspace.OpenAsync(target.Location));

        Assert.StartsWith($"{target.Location.Display}: the database already holds tables named as Evident's (feedback, person) but no Evident schema", error.Message, StringComparison.Ordinal);
        await using var after = await Workspace.OpenCurrentAsync(target.Location);
        Assert.Equal(["feedback", "orders", "person"], await after.Connection.QueryAsync<string>(tables));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_migration_that_fails_is_named_and_rolled_back_whole(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        int latest = Migrator.LatestVersion(target.Location.Dialect);
        await using (var workspace = await Workspace.OpenAsync(target.Location))
        {
            // A workspace "repaired" by hand: the first migration's record deleted, its tables kept; it is applied again and fails
            await workspace.Connection.ExecuteAsync("DELETE FROM schema_migration WHERE version = 1");
        }

        var error = await Assert.ThrowsAsync<StoreException>(() => Workspace.OpenAsync(target.Location));

        Assert.StartsWith($"{target.Location.Display}: the schema could not be brought up to date: migration 0001_workspace.sql failed (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"it was rolled back whole, and the workspace stays at schema version {latest}", error.Message, StringComparison.Ordinal);
        await using var after = await Workspace.OpenCurrentAsync(target.Location);
        Assert.Equal(latest - 1, await after.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migration"));
    }

    [Fact]
    public async Task A_missing_workspace_is_not_created_when_only_reading()
    {
        using var folder = new TempFolder();
        var location = StoreLocation.Resolve(Path.Combine(folder.Path, "nothing.db"));

        var error = await Assert.ThrowsAsync<StoreException>(() => Workspace.OpenAsync(location, create: false));

        Assert.Contains("evident init", error.Message);
        Assert.False(File.Exists(location.Target));
    }

    [Theory]
    [InlineData("Host=db;Database=cx;Username=app", StoreDialect.Postgres)]
    [InlineData("postgresql://app:secret@db:5433/cx", StoreDialect.Postgres)]
    [InlineData("evident.db", StoreDialect.Sqlite)]
    [InlineData("/data/host=1.db", StoreDialect.Sqlite)]
    public void The_db_option_chooses_the_dialect(string db, StoreDialect expected)
    {
        var location = StoreLocation.Resolve(db);

        Assert.Equal(expected, location.Dialect);
        Assert.DoesNotContain("secret", location.Display);
    }
}
