using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Evident.Bench.Import;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Core.Reporting;
using Evident.Store;
using Evident.Store.Evidence;
using Evident.Store.Status;
using Evident.Text;
using Spectre.Console;

namespace Evident.Cli.Bench;

/// <summary>One query's latencies in milliseconds.</summary>
public sealed record QueryMeasurement(string Query, int Runs, double P50Ms, double P95Ms, double MaxMs);

/// <summary>
/// Times each evidence query as the dashboard and the report run it: read from the workspace and compute the figures,
/// one warm-up run, then <c>iterations</c> runs; the report is timed end to end (gather, render, write).
/// </summary>
internal sealed class BenchQueryRun(int rows, string? db, int iterations, bool json, InvocationConfiguration io)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellation)
    {
        var stderr = io.Error;
        string target = db ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"evident-bench-query-{rows}.db"));
        var location = StoreLocation.Resolve(target);
        if (location.Dialect == StoreDialect.Sqlite && !File.Exists(location.Target))
        {
            int built = await BuildAsync(location.Target, rows, io, cancellation);
            if (built != ExitCodes.Success)
            {
                return built;
            }
        }

        await using var workspace = await Workspace.OpenAsync(location, create: false, cancellation);
        var status = await WorkspaceStatus.ReadAsync(workspace);
        stderr.WriteLine($"measuring {location.Display}: {string.Join(", ", status.Counts.Select(c => $"{c.Value:N0} {c.Key}"))}");
        var reader = new EvidenceReader(workspace);
        var options = MetricOptions.Default;
        var analyzer = TextAnalyzer.Default;
        var results = new List<QueryMeasurement>
        {
            await TimeAsync("scorecard", async () => Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer"), await reader.ReadFeedbackSumsAsync("employee"), options, null, null)),
            await TimeAsync("scorecard by month", async () => Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", periods: PeriodKind.Month), await reader.ReadFeedbackSumsAsync("employee", periods: PeriodKind.Month), options, PeriodKind.Month, null)),
            await TimeAsync("scorecard by segment × week", async () => Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", "segment", periods: PeriodKind.Week), await reader.ReadFeedbackSumsAsync("employee", "segment", periods: PeriodKind.Week), options, PeriodKind.Week, "segment")),
            await TimeAsync("scorecard by channel", async () => Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", "channel"), await reader.ReadFeedbackSumsAsync("employee", "channel"), options, null, "channel")),
            await TimeAsync("scorecard by team (rows)", async () => Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", "team"), await reader.ReadFeedbackSumsAsync("employee", "team"), options, null, "team")),
            await TimeAsync("themes and drivers", async () => TopicEvidence.Build(await reader.ReadFeedbackSumsAsync("customer", "source", periods: PeriodKind.Month), await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Themes, PeriodKind.Month), options, PeriodKind.Month)),
            await TimeAsync("friction", async () => TopicEvidence.Build(await reader.ReadFeedbackSumsAsync("customer", "source", periods: PeriodKind.Month), await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Friction, PeriodKind.Month), options, PeriodKind.Month)),
            await TimeAsync("interactions read", async () => await reader.ReadInteractionsAsync()),
            await TimeAsync("operations (interactions)", async () => OperationsEvidence.Build(await reader.ReadInteractionsAsync(), options, PeriodKind.Month)),
            await TimeAsync("verbatims of a theme", async () => (await reader.ReadVerbatimsAsync("wait-time", negativeFirst: true, 3)).Select(r => analyzer.Analyze(r.Text ?? "")).ToList()),
        };
        string report = Path.Combine(Path.GetTempPath(), $"evident-bench-report-{Environment.ProcessId}.html");
        results.Add(await TimeAsync("whole report (written)", async () =>
        {
            var evidence = await EvidenceGatherer.GatherAsync(workspace, options, PeriodKind.Month, analyzer, cancellation: cancellation);
            await File.WriteAllTextAsync(report, EvidenceReport.Render(evidence, location.Display, DateTimeOffset.UtcNow), cancellation);
            return evidence;
        }, runs: Math.Min(iterations, 3)));
        File.Delete(report);

        if (json)
        {
            BenchConsole.WriteJson(io.Output, new { workspace = location.Display, counts = status.Counts, machine = MachineInfo.Current(), iterations, queries = results });
            return ExitCodes.Success;
        }

        io.Output.WriteLine(MachineInfo.Current().Describe());
        var table = new Table().AddColumns("query", "runs", "p50 ms", "p95 ms", "max ms");
        foreach (var r in results)
        {
            table.AddRow(r.Query, r.Runs.ToString(CultureInfo.InvariantCulture), Ms(r.P50Ms), Ms(r.P95Ms), Ms(r.MaxMs));
        }

        BenchConsole.WriteTable(io.Output, table);
        return ExitCodes.Success;
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private async Task<QueryMeasurement> TimeAsync<T>(string name, Func<Task<T>> query, int? runs = null)
    {
        await query(); // warm-up: first-use costs (statement preparation, JIT, lexicons) are not what a dashboard sees
        int count = runs ?? iterations;
        var times = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: p50 {Statistics.Percentile(times.ToArray(), 0.5):0.0} ms"));
        return new QueryMeasurement(name, count, Statistics.Percentile(times.ToArray(), 0.5), Statistics.Percentile(times.ToArray(), 0.95), times[^1]);
    }

    /// <summary>Builds the workspace from synthetic feedback with the real import (kept for the next run).</summary>
    internal static async Task<int> BuildAsync(string database, int rows, InvocationConfiguration io, CancellationToken cancellation)
    {
        string folder = Directory.CreateTempSubdirectory("evident-bench-query-").FullName;
        try
        {
            string file = Path.Combine(folder, "feedback.csv");
            io.Error.WriteLine($"building {database}: {rows:N0} synthetic feedback rows …");
            await using (var output = File.Create(file))
            {
                SyntheticFeedback.WriteCsv(output, rows);
            }

            var quiet = new InvocationConfiguration { Output = TextWriter.Null, Error = io.Error };
            return await Program.RunAsync(Program.CreateRootCommand(), ["import", file, "--kind", "feedback", "--source", "survey", "--db", database], quiet, cancellation);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
