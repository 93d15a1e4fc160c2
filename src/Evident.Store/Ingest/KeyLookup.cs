using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Evident.Store.Ingest;

/// <summary>
/// Finds which natural keys of a batch are already stored, on a connection of its own, so that an import skips
/// analysing rows it already holds (a re-import of a million rows costs a lookup per row, not an analysis).
/// </summary>
internal sealed class KeyLookup(DbConnection connection, StoreDialect dialect, int workspaceId) : IAsyncDisposable
{
    public async Task<HashSet<string>> FindExistingAsync(string table, string source, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        IEnumerable<string> found = dialect == StoreDialect.Sqlite
            ? await connection.QueryAsync<string>(
                $"SELECT external_id FROM {table} WHERE workspace_id = @workspaceId AND source = @source AND external_id IN (SELECT value FROM json_each(@keys))",
                new { workspaceId, source, keys = JsonSerializer.Serialize(keys) })
            : await connection.QueryAsync<string>(
                $"SELECT external_id FROM {table} WHERE workspace_id = @workspaceId AND source = @source AND external_id = ANY(@keys)",
                new { workspaceId, source, keys = keys as string[] ?? [.. keys] });
        return [.. found];
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
