using System.Net;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Evidence;

namespace Evident.Web.Tests;

/// <summary>The overview page shows the figures the evidence computes from the same workspace.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class OverviewTests(DemoSite site)
{
    [Fact]
    public async Task The_scorecard_shows_the_workspace_nps_with_its_interval()
    {
        Scorecard expected;
        await using (var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(site.Database), create: false))
        {
            var reader = new EvidenceReader(workspace);
            expected = Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer"), await reader.ReadFeedbackSumsAsync("employee"), MetricOptions.Default, PeriodKind.Month, null);
        }

        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = await client.GetStringAsync("/");
        string nps = expected.Overall.Nps.Value!.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($"data-score=\"nps\">\\s*<div class=\"name\">NPS</div>\\s*<div class=\"value\">{nps}</div>", html);
        Assert.Contains($"n = {expected.Overall.Nps.N:#,0}", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"chart-nps\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_compares_groups_named_in_the_address()
    {
        using var client = await site.SignedInAsync(DemoSite.Analyst);
        string html = await client.GetStringAsync("/?period=week&by=source");
        Assert.Contains("<h2 id=\"groups\">By source</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>survey</td>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"week\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_phone_menu_shows_among_the_biggest_movers()
    {
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = await client.GetStringAsync("/");
        Assert.Contains("href=\"/voices?theme=automated-phone\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_grouping_in_the_address_is_ignored_not_run()
    {
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        var response = await client.GetAsync("/?by=text;DROP TABLE feedback");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id=\"groups\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
