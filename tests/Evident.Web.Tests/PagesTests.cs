using System.Net;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Evidence;
using Evident.Text;

namespace Evident.Web.Tests;

/// <summary>Friction &amp; operations, communications and employees pages show what the evidence computes.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class PagesTests(DemoSite site)
{
    private async Task<EvidenceSet> EvidenceAsync()
    {
        await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(site.Database), create: false);
        return await EvidenceGatherer.GatherAsync(workspace, MetricOptions.Default, PeriodKind.Month, TextAnalyzer.Default);
    }

    [Fact]
    public async Task Friction_lists_each_kind_with_a_link_to_its_comments_and_the_channels_waits()
    {
        var evidence = await EvidenceAsync();
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = await client.GetStringAsync("/friction");
        foreach (var kind in evidence.Friction)
        {
            Assert.Contains($"<a href=\"/voices?friction={Uri.EscapeDataString(kind.Name)}\">{kind.Name}</a>", html, StringComparison.Ordinal);
        }

        var phone = evidence.Operations!.ByChannel.Single(c => c.Group == "phone");
        Assert.Contains($"<td>phone</td>\n                    <td>{phone.Contacts:#,0}</td>", html.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("data-chart=\"chart-wait\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"say-do\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Communications_show_the_signal_shares_and_mark_the_sentences_behind_them()
    {
        var evidence = await EvidenceAsync();
        using var client = await site.SignedInAsync(DemoSite.Analyst);
        string html = await client.GetStringAsync("/communications");
        var share = evidence.Rhetoric.SignalShares["customer-perspective"];
        Assert.Contains($"<td>customer-perspective</td><td>{share.Value:0.0}%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<mark title=\"customer-perspective\">", html, StringComparison.Ordinal);
        Assert.Contains($"Evidence-gap index: {(evidence.Rhetoric.Gap > 0 ? "+" : "")}{evidence.Rhetoric.Gap:0.0}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employees_show_teams_from_the_anonymity_threshold_up_and_no_comment()
    {
        var evidence = await EvidenceAsync();
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = await client.GetStringAsync("/employees");
        Assert.Contains("fewer than 5 respondents", html, StringComparison.Ordinal);
        foreach (var team in evidence.Employees.Teams)
        {
            Assert.Contains($"<td>{team.Team}</td>", html, StringComparison.Ordinal);
        }

        var shown = evidence.Employees.Teams.First(t => t.Enps.Shown);
        Assert.Contains($"<td>{shown.Enps.Value:0} [{shown.Enps.Low:0}, {shown.Enps.High:0}]</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"comment\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/friction")]
    [InlineData("/communications")]
    [InlineData("/employees")]
    [InlineData("/settings")]
    public async Task A_frontline_user_is_kept_out_of_organisation_pages(string path)
    {
        using var client = await site.SignedInAsync(DemoSite.Frontline);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_imports_name_each_file_without_the_servers_folder()
    {
        string folder = Path.GetDirectoryName(site.Database)!;
        using var client = await site.SignedInAsync(DemoSite.Analyst);
        string html = await client.GetStringAsync("/imports");

        // The demo imports its files from the workspace's folder; the page names them, not where they lie.
        Assert.Matches("<a href=\"/imports/\\d+\">[a-z-]+\\.(csv|jsonl|json)</a>", html);
        Assert.DoesNotContain(folder, html, StringComparison.Ordinal);
    }
}
