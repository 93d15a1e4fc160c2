using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Evident.Text;
using Evident.Text.Themes;

namespace Evident.Store.Taxonomy;

/// <summary>
/// A theme the workspace holds: one of its own, or its change to a shipped theme (phrases added; a name or description
/// that replaces the shipped one, null to keep it).
/// </summary>
public sealed record WorkspaceTheme(string Id, string? Name, string? Description, IReadOnlyList<string> Phrases, DateTimeOffset UpdatedAt, string? UpdatedBy)
{
    /// <summary>Phrases inside which the theme's phrases do not count (<see cref="ThemeEdit.Except"/>).</summary>
    public IReadOnlyList<string> Except { get; init; } = [];
}

/// <summary>The workspace's themes and the taxonomy version they make (bumped at every change; 0 before any).</summary>
public sealed record WorkspaceThemes(long Version, IReadOnlyList<WorkspaceTheme> Themes)
{
    /// <summary>The themes as a taxonomy to merge into the shipped one (<see cref="ThemeTaxonomy.Extend"/>); null when there are none.</summary>
    public ThemeTaxonomy? Extension => Themes.Count == 0
        ? null
        // An unstated name is the id and an unstated description empty: Extend then keeps the shipped ones.
        : ThemeTaxonomy.Of(Themes.Select(t => new Theme(t.Id, t.Name ?? t.Id, t.Description ?? "", t.Phrases) { Except = t.Except }));

    /// <summary>What the themes say, hashed: two workspaces with the same themes share one analyser.</summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder();
            foreach (var theme in Themes)
            {
                text.Append(theme.Id).Append('\u0001').Append(theme.Name).Append('\u0001').Append(theme.Description).Append('\u0001');
                text.AppendJoin('\u0002', theme.Phrases).Append('\u0003');
                if (theme.Except.Count > 0) // appended only when there are some, so that a theme without keeps its fingerprint
                {
                    text.Append('\u0004').AppendJoin('\u0002', theme.Except).Append('\u0003');
                }
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}

/// <summary>The outcome of saving a theme: the problems that stopped it (none when saved), and the taxonomy version after.</summary>
public sealed record ThemeSave(ThemeEdit Edit, IReadOnlyList<ThemeProblem> Problems, long Version)
{
    public bool Saved => Problems.Count == 0;
}

/// <summary>
/// The workspace's own themes (table <c>workspace_theme</c>) and the taxonomy version (<c>workspace_setting</c>
/// <see cref="VersionSetting"/>): read, saved after <see cref="ThemeEdit.Check">checking</see>, removed. Saving does not
/// touch the stored analysis; <see cref="ThemeReanalysis"/> brings it to the new taxonomy.
/// </summary>
public sealed class WorkspaceTaxonomy(Workspace workspace)
{
    public const string VersionSetting = "taxonomy_version";

    /// <summary>The taxonomy every workspace starts from (the engine's embedded <c>themes.json</c>).</summary>
    public static ThemeTaxonomy Shipped => TextAnalyzer.Default.Lexicons.Taxonomy;

    public async Task<WorkspaceThemes> LoadAsync(CancellationToken cancellation = default)
    {
        long version = await VersionAsync(cancellation);
        var rows = await workspace.Connection.QueryAsync<(string Id, string? Name, string? Description, string Phrases, object UpdatedAt, string? UpdatedBy, string? Except)>(new CommandDefinition(
            "SELECT theme_id, name, description, phrases, updated_at, updated_by, exceptions FROM workspace_theme WHERE workspace_id = @workspaceId",
            new { workspaceId = workspace.Id }, cancellationToken: cancellation));
        // Ordered here, not by the database's collation: the order is part of the analyser's fingerprint.
        return new WorkspaceThemes(version, [.. rows.Select(r => new WorkspaceTheme(
            r.Id, r.Name, r.Description, JsonSerializer.Deserialize<string[]>(r.Phrases) ?? [], StoreTime.Read(r.UpdatedAt)!.Value, r.UpdatedBy)
        {
            Except = r.Except is null ? [] : JsonSerializer.Deserialize<string[]>(r.Except) ?? [],
        })
            .OrderBy(t => t.Id, StringComparer.Ordinal)]);
    }

    /// <summary>The taxonomy version: 0 until the first change, then one more at every change.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellation = default) =>
        long.TryParse(await workspace.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM workspace_setting WHERE workspace_id = @workspaceId AND name = @name",
            new { workspaceId = workspace.Id, name = VersionSetting }, cancellationToken: cancellation)), NumberStyles.Integer, CultureInfo.InvariantCulture, out long version)
            ? version : 0;

    /// <summary>
    /// Checks <paramref name="edit"/> and, when it has no problem, stores it as the workspace's version of that theme
    /// (replacing the previous one whole) and bumps the taxonomy version. The merged taxonomy is also built once, so
    /// that nothing is saved that the engine would not load.
    /// </summary>
    public async Task<ThemeSave> SaveAsync(ThemeEdit edit, string? by, CancellationToken cancellation = default)
    {
        var (checkedEdit, problems) = edit.Check(Shipped);
        if (problems.Count > 0)
        {
            return new ThemeSave(checkedEdit, problems, await VersionAsync(cancellation));
        }

        var current = await LoadAsync(cancellation);
        var theme = new WorkspaceTheme(checkedEdit.Id, checkedEdit.Name, checkedEdit.Description, checkedEdit.Phrases, DateTimeOffset.UtcNow, by)
        {
            Except = checkedEdit.Except,
        };
        var next = new WorkspaceThemes(current.Version + 1, [.. current.Themes.Where(t => t.Id != theme.Id).Append(theme).OrderBy(t => t.Id, StringComparer.Ordinal)]);
        if (await Task.Run(() => WorkspaceAnalyzer.TryBuild(next), cancellation) is string buildProblem)
        {
            return new ThemeSave(checkedEdit, [new ThemeProblem("phrases", buildProblem)], current.Version);
        }

        await using var transaction = await workspace.Connection.BeginTransactionAsync(cancellation);
        await workspace.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workspace_theme (workspace_id, theme_id, name, description, phrases, exceptions, updated_at, updated_by)
            VALUES (@workspaceId, @id, @name, @description, @phrases, @exceptions, @now, @by)
            ON CONFLICT (workspace_id, theme_id) DO UPDATE SET name = excluded.name, description = excluded.description,
                phrases = excluded.phrases, exceptions = excluded.exceptions, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            new
            {
                workspaceId = workspace.Id, id = theme.Id, name = theme.Name, description = theme.Description,
                phrases = JsonSerializer.Serialize(theme.Phrases), exceptions = theme.Except.Count == 0 ? null : JsonSerializer.Serialize(theme.Except),
                now = StoreTime.Now(workspace.Dialect), by,
            }, transaction, cancellationToken: cancellation));
        long version = await BumpVersionAsync(transaction, cancellation);
        await transaction.CommitAsync(cancellation);
        return new ThemeSave(checkedEdit, [], version);
    }

    /// <summary>Removes the workspace's theme (or its change to a shipped theme); false when it has none of that id.</summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellation = default)
    {
        await using var transaction = await workspace.Connection.BeginTransactionAsync(cancellation);
        int removed = await workspace.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workspace_theme WHERE workspace_id = @workspaceId AND theme_id = @id",
            new { workspaceId = workspace.Id, id }, transaction, cancellationToken: cancellation));
        if (removed == 0)
        {
            return false;
        }

        await BumpVersionAsync(transaction, cancellation);
        await transaction.CommitAsync(cancellation);
        return true;
    }

    /// <summary>Customer comments per theme as the rollup counts them (the stored analysis, not the taxonomy).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CommentsPerThemeAsync(CancellationToken cancellation = default)
    {
        var rows = await workspace.Connection.QueryAsync<(string Theme, long Comments)>(new CommandDefinition(
            """
            SELECT theme, CAST(sum(n) AS bigint) FROM feedback_rollup
            WHERE workspace_id = @workspaceId AND subject = 'customer' AND theme <> '' AND theme NOT LIKE 'friction:%'
            GROUP BY theme
            """,
            new { workspaceId = workspace.Id }, cancellationToken: cancellation));
        return rows.ToDictionary(r => r.Theme, r => r.Comments, StringComparer.Ordinal);
    }

    private async Task<long> BumpVersionAsync(System.Data.Common.DbTransaction transaction, CancellationToken cancellation)
    {
        string value = await workspace.Connection.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            INSERT INTO workspace_setting (workspace_id, name, value) VALUES (@workspaceId, @name, '1')
            ON CONFLICT (workspace_id, name) DO UPDATE SET value = CAST(CAST(workspace_setting.value AS bigint) + 1 AS text)
            RETURNING value
            """,
            new { workspaceId = workspace.Id, name = VersionSetting }, transaction, cancellationToken: cancellation)) ?? "0";
        return long.Parse(value, CultureInfo.InvariantCulture);
    }
}
