using System.Globalization;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Web.Data;
using Evident.Web.Pages.Shared;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>One block of the page: themes, or friction kinds, with the address parameter that opens a topic's comments.</summary>
public sealed record TopicBlock(string Id, string Title, string Noun, string Parameter, string ImpactChart, string QuadrantChart, IReadOnlyList<TopicEvidence> Topics);

/// <summary>
/// Themes and friction kinds: how often customers raise each, how they feel about it, what it does to NPS, and where it
/// stands on the importance × performance map; each leads to its comments in Voices.
/// </summary>
[Authorize(Policy = Policies.Organisation)]
public sealed class ThemesModel(EvidenceService evidence) : PageModel
{
    public string Period { get; private set; } = "month";

    public IReadOnlyList<TopicBlock> Blocks { get; private set; } = [];

    public async Task OnGetAsync(string? period, CancellationToken cancellation)
    {
        Period = period == "week" ? "week" : "month";
        var topics = await evidence.TopicsAsync(Core.Evidence.Period.Parse(Period), cancellation);
        Blocks =
        [
            new TopicBlock("themes", "Themes", "theme", "theme", "chart-impact", "chart-quadrant", topics.Themes),
            new TopicBlock("friction", "Friction customers describe", "friction kind", "friction", "chart-friction-impact", "chart-friction-quadrant", topics.Friction),
        ];
    }

    /// <summary>A theme's name from the taxonomy; a friction kind as it is stored (as Voices and the friction page name it).</summary>
    public string NameOf(TopicEvidence topic) => topic.IsFriction ? topic.Name : evidence.ThemeName(topic.Name);

    public static string VoicesLink(TopicBlock block, TopicEvidence topic) => $"/voices?{block.Parameter}={Uri.EscapeDataString(topic.Name)}";

    /// <summary>The topics whose NPS move can be told (enough answers with and without them), biggest cost first.</summary>
    public static IReadOnlyList<TopicEvidence> Drivers(TopicBlock block) =>
        [.. block.Topics.Where(t => t.NpsImpact.MoveWithout is not null).OrderByDescending(t => t.NpsImpact.MoveWithout)];

    /// <summary>The topics placed on the map: a share and a sentiment to place them by.</summary>
    public static IReadOnlyList<TopicEvidence> Placed(TopicBlock block) =>
        [.. block.Topics.Where(t => t.Share.Value is not null && t.Sentiment is not null && t.Quadrant.Length > 0)];

    /// <summary>Where importance is split: the mean share of the placed topics (as <see cref="TopicEvidence"/> places them).</summary>
    public static double MeanShare(TopicBlock block) => Placed(block) is { Count: > 0 } placed ? placed.Average(t => t.Share.Value!.Value) : 0;

    public ChartSpec ImpactChart(TopicBlock block)
    {
        var drivers = Drivers(block);
        return new ChartSpec("hbar", [.. drivers.Select(NameOf)], [new ChartSeries("NPS points without it", [.. drivers.Select(t => t.NpsImpact.MoveWithout)])])
        {
            Links = [.. drivers.Select(t => VoicesLink(block, t))],
        };
    }

    public ChartSpec QuadrantChart(TopicBlock block)
    {
        var placed = Placed(block);
        return new ChartSpec("scatter", [.. placed.Select(NameOf)],
            [new ChartSeries(block.Title, [.. placed.Select(t => t.Sentiment)]) { X = [.. placed.Select(t => t.Share.Value)] }])
        {
            XTitle = "importance: % of comments that raise it",
            YTitle = "performance: " + (block.Parameter == "theme" ? "aspect sentiment" : "sentiment of those comments"),
            Links = [.. placed.Select(t => VoicesLink(block, t))],
        };
    }

    /// <summary>"+3.2 (significant, p = 0.004)" or "+0.4 (within noise)"; "—" when too few answers tell.</summary>
    public static string Impact(DriverImpact impact) => impact.MoveWithout is double move
        ? Show.WithSign(move) + (impact.ThemeVersusRest is Difference d && d.Significant ? $" (significant, {P(d.P)})" : " (within noise)")
        : "—";

    public static string P(double p) => p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Percent(Estimate estimate) => estimate.Shown ? Show.Value(estimate.Value) + "%" : estimate.Withheld ?? "—";

    public static readonly (string Name, string Meaning)[] Quadrants =
    [
        (TopicEvidence.FixFirst, "raised more often than the average and spoken of negatively: where customers depend on you and you fall short"),
        (TopicEvidence.KeepUp, "raised more often than the average and spoken of well: strengths customers care about"),
        (TopicEvidence.Watch, "raised less often and spoken of negatively: small now, worth watching"),
        (TopicEvidence.Maintain, "raised less often and spoken of well"),
    ];
}
