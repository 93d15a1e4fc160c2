using Dapper;

namespace Evident.Store.Evidence;

/// <summary>
/// Keeps the full-text index of customer comments current. On PostgreSQL the import writes each comment's search vector
/// (<see cref="PostgresSearch"/>) and the database keeps its GIN index, so there is nothing to catch up. On SQLite it
/// is the FTS5 table <c>feedback_search</c>, which the import does not write: <see cref="CatchUpAsync"/> indexes the comments stored since the last mark, a batch per
/// transaction with the mark moved in the same transaction, so that a process killed between batches resumes where
/// it stopped and no comment is indexed twice. SQLite's writer numbers rows in commit order (max(id) + 1 under the
/// write lock), so every comment at or below the mark has been seen. The ids are read in primary-key order: the unary
/// <c>+</c> keeps SQLite from reading a workspace's ids through an index on workspace_id instead (a million index
/// entries read to find the highest id, about 90 ms, where the key's last row is at hand).
/// </summary>
public static class SearchIndex
{
    /// <summary>The workspace setting that holds the highest feedback id the index has seen.</summary>
    public const string MarkSetting = "search_indexed_through";

    /// <summary>Feedback ids a transaction covers: about a second of indexing, short enough not to hold up an import.</summary>
    public const int BatchRows = 20_000;

    /// <summary>The token that marks a workspace's rows in <c>feedback_search</c>.</summary>
    public static string WorkspaceToken(Workspace workspace) => "w" + workspace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether every comment stored is in the index (always, on PostgreSQL).</summary>
    public static async Task<bool> IsCurrentAsync(Workspace workspace, CancellationToken cancellation = default)
    {
        if (workspace.Dialect != StoreDialect.Sqlite)
        {
            return true;
        }

        var (mark, last) = await workspace.Connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            $"""
            SELECT coalesce((SELECT CAST(value AS INTEGER) FROM workspace_setting WHERE workspace_id = @workspace AND name = '{MarkSetting}'), 0),
                   coalesce((SELECT id FROM feedback WHERE +workspace_id = @workspace ORDER BY id DESC LIMIT 1), 0)
            """,
            new { workspace = workspace.Id }, cancellationToken: cancellation));
        return mark >= last;
    }

    /// <summary>Indexes the comments stored since the mark; returns how many it indexed.</summary>
    /// <param name="progress">Told the comments indexed so far, after each batch.</param>
    public static async Task<long> CatchUpAsync(Workspace workspace, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        if (workspace.Dialect != StoreDialect.Sqlite)
        {
            return 0;
        }

        var connection = workspace.Connection;
        long indexed = 0;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            await using var transaction = await connection.BeginTransactionAsync(cancellation);
            var parameters = new DynamicParameters(new { workspace = workspace.Id, token = WorkspaceToken(workspace), batch = BatchRows });
            long mark = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"SELECT CAST(value AS INTEGER) FROM workspace_setting WHERE workspace_id = @workspace AND name = '{MarkSetting}'",
                parameters, transaction, cancellationToken: cancellation)) ?? 0;
            parameters.Add("mark", mark);
            long? through = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT max(id) FROM (SELECT id FROM feedback WHERE id > @mark AND +workspace_id = @workspace ORDER BY id LIMIT @batch)",
                parameters, transaction, cancellationToken: cancellation));
            if (through is null)
            {
                return indexed;
            }

            parameters.Add("through", through.Value);
            indexed += await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO feedback_search (rowid, workspace, text)
                SELECT id, @token, text FROM feedback
                WHERE id > @mark AND id <= @through AND +workspace_id = @workspace AND subject = 'customer' AND text IS NOT NULL
                """,
                parameters, transaction, cancellationToken: cancellation));
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO workspace_setting (workspace_id, name, value) VALUES (@workspace, '{MarkSetting}', CAST(@through AS TEXT))
                ON CONFLICT (workspace_id, name) DO UPDATE SET value = excluded.value
                """,
                parameters, transaction, cancellationToken: cancellation));
            await transaction.CommitAsync(cancellation);
            progress?.Report(indexed);
        }
    }
}
