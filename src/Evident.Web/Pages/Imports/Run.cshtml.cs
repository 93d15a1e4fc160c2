using Evident.Core.Ingest;
using Evident.Store.Status;
using Evident.Web.Data;
using Evident.Web.Imports;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages.Imports;

/// <summary>
/// One import run: its progress while it runs (assets/progress.js asks <c>/imports/{id}/status</c> every second; a
/// reload shows the same), then its counts and the rows it rejected, with the rejects file to download.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class ImportRunModel(WorkspaceSource workspaces, ImportRunner runner, ImportUploads uploads) : PageModel
{
    public ImportRunRow Run { get; private set; } = null!;

    public ImportState State { get; private set; } = null!;

    public IReadOnlyList<RowReject> Rejects { get; private set; } = [];

    /// <summary>Whether this server holds the run's rejects (runs made with <c>evident import</c> keep them beside their file).</summary>
    public bool HasRejectsFile { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (State.Status != "running")
        {
            string path = uploads.RejectsPath(id);
            HasRejectsFile = System.IO.File.Exists(path);
            Rejects = RejectsTable.Read(path);
        }

        return Page();
    }

    /// <summary>Where the run stands, as JSON, for the page to follow it without reloading.</summary>
    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? new JsonResult(State) : NotFound();

    /// <summary>The run's rejects file: line, column, reason.</summary>
    public async Task<IActionResult> OnGetRejectsAsync(long id, CancellationToken cancellation)
    {
        string path = uploads.RejectsPath(id);
        if (!await LoadAsync(id, cancellation) || State.Status == "running" || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        return PhysicalFile(path, "text/csv; charset=utf-8", Run.Name + ".rejects.csv");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellation)
    {
        // The job is looked at before the row is read: see ImportState.Of.
        var job = runner.Find(id);
        bool live = job is { Finished: false };
        ImportRunRow? run;
        await using (var workspace = await workspaces.OpenAsync(cancellation))
        {
            run = await ImportRuns.FindAsync(workspace, id, cancellation);
        }

        if (run is null)
        {
            return false;
        }

        Run = run;
        State = ImportState.Of(run, job, live);
        return true;
    }
}
