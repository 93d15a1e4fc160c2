using Evident.Store.Status;

namespace Evident.Web.Imports;

/// <summary>
/// Where a run stands, as its page and <c>/imports/{id}/status</c> show it: the live totals while this server runs
/// it, else its row in <c>import_run</c> (final once it ended; moving at each commit while another server runs it).
/// <paramref name="Step"/> says what a live run does once every row is written and it still works (PostgreSQL
/// builds the indexes it set aside: about 11 s over a million comments, with the bar full); null otherwise.
/// </summary>
public sealed record ImportState(
    long Id, string Status, long RowsRead, long Imported, long Duplicates, long Rejected, long? BytesRead, long? TotalBytes, bool Live, string? Error,
    string? Step = null)
{
    /// <param name="live">Whether <paramref name="job"/> was still running before <paramref name="run"/> was read: a run
    /// that ended since has its final counts in both, and one that ended before has them only in the row.</param>
    public static ImportState Of(ImportRunRow run, ImportJob? job, bool live)
    {
        if (job is not null && live)
        {
            var totals = job.Totals;
            return new ImportState(run.Id, "running", totals.RowsRead, totals.Imported, totals.Duplicates, totals.Rejected,
                totals.BytesRead, job.TotalBytes, true, null, job.FinishingWork is { } work ? work + " …" : null);
        }

        // An ended run's bar is full; one still 'running' that this server does not run has no known position.
        long? done = run.Status == "running" ? null : 1;
        return new ImportState(run.Id, run.Status, run.RowsRead, run.Imported, run.Duplicates, run.Rejected, done, done, false, job?.Error ?? run.Error);
    }

    /// <summary>A time from <c>import_run</c> as the pages show it: "2025-03-01 09:00 UTC".</summary>
    public static string When(string? stored) =>
        stored is null ? "—" : Store.StoreTime.Parse(stored).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
