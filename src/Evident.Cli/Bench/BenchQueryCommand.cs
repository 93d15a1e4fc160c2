using System.CommandLine;

namespace Evident.Cli.Bench;

/// <summary><c>evident bench query</c>: the latency of every evidence query, and of the whole report, over a large workspace.</summary>
public static class BenchQueryCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows")
        {
            Description = "Synthetic feedback rows in the workspace built for the run (ignored with --db).",
            DefaultValueFactory = _ => 1_000_000,
        }.WholeNumber(value => value >= 1, "--rows must be at least 1.");
        var db = new Option<string?>("--db")
        {
            Description = "Measure this workspace instead (e.g. the demo's); when it does not exist it is built here from synthetic feedback and kept.",
            HelpName = "PATH|CONNECTION",
        };
        var iterations = new Option<int>("--iterations") { Description = "Runs of each query after one warm-up run.", DefaultValueFactory = _ => 20 }.WholeNumber(value => value >= 1, "--iterations must be at least 1.");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("query", "Measure the evidence queries (scorecard, themes and drivers, friction, operations, verbatims) "
            + "and the whole report over a workspace of a million feedback rows: p50 and p95 of each.")
        {
            rows, db, iterations, json,
        };
        command.SetAction((parse, cancellation) => new BenchQueryRun(
            parse.GetValue(rows), parse.GetValue(db), parse.GetValue(iterations), parse.GetValue(json),
            parse.InvocationConfiguration).ExecuteAsync(cancellation));
        return command;
    }
}
