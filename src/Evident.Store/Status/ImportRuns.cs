using Dapper;

namespace Evident.Store.Status;

/// <summary>The rows of <c>import_run</c>: the latest runs, or one run by its id.</summary>
public static class ImportRuns
{
    private const string Columns =
        """
        SELECT id AS Id, kind AS Kind, source AS Source, file_name AS FileName, CAST(started_at AS text) AS StartedAt,
               CAST(finished_at AS text) AS FinishedAt, status AS Status, rows_read AS RowsRead, imported AS Imported,
               duplicates AS Duplicates, rejected AS Rejected, options AS Options, error AS Error
        FROM import_run
        """;

    public static async Task<IReadOnlyList<ImportRunRow>> LatestAsync(Workspace workspace, int limit, CancellationToken cancellation = default)
    {
        var rows = await workspace.Connection.QueryAsync<Row>(new CommandDefinition(
            Columns + " WHERE workspace_id = @workspace ORDER BY id DESC LIMIT @limit",
            new { workspace = workspace.Id, limit }, cancellationToken: cancellation));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public static async Task<ImportRunRow?> FindAsync(Workspace workspace, long id, CancellationToken cancellation = default)
    {
        var row = await workspace.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Columns + " WHERE workspace_id = @workspace AND id = @id",
            new { workspace = workspace.Id, id }, cancellationToken: cancellation));
        return row?.ToRecord();
    }

    /// <summary>Read by property, not by constructor: on an empty result SQLite types the CAST columns as blobs, and
    /// Dapper then finds no constructor of <see cref="ImportRunRow"/> to match.</summary>
    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Source { get; init; } = "";
        public string FileName { get; init; } = "";
        public string StartedAt { get; init; } = "";
        public string? FinishedAt { get; init; }
        public string Status { get; init; } = "";
        public long RowsRead { get; init; }
        public long Imported { get; init; }
        public long Duplicates { get; init; }
        public long Rejected { get; init; }
        public string? Options { get; init; }
        public string? Error { get; init; }

        public ImportRunRow ToRecord() =>
            new(Id, Kind, Source, FileName, StartedAt, FinishedAt, Status, RowsRead, Imported, Duplicates, Rejected)
            {
                Options = Options is null ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(Options) ?? [],
                Error = Error,
            };
    }
}
