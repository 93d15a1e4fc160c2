using Evident.Store;
using Evident.Store.Taxonomy;
using Evident.Text.Themes;
using Evident.Web.Data;
using Evident.Web.Security;
using Evident.Web.Taxonomy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages.Settings;

/// <summary>One theme as the taxonomy page lists it: shipped, shipped and changed here, or the workspace's own.</summary>
/// <param name="Comments">Customer comments that carry it, as stored (before a re-analysis, as the last one left them).</param>
/// <param name="Exceptions">Exceptions the theme has: shipped and the workspace's.</param>
public sealed record TaxonomyRow(string Id, string Name, string Description, int ShippedPhrases, int AddedPhrases, int Exceptions, long Comments, bool Shipped, bool Changed);

/// <summary>What the add/edit form holds: what was typed, shown again with the problems when it is not saved.</summary>
public sealed record ThemeFormValues(string Id, string Name, string Description, string Phrases, string Except, bool Editing);

/// <summary>
/// The theme taxonomy (admin, analyst): every theme with its phrases and comments, a form to add a theme or change one,
/// and the re-analysis each change starts, followed by assets/progress.js through <c>/settings/taxonomy/status</c>.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class TaxonomyModel(WorkspaceSource workspaces, EvidenceService evidence, ReanalysisRunner runner, ILogger<TaxonomyModel> logger) : PageModel
{
    public IReadOnlyList<TaxonomyRow> Themes { get; private set; } = [];

    public ThemeFormValues Form { get; private set; } = new("", "", "", "", "", false);

    /// <summary>The shipped theme the form changes, whose phrases are kept whatever the form says; null for a new theme.</summary>
    public Theme? ShippedTheme { get; private set; }

    public IReadOnlyList<ThemeProblem> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public TaxonomyStatus Status { get; private set; } = null!;

    public IEnumerable<string> ProblemsOf(string field) => Problems.Where(p => p.Field == field).Select(p => p.Message);

    public async Task<IActionResult> OnGetAsync(string? edit, string? saved, string? removed, CancellationToken cancellation)
    {
        var themes = await LoadAsync(cancellation);
        if (edit is not null)
        {
            var own = themes.Themes.FirstOrDefault(t => t.Id == edit);
            ShippedTheme = WorkspaceTaxonomy.Shipped.Find(edit);
            if (own is null && ShippedTheme is null)
            {
                return NotFound();
            }

            Form = new ThemeFormValues(edit, own?.Name ?? "", own?.Description ?? "", string.Join('\n', own?.Phrases ?? []), string.Join('\n', own?.Except ?? []), Editing: true);
        }

        // Only ids this page could have saved are echoed back.
        if (saved is not null && themes.Themes.Any(t => t.Id == saved))
        {
            Message = $"Saved {saved}. The stored comments are being analysed again with it.";
        }
        else if (removed is not null && Themes.All(t => t.Id != removed || t.Shipped) && removed.Length <= ThemeEdit.MaxIdLength && removed.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Message = $"Removed the workspace's {removed}. The stored comments are being analysed again without it.";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? id, string? name, string? description, string? phrases, string? except, bool editing, CancellationToken cancellation)
    {
        var edit = new ThemeEdit(id ?? "", name, description, (phrases ?? "").Split('\n')) { Except = (except ?? "").Split('\n') };
        ThemeSave save;
        await using (var workspace = await workspaces.OpenAsync(cancellation))
        {
            save = await new WorkspaceTaxonomy(workspace).SaveAsync(edit, User.Identity?.Name, cancellation);
        }

        if (!save.Saved)
        {
            Problems = save.Problems;
            Form = new ThemeFormValues(id ?? "", name ?? "", description ?? "", phrases ?? "", except ?? "", editing);
            ShippedTheme = WorkspaceTaxonomy.Shipped.Find(save.Edit.Id);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellation);
            return Page();
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("taxonomy changed by {User}: theme {Theme} saved ({Phrases} phrases, {Exceptions} exceptions), version {Version}",
                User.Identity?.Name, save.Edit.Id, save.Edit.Phrases.Count, save.Edit.Except.Count, save.Version);
        }

        Changed();
        return Redirect($"/settings/taxonomy?saved={Uri.EscapeDataString(save.Edit.Id)}#reanalysis");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id, CancellationToken cancellation)
    {
        bool removed;
        await using (var workspace = await workspaces.OpenAsync(cancellation))
        {
            removed = id is not null && await new WorkspaceTaxonomy(workspace).RemoveAsync(id, cancellation);
        }

        if (!removed)
        {
            Error = "the workspace has no theme (or change to a shipped theme) of that id";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellation);
            return Page();
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("taxonomy changed by {User}: theme {Theme} removed", User.Identity?.Name, id);
        }

        Changed();
        return Redirect($"/settings/taxonomy?removed={Uri.EscapeDataString(id!)}#reanalysis");
    }

    /// <summary>Re-analyses on request: after a run was interrupted or failed, or the taxonomy was changed with <c>evident themes</c>.</summary>
    public IActionResult OnPostReanalyse()
    {
        runner.Start(User.Identity?.Name);
        return Redirect("/settings/taxonomy#reanalysis");
    }

    /// <summary>Where the re-analysis stands, as JSON, for the page to follow it without reloading.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellation)
    {
        await using var workspace = await workspaces.OpenAsync(cancellation);
        return new JsonResult(await StatusAsync(workspace, cancellation));
    }

    private void Changed()
    {
        evidence.Invalidate(); // imports, the API and Voices' marks use the new taxonomy from now on
        runner.Start(User.Identity?.Name);
    }

    private async Task<TaxonomyStatus> StatusAsync(Workspace workspace, CancellationToken cancellation)
    {
        // Whether a run is going on is read first: one that ends meanwhile has its final state in the row read after.
        bool running = runner.IsRunning;
        string? error = runner.Error;
        long version = await new WorkspaceTaxonomy(workspace).VersionAsync(cancellation);
        return TaxonomyStatus.Of(version, await ThemeReanalysis.ReadStateAsync(workspace, cancellation), running, error);
    }

    private async Task<WorkspaceThemes> LoadAsync(CancellationToken cancellation)
    {
        await using var workspace = await workspaces.OpenAsync(cancellation);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        var themes = await taxonomy.LoadAsync(cancellation);
        var comments = await taxonomy.CommentsPerThemeAsync(cancellation);
        Status = await StatusAsync(workspace, cancellation);

        var rows = new List<TaxonomyRow>();
        var own = themes.Themes.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var shipped in WorkspaceTaxonomy.Shipped.Themes)
        {
            var change = own.GetValueOrDefault(shipped.Id);
            rows.Add(new TaxonomyRow(shipped.Id, change?.Name ?? shipped.Name, change?.Description ?? shipped.Description,
                shipped.Phrases.Count, change?.Phrases.Count ?? 0, shipped.Except.Count + (change?.Except.Count ?? 0), comments.GetValueOrDefault(shipped.Id),
                Shipped: true, Changed: change is not null));
        }

        foreach (var theme in themes.Themes.Where(t => WorkspaceTaxonomy.Shipped.Find(t.Id) is null))
        {
            rows.Add(new TaxonomyRow(theme.Id, theme.Name ?? theme.Id, theme.Description ?? "", 0, theme.Phrases.Count, theme.Except.Count,
                comments.GetValueOrDefault(theme.Id), Shipped: false, Changed: true));
        }

        Themes = [.. rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
        return themes;
    }
}
