using System.CommandLine;
using Evident.Cli.Metrics;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Core.Reporting;
using Evident.Store;
using Evident.Store.Evidence;
using Evident.Store.Taxonomy;

namespace Evident.Cli.Report;

/// <summary><c>evident report</c> and <c>evident brief</c>: the evidence written as one self-contained HTML file.</summary>
public static class ReportCommand
{
    public static Command CreateReport() => Create(
        "report", "report.html",
        "Write the Customer-Centricity Evidence Report: one self-contained HTML file (charts inline, opens offline, prints well) with the "
        + "summary, scorecard, themes and drivers, friction, say vs do, employees, rhetoric vs reality and verbatims.",
        (evidence, name, now) => EvidenceReport.Render(evidence, name, now),
        printPains: false);

    public static Command CreateBrief() => Create(
        "brief", "brief.html",
        "Write the one-page voice-of-the-customer brief for a planning meeting: the five biggest pains, each with its size, trend and three verbatims.",
        (evidence, name, now) => Brief.Html(evidence, name, now),
        printPains: true);

    private static Command Create(string name, string defaultFile, string description, Func<EvidenceSet, string, DateTimeOffset, string> render, bool printPains)
    {
        var output = new Option<string>("--out", "-o") { Description = "Where to write the HTML.", DefaultValueFactory = _ => defaultFile, HelpName = "FILE" };
        var period = new Option<string>("--period") { Description = "The period of trends: day, week or month.", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, ["day", "week", "month"]);
        var options = EvidenceOptions.Create();
        var db = DbOption.Create();
        var command = new Command(name, description) { output, period, options.MinResponses, options.Anonymity, db };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var location = StoreLocation.Resolve(parse.GetValue(db));
                string file = await WriteAsync(location, parse.GetRequiredValue(output), options.Parse(parse), Period.Parse(parse.GetRequiredValue(period)), render,
                    printPains ? evidence => stdout.Write(Brief.Text(evidence)) : null, CliWorkspace.Notice(stderr), cancellation);
                stdout.WriteLine($"wrote {file}");
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is StoreException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    /// <summary>Gathers the evidence and writes the page, whole or not at all (a temporary file renamed into place).</summary>
    public static async Task<string> WriteAsync(
        StoreLocation location, string output, MetricOptions options, PeriodKind period, Func<EvidenceSet, string, DateTimeOffset, string> render,
        Action<EvidenceSet>? alsoShow, Action<string>? notice, CancellationToken cancellation)
    {
        if (OutputFile.Problem(output, "report.html") is { } problem)
        {
            throw new IOException(problem);
        }

        await using var workspace = await Workspace.OpenAsync(location, create: false, notice, cancellation);
        var evidence = await EvidenceGatherer.GatherAsync(workspace, options, period, await WorkspaceAnalyzer.LoadAsync(workspace, cancellation), cancellation: cancellation);
        alsoShow?.Invoke(evidence);
        string html = render(evidence, workspace.Location.Display, DateTimeOffset.UtcNow);
        OutputFile.WriteWhole(output, page => page.Write(html));
        return Path.GetFullPath(output);
    }
}
