using Evident.Core.Evidence;
using Evident.Web.Data;
using Evident.Web.Pages.Shared;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>The organisation's audit signals over time, the sentences behind them, and the quality of replies to customers.</summary>
[Authorize(Policy = Policies.Organisation)]
public sealed class CommunicationsModel(EvidenceService evidence) : PageModel
{
    public int ExamplesShown => 30;

    public string Period { get; private set; } = "month";

    public CommunicationsPage? Data { get; private set; }

    public async Task OnGetAsync(string? period, CancellationToken cancellation)
    {
        Period = period == "week" ? "week" : "month";
        Data = await evidence.CommunicationsAsync(Core.Evidence.Period.Parse(Period), cancellation);
    }

    public ChartSpec SignalChart()
    {
        var periods = Data!.Rhetoric.Periods;
        return new ChartSpec("line", [.. periods.Select(p => p.Period)],
            [.. RhetoricEvidence.AuditSignals.Select(signal => new ChartSeries(signal, [.. periods.Select(p => p.SignalShares.GetValueOrDefault(signal)?.Value)]))])
        {
            Unit = "% of posts",
        };
    }

    public ChartSpec GapChart()
    {
        var periods = Data!.Rhetoric.Periods;
        return new ChartSpec("line", [.. periods.Select(p => p.Period)],
        [
            new ChartSeries("Claim", [.. periods.Select(p => p.Claim)]),
            new ChartSeries("Experience", [.. periods.Select(p => p.Experience)]),
        ]);
    }
}
