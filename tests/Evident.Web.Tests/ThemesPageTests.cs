using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Evidence;

namespace Evident.Web.Tests;

/// <summary>Themes &amp; drivers shows the topics the evidence computes, and each leads to its comments in Voices.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class ThemesPageTests(DemoSite site)
{
    private async Task<(IReadOnlyList<TopicEvidence> Themes, IReadOnlyList<TopicEvidence> Friction)> TopicsAsync(PeriodKind period)
    {
        await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(site.Database), create: false);
        var reader = new EvidenceReader(workspace);
        var all = await reader.ReadFeedbackSumsAsync("customer", "source");
        return (TopicEvidence.Build(all, await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Themes), MetricOptions.Default, period),
            TopicEvidence.Build(all, await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Friction), MetricOptions.Default, period));
    }

    [Fact]
    public async Task The_demo_phone_menu_is_listed_with_its_figures_and_a_link_to_its_comments()
    {
        var phone = (await TopicsAsync(PeriodKind.Month)).Themes.Single(t => t.Key == "automated-phone");
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = (await client.GetStringAsync("/themes")).Replace("\r", "", StringComparison.Ordinal);

        var row = Regex.Match(html, "<tr>\\s*<td><a href=\"/voices\\?theme=automated-phone\">Automated phone and bots</a></td>.*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "no row for automated-phone");
        Assert.Contains($"<td>{phone.Mentions:#,0}</td>", row.Value, StringComparison.Ordinal);
        Assert.Contains($"<td>{phone.Share.Value:0.0}% <small>[{phone.Share.Low:0.0}, {phone.Share.High:0.0}]</small></td>", row.Value, StringComparison.Ordinal);
        Assert.Contains($"<td>{phone.Quadrant}</td>", row.Value, StringComparison.Ordinal);
        string move = (phone.NpsImpact.MoveWithout!.Value > 0 ? "&#x2B;" : "") + phone.NpsImpact.MoveWithout.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(move + (phone.NpsImpact.Significant ? " (significant" : " (within noise)"), row.Value, StringComparison.Ordinal);

        // The comments the row counts are the comments its link opens.
        string voices = await client.GetStringAsync("/voices?theme=automated-phone");
        Assert.Equal(phone.Mentions, VoicesPage.Count(voices));
    }

    [Fact]
    public async Task The_impact_bars_and_the_quadrant_map_link_each_theme_to_its_comments()
    {
        var themes = (await TopicsAsync(PeriodKind.Month)).Themes;
        using var client = await site.SignedInAsync(DemoSite.Analyst);
        string html = await client.GetStringAsync("/themes");

        var impact = ChartData(html, "chart-impact");
        Assert.Equal("hbar", impact.GetProperty("kind").GetString());
        var drivers = themes.Where(t => t.NpsImpact.MoveWithout is not null).OrderByDescending(t => t.NpsImpact.MoveWithout).ToList();
        Assert.Equal(drivers.Select(t => "/voices?theme=" + t.Key), impact.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(drivers[0].NpsImpact.MoveWithout!.Value, impact.GetProperty("series")[0].GetProperty("values")[0].GetDouble(), 9);

        var quadrant = ChartData(html, "chart-quadrant");
        Assert.Equal("scatter", quadrant.GetProperty("kind").GetString());
        var links = quadrant.GetProperty("links").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("/voices?theme=automated-phone", links);
        Assert.Equal(links.Count, quadrant.GetProperty("series")[0].GetProperty("x").GetArrayLength());
        Assert.Contains("<dt>fix first</dt>", html, StringComparison.Ordinal);
        Assert.Contains("split at the mean share", html, StringComparison.Ordinal);

        Assert.Contains("data-chart=\"chart-friction-impact\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/voices?friction=wait\">wait</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_period_in_the_address_picks_weekly_changes()
    {
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = await client.GetStringAsync("/themes?period=week");
        Assert.Contains("<option value=\"week\" selected=\"selected\">", html, StringComparison.Ordinal);
        var weekly = (await TopicsAsync(PeriodKind.Week)).Themes.First(t => t.Shift is not null);
        Assert.Contains($"since {weekly.Shift!.Since}:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frontline_user_is_kept_out()
    {
        using var client = await site.SignedInAsync(DemoSite.Frontline);
        var response = await client.GetAsync("/themes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static JsonElement ChartData(string html, string id)
    {
        var match = Regex.Match(html, $"<canvas data-chart=\"{id}\"[^>]*></canvas></div><script type=\"application/json\" id=\"{id}\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no chart {id}");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }
}
