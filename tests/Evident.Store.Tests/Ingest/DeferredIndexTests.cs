using Dapper;
using Evident.Core.Ingest;
using Evident.Store.Ingest;
using Npgsql;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Ingest;

/// <summary>
/// PostgreSQL's bulk load: the secondary indexes of tables empty at the start of an import are set aside and built
/// again, by the import at its end or, after an import that was killed, by the next opener.
/// </summary>
public sealed class DeferredIndexTests
{
    private const string IndexesSql =
        "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname";

    /// <summary>The indexes a new database has once migrated: what every state below must come back to.</summary>
    private static async Task<List<string>> FreshSchemaIndexesAsync(StoreTarget target)
    {
        await using var fresh = await Workspace.OpenAsync(target.Location);
        return [.. await fresh.Connection.QueryAsync<string>(IndexesSql)];
    }

    [SkippableFact]
    public async Task Indexes_set_aside_are_rebuilt_by_the_next_opener_once_the_import_holding_them_is_gone()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        var schema = await FreshSchemaIndexesAsync(target);

        var importing = await Workspace.OpenAsync(target.Location);
        int? setAside = await DeferredIndexes.SetAsideAsync((NpgsqlConnection)importing.Connection, DeferredIndexes.TablesFilledBy("twcs"), CancellationToken.None);

        var notices = new List<string>();
        await using (var reader = await Workspace.OpenAsync(target.Location, create: true, notice: notices.Add))
        {
            Assert.Empty(notices); // an import holds them: nothing to rebuild, nothing said
            var during = (await reader.Connection.QueryAsync<string>(IndexesSql)).ToList();
            Assert.DoesNotContain(during, i => i.StartsWith("feedback_theme_by_sentiment:", StringComparison.Ordinal));
            Assert.DoesNotContain(during, i => i.StartsWith("feedback_search:", StringComparison.Ordinal));
            Assert.Contains(during, i => i.StartsWith("feedback_theme_pkey:", StringComparison.Ordinal)); // keys stay
            Assert.Contains(during, i => i.StartsWith("feedback_workspace_id_source_external_id_key:", StringComparison.Ordinal));
            Assert.Equal(schema.Count - during.Count, setAside);
            Assert.Equal(setAside, await reader.Connection.ExecuteScalarAsync<int>("SELECT count(*) FROM deferred_index"));
            Assert.Null(await DeferredIndexes.SetAsideAsync((NpgsqlConnection)reader.Connection, DeferredIndexes.TablesFilledBy("twcs"), CancellationToken.None)); // one bulk load at a time
        }

        await importing.DisposeAsync(); // as when the import is killed: its lock goes with its connection
        NpgsqlConnection.ClearAllPools();

        await using var next = await Workspace.OpenAsync(target.Location, create: true, notice: notices.Add);
        Assert.Equal([$"rebuilding the {setAside} indexes an interrupted import set aside"], notices);
        Assert.Equal(schema, await next.Connection.QueryAsync<string>(IndexesSql));
        Assert.Equal(0, await next.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));
    }

    [SkippableFact]
    public async Task A_first_import_ends_with_every_index_and_a_second_keeps_them_throughout()
    {
        Skip.If(StoreTarget.SkipReason("postgres") is not null, StoreTarget.SkipReason("postgres"));
        await using var target = await StoreTarget.CreateAsync("postgres");
        var schema = await FreshSchemaIndexesAsync(target);

        var (first, _) = await ImportAsync(target.Location, "id,date,comment\n1,2025-03-01,The parcel arrived late.\n2,2025-03-02,Kind and helpful staff.\n", RecordKind.Feedback);
        Assert.Equal(2, first.Imported);
        // opened without the schema check, which would rebuild what an import left aside: the import rebuilt them itself
        await using var workspace = await Workspace.OpenCurrentAsync(target.Location);
        Assert.Equal(schema, await workspace.Connection.QueryAsync<string>(IndexesSql));
        Assert.Equal(0, await workspace.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deferred_index"));

        // feedback is no longer empty: a second import sets nothing of feedback's aside, only the empty tables it fills
        int? setAside = await DeferredIndexes.SetAsideAsync((NpgsqlConnection)workspace.Connection, DeferredIndexes.TablesFilledBy("twcs"), CancellationToken.None);
        var aside = (await workspace.Connection.QueryAsync<string>("SELECT table_name FROM deferred_index")).ToList();
        Assert.Equal(aside.Count, setAside);
        Assert.DoesNotContain("feedback", aside);
        Assert.DoesNotContain("feedback_theme", aside);
        Assert.Contains("interaction", aside); // still empty
        await DeferredIndexes.RebuildAndUnlockAsync((NpgsqlConnection)workspace.Connection, CancellationToken.None);
        Assert.Equal(schema, await workspace.Connection.QueryAsync<string>(IndexesSql));
    }
}
