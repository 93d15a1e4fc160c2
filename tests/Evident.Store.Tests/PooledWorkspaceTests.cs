using Dapper;

namespace Evident.Store.Tests;

/// <summary>The pooled connections a server opens: they keep their page cache, yet see what others wrote, and close when released.</summary>
/// <remarks>
/// Run alone: every other SQLite test's clean-up clears all of the process's connection pools (StoreTarget.DisposeAsync), which
/// closed this test's pooled connection between its release and its count of open handles when the two ran at the same time
/// (CI 2026-12-04: "a pooled connection stays open after its workspace is disposed" failed once in six runs).
/// </remarks>
[Collection(ConnectionPools.Name)]
public sealed class PooledWorkspaceTests
{
    [Fact]
    public async Task A_pooled_connection_sees_rows_written_by_another_connection_after_it_was_pooled()
    {
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await using (var created = await Workspace.OpenAsync(target.Location))
        {
            await created.Connection.ExecuteAsync("INSERT INTO workspace_setting (workspace_id, name, value) VALUES (@id, 'probe', '1')", new { id = created.Id });
        }

        await using (var pooled = await Workspace.OpenCurrentAsync(target.Location, pooled: true))
        {
            Assert.Equal("1", await pooled.Connection.ExecuteScalarAsync<string>("SELECT value FROM workspace_setting WHERE name = 'probe'"));
        }

        // Written by an unpooled connection, as the command line does while a server runs.
        await using (var writer = await Workspace.OpenCurrentAsync(target.Location))
        {
            await writer.Connection.ExecuteAsync("UPDATE workspace_setting SET value = '2' WHERE name = 'probe'");
        }

        await using (var pooled = await Workspace.OpenCurrentAsync(target.Location, pooled: true))
        {
            Assert.Equal("2", await pooled.Connection.ExecuteScalarAsync<string>("SELECT value FROM workspace_setting WHERE name = 'probe'"));
        }
    }

    [SkippableFact]
    public async Task Released_pooled_connections_no_longer_hold_the_file_open()
    {
        Skip.IfNot(Directory.Exists("/proc/self/fd"), "needs /proc to list this process's open files");
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await (await Workspace.OpenAsync(target.Location)).DisposeAsync();
        await using (var pooled = await Workspace.OpenCurrentAsync(target.Location, pooled: true))
        {
            await pooled.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback");
        }

        Assert.True(OpenHandles(target.Db) > 0, "a pooled connection stays open after its workspace is disposed");
        Workspace.ReleasePooled(target.Location);
        Assert.Equal(0, OpenHandles(target.Db));

        static int OpenHandles(string path) => Directory.GetFiles("/proc/self/fd").Count(fd =>
        {
            try
            {
                return new FileInfo(fd).LinkTarget == Path.GetFullPath(path);
            }
            catch (IOException)
            {
                return false; // closed while listed
            }
        });
    }
}

/// <summary>Tests that count open connections: xUnit runs this collection after the others, never beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConnectionPools
{
    public const string Name = "connection pools";
}
