using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Store.Status;
using Evident.Web.Data;
using Evident.Web.Imports;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages.Imports;

/// <summary>
/// Imports: upload a file, check how its columns map and how its first rows read, change the mapping, start the
/// import (which runs in the background), and see the latest runs. The file is read by the same code as
/// <c>evident import</c>, so it imports the same way from both.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
[RequestSizeLimit(ImportUploads.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUploads.MaxBytes)]
public sealed class ImportsModel(WorkspaceSource workspaces, ImportUploads uploads, ImportRunner runner) : PageModel
{
    private const int RecentRuns = 20;

    public IReadOnlyList<ImportRunRow> Recent { get; private set; } = [];

    public ImportPreview? Preview { get; private set; }

    public string? Error { get; private set; }

    public string Kind { get; private set; } = RecordKinds.Names[0];

    public string? Source { get; private set; }

    public long? RunningId => runner.RunningId;

    public Task OnGetAsync(CancellationToken cancellation) => LoadRecentAsync(cancellation);

    /// <summary>The upload: stored under a name of the server's choosing, then previewed.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? kind, string? source, CancellationToken cancellation)
    {
        (Kind, Source) = (kind ?? Kind, source);
        if (file is null || file.Length == 0)
        {
            return await FailAsync("choose a file to upload (CSV, TSV, JSON array or JSON Lines in UTF-8, or an Excel workbook)", cancellation);
        }

        if (!ImportForm.TryRead(null, file.FileName, kind, source, null, out var form, out string? problem))
        {
            return await FailAsync(problem, cancellation);
        }

        string uploadId;
        await using (var content = file.OpenReadStream())
        {
            uploadId = await uploads.SaveAsync(content, form.Name, cancellation);
        }

        return await ShowPreviewAsync(form with { UploadId = uploadId }, deleteWhenUnreadable: true, cancellation);
    }

    /// <summary>The preview again, with the mapping chosen on the page.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(
        string? upload, string? name, string? kind, string? source, string?[]? mapping, string? dates, CancellationToken cancellation)
    {
        (Kind, Source) = (kind ?? Kind, source);
        if (!ImportForm.TryRead(upload, name, kind, source, mapping, out var form, out string? problem, dates))
        {
            return await FailAsync(problem, cancellation);
        }

        return await ShowPreviewAsync(form, deleteWhenUnreadable: false, cancellation);
    }

    /// <summary>Starts the import with the mapping chosen, and goes to its page.</summary>
    public async Task<IActionResult> OnPostStartAsync(
        string? upload, string? name, string? kind, string? source, string?[]? mapping, string? dates, CancellationToken cancellation)
    {
        (Kind, Source) = (kind ?? Kind, source);
        if (!ImportForm.TryRead(upload, name, kind, source, mapping, out var form, out string? problem, dates))
        {
            return await FailAsync(problem, cancellation);
        }

        var file = Open(ref form, out problem, out string? mappingProblem);
        if (file is null)
        {
            return await FailAsync(problem!, cancellation);
        }

        if (mappingProblem is not null || file.Problem is not null)
        {
            return await PreviewAsync(file, form, mappingProblem ?? "the mapping is not complete: see above", StatusCodes.Status400BadRequest, cancellation);
        }

        var start = await runner.StartAsync(file, form.UploadId);
        if (start.RunId is long id)
        {
            return Redirect($"/imports/{id}");
        }

        // The runner let go of the file; read it again to show the preview with why the import did not start.
        file = Open(ref form, out problem, out _);
        return file is null
            ? await FailAsync(problem!, cancellation)
            : await PreviewAsync(file, form, start.Problem, StatusCodes.Status409Conflict, cancellation);
    }

    private async Task<IActionResult> ShowPreviewAsync(ImportForm form, bool deleteWhenUnreadable, CancellationToken cancellation)
    {
        var file = Open(ref form, out string? problem, out string? mappingProblem);
        if (file is null)
        {
            if (deleteWhenUnreadable)
            {
                uploads.Delete(form.UploadId);
            }

            return await FailAsync(problem!, cancellation);
        }

        return await PreviewAsync(file, form, mappingProblem, mappingProblem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, cancellation);
    }

    private async Task<IActionResult> PreviewAsync(ImportFile file, ImportForm form, string? error, int status, CancellationToken cancellation)
    {
        using (file)
        {
            Preview = ImportPreview.Of(file, form);
        }

        Error = error;
        Response.StatusCode = status;
        await LoadRecentAsync(cancellation);
        return Page();
    }

    /// <summary>
    /// Opens the upload as <c>evident import</c> would open the file with these options; null with the problem when it
    /// cannot be read at all (or the form names no upload of ours). A mapping the page cannot turn into <c>--map</c>
    /// pairs (two columns for one field) comes back as <paramref name="mappingProblem"/>, with the file opened by the
    /// automatic mapping so that the user can choose again.
    /// </summary>
    private ImportFile? Open(ref ImportForm form, out string? problem, out string? mappingProblem)
    {
        mappingProblem = null;
        if (!uploads.TryResolve(form.UploadId, out string? path))
        {
            problem = "this upload is not on the server (any more): upload the file again";
            return null;
        }

        if (!form.TryRequest(path, HeaderOf(path), out var request, out mappingProblem))
        {
            form = form with { Mapping = [] };
            form.TryRequest(path, null, out request, out _);
        }

        return ImportFile.TryOpen(request!, out var file, out problem) ? file : null;
    }

    /// <summary>The column names, to turn the page's per-column choices into <c>--map</c> pairs.</summary>
    private static IReadOnlyList<string>? HeaderOf(string path)
    {
        if (!InputFile.TryOpen(path, InputFormat.Auto, out var reader, out _))
        {
            return null;
        }

        using (reader)
        {
            return reader.Columns;
        }
    }

    private async Task<IActionResult> FailAsync(string problem, CancellationToken cancellation)
    {
        Error = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadRecentAsync(cancellation);
        return Page();
    }

    private async Task LoadRecentAsync(CancellationToken cancellation)
    {
        await using var workspace = await workspaces.OpenAsync(cancellation);
        Recent = await ImportRuns.LatestAsync(workspace, RecentRuns, cancellation);
    }
}
