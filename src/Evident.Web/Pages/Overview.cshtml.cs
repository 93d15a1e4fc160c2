using Evident.Core.Evidence;
using Evident.Web.Data;
using Evident.Web.Pages.Shared;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>The scorecard with intervals and trends, the biggest movers, and the evidence-gap index.</summary>
[Authorize(Policy = Policies.Organisation)]
public sealed class OverviewModel(EvidenceService evidence) : PageModel
{
    public static readonly string[] Groups = ["source", "segment", "channel"];

    public EvidenceService Evidence => evidence;

    public string Period { get; private set; } = "month";

    public string? By { get; private set; }

    public Scorecard? Scorecard { get; private set; }

    public IReadOnlyList<TopicEvidence> Movers { get; private set; } = [];

    public RhetoricEvidence? Rhetoric { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, string? by, CancellationToken cancellation)
    {
        Period = period == "week" ? "week" : "month";
        By = by is not null && Array.IndexOf(Groups, by) >= 0 ? by : null;
        var kind = Core.Evidence.Period.Parse(Period);
        // Three independent computations, each on its own connection: the page waits for the slowest, not the sum.
        var scorecard = evidence.ScorecardAsync(kind, By, cancellation);
        var topics = evidence.TopicsAsync(kind, cancellation);
        var rhetoric = evidence.RhetoricAsync(kind, cancellation);
        Scorecard = await scorecard;
        Movers = [.. (await topics).Themes.Concat((await topics).Friction).Where(t => t.Shift is not null)
            .OrderByDescending(t => Math.Abs(t.Shift!.Difference.Delta)).Take(8)];
        Rhetoric = await rhetoric;
        return Page();
    }

    public ChartSpec Line(string score, string name)
    {
        var periods = Scorecard!.Periods;
        return new ChartSpec("line", [.. periods.Select(p => p.Period)],
        [
            new ChartSeries(name, [.. periods.Select(p => p.Scores[score].Value)])
            {
                Low = [.. periods.Select(p => p.Scores[score].Low)],
                High = [.. periods.Select(p => p.Scores[score].High)],
            },
        ]);
    }

    public ChartSpec GapChart()
    {
        var periods = Rhetoric!.Periods;
        return new ChartSpec("line", [.. periods.Select(p => p.Period)],
        [
            new ChartSeries("Claim", [.. periods.Select(p => p.Claim)]),
            new ChartSeries("Experience", [.. periods.Select(p => p.Experience)]),
            new ChartSeries("Gap", [.. periods.Select(p => p.Gap)]),
        ]);
    }
}
