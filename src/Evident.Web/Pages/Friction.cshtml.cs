using Evident.Core.Evidence;
using Evident.Web.Data;
using Evident.Web.Pages.Shared;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>Friction kinds customers describe, interactions' waits, transfers and repeats, friction by stage, say vs do.</summary>
[Authorize(Policy = Policies.Organisation)]
public sealed class FrictionModel(EvidenceService evidence) : PageModel
{
    public string Period { get; private set; } = "month";

    public FrictionPage? Data { get; private set; }

    public async Task OnGetAsync(string? period, CancellationToken cancellation)
    {
        Period = period == "week" ? "week" : "month";
        Data = await evidence.FrictionAsync(Core.Evidence.Period.Parse(Period), cancellation);
    }

    public ChartSpec FrictionChart() => new("hbar", [.. Data!.Friction.Select(f => f.Name)],
        [new ChartSeries("% of comments", [.. Data.Friction.Select(f => f.Share.Value)])])
    {
        Links = [.. Data.Friction.Select(f => "/voices?friction=" + Uri.EscapeDataString(f.Name))],
    };

    /// <summary>One line per channel over the periods.</summary>
    public ChartSpec ChannelTrend(Func<InteractionStats, double?> value)
    {
        var rows = Data!.Operations!.ByChannelAndPeriod;
        var periods = rows.Select(r => r.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = rows.GroupBy(r => r.Channel).Select(g =>
        {
            var byPeriod = g.ToDictionary(r => r.Period, r => value(r.Stats), StringComparer.Ordinal);
            return new ChartSeries(g.Key.Length == 0 ? "(none)" : g.Key, [.. periods.Select(p => byPeriod.GetValueOrDefault(p))]);
        }).ToList();
        return new ChartSpec("line", periods, series);
    }
}
