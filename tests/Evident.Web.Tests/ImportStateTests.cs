using System.Text.Json;
using Evident.Store.Ingest;
using Evident.Store.Status;
using Evident.Web.Imports;

namespace Evident.Web.Tests;

/// <summary>
/// What the run page and <c>/imports/{id}/status</c> say once every row is written but the run still works (on
/// PostgreSQL it then builds the indexes it set aside, with the bar full): the pipeline's words reach the job through
/// <see cref="IImportProgress"/>, and only a live run shows them.
/// </summary>
public sealed class ImportStateTests
{
    private static readonly ImportRunRow Running = new(7, "feedback", "web", "comments.csv", "2026-12-02T09:00:00Z", null, "running", 1000, 1000, 0, 0);

    [Fact]
    public void A_live_run_says_what_it_does_after_its_last_batch()
    {
        var job = new ImportJob(7, 4096);
        IImportProgress progress = job; // as the pipeline calls it: not the interface's silent default
        progress.Report(new ImportTotals(1000, 1000, 0, 0, 4096));
        Assert.Null(ImportState.Of(Running, job, live: true).Step);

        progress.Finishing("building the 7 indexes set aside while loading empty tables");
        var state = ImportState.Of(Running, job, live: true);

        Assert.Equal("running", state.Status);
        Assert.Equal("building the 7 indexes set aside while loading empty tables …", state.Step);
        Assert.Equal(4096, state.BytesRead);
        // The page's script reads the field by this name.
        Assert.Equal(state.Step, JsonSerializer.SerializeToElement(state, JsonSerializerOptions.Web).GetProperty("step").GetString());
    }

    [Fact]
    public void An_ended_run_shows_its_row_and_no_step()
    {
        var job = new ImportJob(7, 4096);
        ((IImportProgress)job).Finishing("building the 7 indexes set aside while loading empty tables");
        job.Report(new ImportTotals(1000, 1000, 0, 0, 4096));

        var state = ImportState.Of(Running with { Status = "completed", FinishedAt = "2026-12-02T09:01:00Z" }, job, live: false);

        Assert.Equal("completed", state.Status);
        Assert.Null(state.Step);
    }

    [Fact]
    public void A_failed_run_this_server_no_longer_holds_says_why_from_its_row()
    {
        var failed = Running with { Status = "failed", Error = "comments.csv: 3 of its first 4 rows are stored already, with the same values, under source \"survey\"" };

        var state = ImportState.Of(failed, job: null, live: false);

        Assert.Equal(("failed", failed.Error), (state.Status, state.Error));
    }
}
