using System.Globalization;
using System.Net;
using Evident.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using static Evident.Web.Tests.VoicesPage;

namespace Evident.Web.Tests;

/// <summary>Voices on the demo workspace: each filter finds what SQL of the test's own counts, pages hold, teams stay apart.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class VoicesPageTests(DemoSite site)
{
    private const string WaitTime = "EXISTS (SELECT 1 FROM feedback_theme t WHERE t.feedback_id = f.id AND t.theme = 'wait-time')";
    private const string Wait = "EXISTS (SELECT 1 FROM feedback_friction x WHERE x.feedback_id = f.id AND x.kind = 'wait')";

    [Theory]
    [InlineData("?source=survey", "f.source = 'survey'")]
    [InlineData("?segment=new", "f.segment = 'new'")]
    [InlineData("?theme=wait-time&sentiment=negative", WaitTime + " AND f.sentiment <= -0.05")]
    [InlineData("?friction=wait&segment=regular", Wait + " AND f.segment = 'regular'")]
    [InlineData("?sentiment=positive&source=reviews", "f.sentiment >= 0.05 AND f.source = 'reviews'")]
    [InlineData("?score_min=0&score_max=6", "f.score BETWEEN 0 AND 6")]
    [InlineData("?score_min=9", "f.score >= 9")]
    [InlineData("?q=%22on+hold%22", "instr(lower(f.text), 'on hold') > 0")]
    [InlineData("?q=%22ON+Hold%22&theme=wait-time", "instr(lower(f.text), 'on hold') > 0 AND " + WaitTime)]
    [InlineData("?q=receptionist&source=survey&score_max=6", "instr(lower(f.text), 'receptionist') > 0 AND f.source = 'survey' AND f.score <= 6")]
    public async Task Each_filter_narrows_the_comments_to_what_sql_counts(string query, string condition)
    {
        long all = SqlCount(site.Database, "1 = 1");
        long expected = SqlCount(site.Database, condition);
        Assert.InRange(expected, 1, all - 1);

        using var client = await site.SignedInAsync(DemoSite.Analyst);
        string html = await client.GetStringAsync("/voices" + query);
        Assert.Equal(expected, Count(html));
        Assert.Equal((int)Math.Min(expected, 50), Articles(html).Count);
        Assert.Equal(all, Count(await client.GetStringAsync("/voices")));
    }

    [Fact]
    public async Task Days_from_and_to_are_both_included()
    {
        var first = DateOnly.ParseExact((string)Scalar(site.Database, "SELECT min(day) FROM feedback"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string from = first.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string to = first.AddDays(120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        long expected = SqlCount(site.Database, "f.day >= @from AND f.day <= @to", ("@from", from), ("@to", to));
        Assert.True(expected > 0);

        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = await client.GetStringAsync($"/voices?from={from}&to={to}");
        Assert.Equal(expected, Count(html));
        Assert.Contains($"name=\"from\" value=\"{from}\"", html, StringComparison.Ordinal);
        Assert.Equal(0, Count(await client.GetStringAsync($"/voices?from={to}&to={from}")));
    }

    [Fact]
    public async Task Pages_hold_fifty_comments_newest_first_and_keep_the_filters_in_their_links()
    {
        var expected = SqlIds(site.Database,
            "SELECT id FROM feedback f WHERE f.subject = 'customer' AND f.text IS NOT NULL AND f.source = 'survey' ORDER BY f.day DESC, f.id DESC");
        Assert.True(expected.Count > 150);
        using var client = await site.SignedInAsync(DemoSite.Analyst);

        string first = await client.GetStringAsync("/voices?source=survey");
        string second = await client.GetStringAsync("/voices?source=survey&page=2");
        Assert.Equal(expected.Take(50), Ids(first));
        Assert.Equal(expected.Skip(50).Take(50), Ids(second));
        Assert.Contains("rel=\"next\" href=\"/voices?source=survey&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\" href=\"/voices?source=survey\"", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\" href=\"/voices?source=survey&amp;page=3\"", second, StringComparison.Ordinal);

        int lastPage = (expected.Count + 49) / 50;
        string last = await client.GetStringAsync($"/voices?source=survey&page={lastPage}");
        Assert.Equal(expected.Skip((lastPage - 1) * 50), Ids(last));
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);

        string beyond = await client.GetStringAsync($"/voices?source=survey&page={lastPage + 5}");
        Assert.Empty(Ids(beyond));
        Assert.Contains($"rel=\"prev\" href=\"/voices?source=survey&amp;page={lastPage}\"", beyond, StringComparison.Ordinal);
        Assert.Equal(expected.Take(50), Ids(await client.GetStringAsync("/voices?source=survey&page=-3")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?team=clinical")]
    [InlineData("?team=clinical&team=billing")]
    [InlineData("?Team=call-centre&source=survey")]
    [InlineData("?segment=regular&team=&team=front-desk")]
    public async Task A_frontline_user_sees_only_their_teams_comments_whatever_the_address_says(string query)
    {
        using var client = await site.SignedInAsync(DemoSite.Frontline);
        string html = await client.GetStringAsync("/voices" + query);
        Assert.Contains($"the comments of team <strong>{DemoSite.FrontlineTeam}</strong> only", html, StringComparison.Ordinal);
        var articles = Articles(html);
        Assert.NotEmpty(articles);
        Assert.All(articles, article => Assert.Matches($"· team {DemoSite.FrontlineTeam}\\s", article));

        var rows = await ExportAsync(client, query);
        Assert.Equal(Count(html), rows.Count - 1);
        Assert.All(rows.Skip(1), row => Assert.Equal(DemoSite.FrontlineTeam, row[3]));
    }

    [Fact]
    public async Task A_frontline_users_count_is_their_teams_and_narrower_than_everyones()
    {
        long team = SqlCount(site.Database, "f.team = @team AND f.source = 'survey'", ("@team", DemoSite.FrontlineTeam));
        long all = SqlCount(site.Database, "f.source = 'survey'");
        Assert.InRange(team, 1, all - 1);

        using var frontline = await site.SignedInAsync(DemoSite.Frontline);
        Assert.Equal(team, Count(await frontline.GetStringAsync("/voices?source=survey")));
        // A search is a search: quotes in it are text, never SQL.
        Assert.Equal(0, Count(await frontline.GetStringAsync("/voices?q=" + Uri.EscapeDataString("' OR f.team = 'clinical' OR '' = '"))));
        using var analyst = await site.SignedInAsync(DemoSite.Analyst);
        string html = await analyst.GetStringAsync("/voices?source=survey");
        Assert.Equal(all, Count(html));
        Assert.DoesNotContain("voices-scope", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employee_comments_never_show_in_voices()
    {
        long pulse = Convert.ToInt64(Scalar(site.Database, "SELECT count(*) FROM feedback WHERE subject = 'employee' AND text IS NOT NULL"), CultureInfo.InvariantCulture);
        Assert.True(pulse > 0);
        using var client = await site.SignedInAsync(DemoSite.Admin);
        Assert.Equal(0, Count(await client.GetStringAsync("/voices?source=pulse")));
        Assert.Equal(SqlCount(site.Database, "1 = 1"), Count(await client.GetStringAsync("/voices")));
    }

    [Fact]
    public void A_theme_the_learnt_words_gave_says_so_on_its_marked_word()
    {
        // no phrase names a theme here; the words "ten minute" make wait-time likely (ToneModelTests)
        var evidence = site.Factory.Services.GetRequiredService<EvidenceService>();
        string marked = evidence.MarkSignals("two hours in reception for a ten minute job");
        Assert.Contains("<mark title=\"theme: wait-time (learnt from the words; no phrase named it)\">minute</mark>", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("learnt", evidence.MarkSignals("on hold for 40 minutes"), StringComparison.Ordinal); // a phrase named it
    }

    [Fact]
    public async Task Every_comment_of_a_theme_has_that_themes_words_marked()
    {
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        string html = await client.GetStringAsync("/voices?theme=automated-phone");
        var articles = Articles(html);
        Assert.Equal(50, articles.Count);
        Assert.All(articles, article => Assert.Matches("<mark title=\"[^\"]*theme: automated-phone[^\"]*\">", article));
        Assert.Contains("<mark title=\"friction: ", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"automated-phone\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_the_header_and_every_comment_the_page_counts()
    {
        using var client = await site.SignedInAsync(DemoSite.Analyst);
        const string query = "?theme=wait-time&sentiment=negative";
        long count = Count(await client.GetStringAsync("/voices" + query));

        var rows = await ExportAsync(client, query);
        Assert.Equal(["date", "source", "segment", "team", "channel", "score_kind", "score", "sentiment", "themes", "friction", "text"], rows[0]);
        Assert.Equal(count, rows.Count - 1);
        Assert.All(rows.Skip(1), row =>
        {
            Assert.Equal(11, row.Length);
            Assert.Contains("wait-time", row[8].Split(';'));
            Assert.True(double.Parse(row[7], CultureInfo.InvariantCulture) <= -0.05, row[7]);
        });

        var everything = await ExportAsync(client, "");
        Assert.Equal(SqlCount(site.Database, "1 = 1"), everything.Count - 1);
    }

    [Fact]
    public async Task A_stranger_gets_no_export()
    {
        using var client = site.Anonymous();
        var response = await client.GetAsync("/voices/export.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
