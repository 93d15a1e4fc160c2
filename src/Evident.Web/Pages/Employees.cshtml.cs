using Evident.Core.Evidence;
using Evident.Web.Data;
using Evident.Web.Pages.Shared;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>eNPS per team and over time, workload, employee themes, friction shared with customers — anonymity applied.</summary>
[Authorize(Policy = Policies.Organisation)]
public sealed class EmployeesModel(EvidenceService evidence) : PageModel
{
    public EvidenceService Evidence => evidence;

    public string Period { get; private set; } = "month";

    public int Threshold { get; private set; }

    public EmployeeEvidence? Data { get; private set; }

    public bool HasTrend => Data!.Teams.Any(t => t.Trend.Any(p => p.Enps.Shown));

    public async Task OnGetAsync(string? period, CancellationToken cancellation)
    {
        Period = period == "week" ? "week" : "month";
        Data = await evidence.EmployeesAsync(Core.Evidence.Period.Parse(Period), cancellation);
        Threshold = await evidence.KeptAsync("anonymity", (_, options, _) => Task.FromResult(options.AnonymityThreshold), cancellation);
    }

    public ChartSpec TrendChart()
    {
        var periods = Data!.Teams.SelectMany(t => t.Trend.Select(p => p.Period)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ChartSpec("line", periods, [.. Data.Teams.Where(t => t.Trend.Any(p => p.Enps.Shown)).Select(t =>
        {
            var byPeriod = t.Trend.ToDictionary(p => p.Period, p => p.Enps.Value, StringComparer.Ordinal);
            return new ChartSeries(t.Team, [.. periods.Select(p => byPeriod.GetValueOrDefault(p))]);
        })]);
    }
}
