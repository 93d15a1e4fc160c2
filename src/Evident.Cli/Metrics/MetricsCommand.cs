using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Evidence;
using Spectre.Console;

namespace Evident.Cli.Metrics;

/// <summary><c>evident metrics</c>: the scorecard with intervals, by group and period, in the terminal or as JSON.</summary>
public static class MetricsCommand
{
    public static Command Create()
    {
        var by = new Option<string?>("--by")
        {
            Description = "Split the scorecard by source, segment or channel (from the rollups), or by team or region (summed from the rows).",
            HelpName = "FIELD",
        };
        by.AcceptOnlyFromAmong([.. EvidenceReader.RollupGroups, .. EvidenceReader.RowGroups]);
        var period = new Option<string?>("--period") { Description = "Also show each day, week or month, with its change from the one before." };
        period.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, ["day", "week", "month"]);
        var format = new Option<string>("--format") { Description = "table (for people) or json (for scripts).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, ["table", "json"]);
        var options = EvidenceOptions.Create();
        var db = DbOption.Create();
        var command = new Command("metrics", "The scorecard: NPS, CSAT, CES, eNPS, rating and sentiment with 95 % intervals and n, response and "
            + "resolution times; by group and period, differences flagged only when significant.")
        {
            by, period, format, options.MinResponses, options.Anonymity, db,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var metricOptions = options.Parse(parse);
                await using var workspace = await CliWorkspace.OpenAsync(StoreLocation.Resolve(parse.GetValue(db)), create: false, stderr, cancellation);
                string? groupBy = parse.GetValue(by);
                PeriodKind? periodKind = parse.GetValue(period) is { } p ? Period.Parse(p) : null;
                var reader = new EvidenceReader(workspace);
                if (groupBy is not null && EvidenceReader.RowGroups.Contains(groupBy))
                {
                    stderr.WriteLine($"note: {groupBy} is not kept in the rollups, so every feedback row is read (seconds on a million rows); "
                        + $"--by {string.Join(" or ", EvidenceReader.RollupGroups)} read the rollups");
                }

                var scorecard = Scorecard.Build(
                    await reader.ReadFeedbackSumsAsync("customer", groupBy, cancellation: cancellation),
                    await reader.ReadFeedbackSumsAsync("employee", groupBy, cancellation: cancellation),
                    metricOptions, periodKind, groupBy);
                var interactions = await reader.ReadInteractionsAsync(cancellation);
                var repeats = InteractionStats.Repeats(interactions);
                var overall = interactions.Count > 0 ? InteractionStats.Of("", interactions, repeats, metricOptions.MinResponses) : null;
                var byGroup = GroupInteractions(interactions, groupBy, repeats, metricOptions.MinResponses);
                if (string.Equals(parse.GetValue(format), "json", StringComparison.OrdinalIgnoreCase))
                {
                    stdout.WriteLine(Json(scorecard, overall, byGroup).ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
                }
                else
                {
                    Table(CliConsole.Create(stdout), scorecard, overall, byGroup);
                }

                return ExitCodes.Success;
            }
            catch (StoreException exception)
            {
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
            catch (ArgumentException exception)
            {
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    /// <summary>Interactions split the same way as the feedback, where interactions have the field (channel, team).</summary>
    private static Dictionary<string, InteractionStats> GroupInteractions(
        IReadOnlyList<InteractionFact> interactions, string? by, HashSet<InteractionFact> repeats, int minimum)
    {
        Func<InteractionFact, string?>? key = by switch
        {
            "channel" => i => i.Channel,
            "team" => i => i.Team,
            _ => null,
        };
        return key is null
            ? []
            : interactions.GroupBy(i => key(i) ?? "").ToDictionary(g => g.Key, g => InteractionStats.Of(g.Key, [.. g], repeats, minimum), StringComparer.Ordinal);
    }

    private static JsonObject Json(Scorecard scorecard, InteractionStats? overall, Dictionary<string, InteractionStats> byGroup)
    {
        var json = new JsonObject();
        EvidenceJson.AddScores(json, scorecard.Overall);
        EvidenceJson.AddOperations(json, overall);
        if (scorecard.Periods.Count > 0)
        {
            json["periods"] = Periods(scorecard.Periods);
        }

        if (scorecard.GroupedBy is { } groupedBy)
        {
            json["by"] = groupedBy;
            var groups = new JsonArray();
            foreach (var group in scorecard.Groups)
            {
                var item = new JsonObject { ["group"] = group.Group };
                EvidenceJson.AddScores(item, group.Scores, group.VersusRest, "vs_rest");
                EvidenceJson.AddOperations(item, byGroup.GetValueOrDefault(group.Group));
                if (group.Periods.Count > 0)
                {
                    item["periods"] = Periods(group.Periods);
                }

                groups.Add(item);
            }

            json["groups"] = groups;
        }

        return json;
    }

    private static JsonArray Periods(IReadOnlyList<PeriodScores> periods)
    {
        var array = new JsonArray();
        foreach (var period in periods)
        {
            var item = new JsonObject { ["period"] = period.Period };
            EvidenceJson.AddScores(item, period.Scores, period.ChangeFromPrevious);
            array.Add(item);
        }

        return array;
    }

    private static void Table(IAnsiConsole console, Scorecard scorecard, InteractionStats? overall, Dictionary<string, InteractionStats> byGroup)
    {
        var table = new Table().AddColumns("metric", "value", "95 % interval", "n");
        table.Columns[1].RightAligned();
        table.Columns[3].RightAligned();
        foreach (string name in ScoreSet.Names)
        {
            var estimate = scorecard.Overall[name];
            table.AddRow(Label(name), Value(estimate, name), Interval(estimate, name), estimate.N.ToString("N0", CultureInfo.InvariantCulture));
        }

        if (overall is not null)
        {
            table.AddRow("first response p50 / p90", $"{Duration(overall.FirstResponseSeconds.P50)} / {Duration(overall.FirstResponseSeconds.P90)}", "", overall.FirstResponseSeconds.N.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("resolution p50 / p90", $"{Duration(overall.ResolutionSeconds.P50)} / {Duration(overall.ResolutionSeconds.P90)}", "", overall.ResolutionSeconds.N.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("repeat contacts (7 days)", Value(overall.RepeatContactShare, "share"), Interval(overall.RepeatContactShare, "share"), overall.RepeatContactShare.N.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (scorecard.Periods.Count > 0)
        {
            console.Write(Changes("period", scorecard.Periods.Select(p => (p.Period, p.Scores, p.ChangeFromPrevious)), "▲▼ significant change from the period before"));
        }

        if (scorecard.GroupedBy is { } groupedBy)
        {
            console.Write(Changes(groupedBy, scorecard.Groups.Select(g => (g.Group == "" ? "(none)" : g.Group, g.Scores, g.VersusRest)), "▲▼ significantly above or below everyone else"));
            foreach (var group in scorecard.Groups.Where(g => byGroup.ContainsKey(g.Group)))
            {
                var stats = byGroup[group.Group];
                console.WriteLine($"{group.Group}: first response p50 {Duration(stats.FirstResponseSeconds.P50)}, p90 {Duration(stats.FirstResponseSeconds.P90)}; resolution p50 {Duration(stats.ResolutionSeconds.P50)} ({stats.Contacts:N0} contacts)");
            }
        }
    }

    private static Table Changes(string first, IEnumerable<(string Label, ScoreSet Scores, IReadOnlyDictionary<string, Difference?> Changes)> rows, string caption)
    {
        var names = ScoreSet.Names;
        var table = new Table().AddColumns([first, .. names.Select(Label)]).Caption(caption);
        foreach (var (label, scores, changes) in rows)
        {
            table.AddRow([Markup.Escape(label), .. names.Select(n => Cell(scores[n], n, changes.GetValueOrDefault(n)))]);
        }

        return table;
    }

    private static string Cell(Estimate estimate, string name, Difference? change)
    {
        if (!estimate.Shown)
        {
            return estimate.N == 0 ? "—" : $"[grey]n={estimate.N}[/]";
        }

        string value = Value(estimate, name);
        return change is { Significant: true } c ? (c.Delta > 0 ? $"[green]{value} ▲[/]" : $"[red]{value} ▼[/]") : value;
    }

    private static string Label(string name) => name switch
    {
        "nps" => "NPS",
        "csat" => "CSAT top-2 %",
        "ces" => "CES (1–7)",
        "enps" => "eNPS",
        "rating" => "rating (1–5)",
        "sentiment" => "sentiment (−1…1)",
        _ => name,
    };

    private static string Value(Estimate estimate, string name) => estimate.Value is double v
        ? v.ToString(name is "nps" or "enps" or "csat" or "share" ? "0.0" : "0.00", CultureInfo.InvariantCulture) + (name is "csat" or "share" ? " %" : "")
        : Markup.Escape(estimate.Withheld ?? "—");

    private static string Interval(Estimate estimate, string name) => estimate.Value is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{Value(estimate with { Value = estimate.Low }, name)} … {Value(estimate with { Value = estimate.High }, name)}");

    private static string Duration(double? seconds) => seconds switch
    {
        null => "—",
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#} d"),
    };
}
