using System.CommandLine;

namespace Evident.Cli.Bench;

/// <summary><c>evident bench web</c>: how long the web pages take on the server over a large workspace.</summary>
public static class BenchWebCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows")
        {
            Description = "Synthetic feedback rows in the workspace built for the run (ignored with --db; shared with `bench query`).",
            DefaultValueFactory = _ => 1_000_000,
        }.WholeNumber(value => value >= 1, "--rows must be at least 1.");
        var db = new Option<string?>("--db")
        {
            Description = "Measure this workspace instead (e.g. the demo's). A temporary admin is added for the run and removed after it.",
            HelpName = "PATH|CONNECTION",
        };
        var iterations = new Option<int>("--iterations") { Description = "Requests per page and state (computed, kept), after one warm-up.", DefaultValueFactory = _ => 10 }.WholeNumber(value => value >= 1, "--iterations must be at least 1.");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("web", "Measure each page of `evident serve` and the API over a workspace (a million feedback rows by default): "
            + "p50 and p95 when the page's evidence is computed afresh, and when it is kept from an earlier request.")
        {
            rows, db, iterations, json,
        };
        command.SetAction((parse, cancellation) => new BenchWebRun(
            parse.GetValue(rows), parse.GetValue(db), parse.GetValue(iterations), parse.GetValue(json),
            parse.InvocationConfiguration).ExecuteAsync(cancellation));
        return command;
    }
}
