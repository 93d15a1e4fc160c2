using System.Globalization;
using System.Text;
using Evident.Web.Data;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>
/// The comments Voices shows for the same address, as CSV: the same filters and the same team limit, newest first, at
/// most <see cref="VoicesModel.ExportLimit"/> rows, written as they are read.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class VoicesExportModel(EvidenceService evidence) : PageModel
{
    /// <summary>Excel reads a CSV as UTF-8 only when it starts with the byte-order mark; other tools skip it.</summary>
    private static readonly UTF8Encoding Utf8WithMark = new(encoderShouldEmitUTF8Identifier: true);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var filter = VoicesQuery.Parse(Request.Query).Filter(Roles.TeamLimit(User));
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition =
            $"attachment; filename=\"evident-voices-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(Response.Body, Utf8WithMark, bufferSize: 64 * 1024, leaveOpen: true);
        await VoicesCsv.WriteAsync(writer, evidence.StreamVoicesAsync(filter, VoicesModel.ExportLimit, cancellation), cancellation);
        return new EmptyResult();
    }
}
