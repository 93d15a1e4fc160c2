using Dapper;

namespace Evident.Store.Status;

/// <summary>What a workspace holds: rows per kind and source, the time they span, and the last imports.</summary>
public sealed record WorkspaceStatus(
    string Workspace,
    int SchemaVersion,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<SourceCount> Sources,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<ImportRunRow> LastImports)
{
    /// <summary>Kinds in the order they are shown, with the table and filter that count them.</summary>
    private static readonly (string Kind, string Table, string Filter, string Time)[] s_kinds =
    [
        ("feedback", "feedback", "subject = 'customer'", "created_at"),
        ("interactions", "interaction", "true", "started_at"),
        ("journey", "journey_event", "true", "at"),
        ("comms", "communication", "true", "created_at"),
        ("pulse", "feedback", "subject = 'employee'", "created_at"),
    ];

    public static async Task<WorkspaceStatus> ReadAsync(Workspace workspace, int lastImports = 5)
    {
        var connection = workspace.Connection;
        var counts = new Dictionary<string, long>();
        var sources = new List<SourceCount>();
        DateTimeOffset? from = null, to = null;
        foreach (var (kind, table, filter, time) in s_kinds)
        {
            var rows = await connection.QueryAsync<(string Source, long Rows, string? First, string? Last)>(
                $"SELECT source, count(*), CAST(min({time}) AS text), CAST(max({time}) AS text) FROM {table} WHERE workspace_id = @id AND {filter} GROUP BY source ORDER BY source",
                new { id = workspace.Id });
            long total = 0;
            foreach (var row in rows)
            {
                total += row.Rows;
                sources.Add(new SourceCount(kind, row.Source, row.Rows));
                from = Earliest(from, Parse(row.First));
                to = Latest(to, Parse(row.Last));
            }

            counts[kind] = total;
        }

        // through ImportRuns, which reads by property: a run killed before it finished has no finished_at, and when it is
        // the newest, SQLite types that column as a blob and no constructor of ImportRunRow matches
        var imports = await ImportRuns.LatestAsync(workspace, lastImports);
        int version = await Migrator.CurrentVersionAsync(connection);
        return new WorkspaceStatus(workspace.Location.Display, version, counts, sources, from, to, [.. imports]);
    }

    private static DateTimeOffset? Parse(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value)
            ? value : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

public sealed record SourceCount(string Kind, string Source, long Rows);

public sealed record ImportRunRow(
    long Id, string Kind, string Source, string FileName, string StartedAt, string? FinishedAt, string Status,
    long RowsRead, long Imported, long Duplicates, long Rejected)
{
    /// <summary>The file's name without its folder: a command-line import records the path it was given, which says
    /// more about the server than a page should.</summary>
    public string Name => Path.GetFileName(FileName.Replace('\\', '/'));

    /// <summary>The command-line options the run read its file with (<see cref="Ingest.ImportRunInfo.Options"/>).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Why the run failed, when it did (and failed after migration 0020).</summary>
    public string? Error { get; init; }
}
