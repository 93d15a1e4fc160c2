using Evident.Store.Taxonomy;

namespace Evident.Web.Taxonomy;

/// <summary>
/// Whether the stored themes match the taxonomy, as the taxonomy page and <c>/settings/taxonomy/status</c> show it.
/// </summary>
/// <param name="Status">
/// <c>current</c> (the stored themes are the taxonomy's), <c>running</c>, <c>completed</c> (the last run brought them to
/// the taxonomy), <c>needed</c> (the taxonomy changed since), <c>interrupted</c> (a run stopped before its end: running
/// it again continues it) or <c>failed</c>.
/// </param>
/// <param name="Analysed">Comments analysed by the run going on, or by the last run.</param>
/// <param name="Total">Comments with text when that run began.</param>
public sealed record TaxonomyStatus(
    string Status, long TaxonomyVersion, long? RunVersion, long Analysed, long Total, long? RowsBefore, long? RowsAfter, string? FinishedAt, string? Error)
{
    public static TaxonomyStatus Of(long taxonomyVersion, ReanalysisState? state, bool running, string? error)
    {
        string status = running ? "running"
            : error is not null ? "failed"
            : state is null ? (taxonomyVersion == 0 ? "current" : "needed")
            : state.IsRunning ? "interrupted"
            : state.TaxonomyVersion == taxonomyVersion ? "completed"
            : "needed";
        return new TaxonomyStatus(
            status, taxonomyVersion, state?.TaxonomyVersion, state?.Analysed ?? 0, state?.Total ?? 0, state?.RowsBefore, state?.RowsAfter,
            state?.FinishedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture), error);
    }
}
