using Microsoft.Playwright;

namespace Evident.Web.Tests.Browser;

/// <summary>Themes lead to their verbatims, search narrows them, and what customers wrote stays text.</summary>
[Collection(BrowserSiteGroup.Name)]
public sealed class VoicesTests(BrowserSite site)
{
    private const string SearchTerm = "receptionist";

    [SkippableFact]
    public async Task A_themes_link_opens_its_verbatims_with_the_theme_marked_in_each()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.SignedInAsync(BrowserSite.Analyst);
        await tab.OpenAsync("/themes");
        await Assertions.Expect(tab.Page.Locator("canvas[data-chart='chart-impact']")).ToHaveAttributeAsync("data-drawn", "true");
        await Assertions.Expect(tab.Page.Locator("canvas[data-chart='chart-quadrant']")).ToHaveAttributeAsync("data-drawn", "true");

        var link = tab.Page.Locator("table a[href^='/voices?theme=']").First;
        string href = (await link.GetAttributeAsync("href"))!;
        string name = (await link.InnerTextAsync()).Trim();
        string id = ThemeOf(href);
        await link.ClickAsync();
        await tab.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/voices");

        Assert.Equal(id, ThemeOf(tab.Page.Url));
        Assert.True(await tab.VoicesCountAsync() > 0, $"no verbatim for theme {id}");
        var comments = tab.Page.Locator("article.comment");
        Assert.True(await comments.CountAsync() > 0);
        foreach (var comment in await comments.AllAsync())
        {
            string[] marks = await comment.Locator("mark").EvaluateAllAsync<string[]>("marks => marks.map(m => m.title)");
            Assert.True(marks.Any(title => title.Contains(id, StringComparison.OrdinalIgnoreCase) || title.Contains(name, StringComparison.OrdinalIgnoreCase)),
                $"no <mark> of theme {id} ({name}) in: {await comment.InnerTextAsync()} (marks: {string.Join(", ", marks)})");
        }

        Assert.Empty(tab.Problems);
    }

    [SkippableFact]
    public async Task Clicking_a_bar_of_the_impact_chart_opens_that_themes_verbatims()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.SignedInAsync(BrowserSite.Analyst);
        await tab.OpenAsync("/themes");
        var canvas = tab.Page.Locator("canvas[data-chart='chart-impact']");
        // Where Chart.js drew the first bar, in the canvas's own CSS pixels.
        double[] centre = await canvas.EvaluateAsync<double[]>("c => { const p = Chart.getChart(c).getDatasetMeta(0).data[0].getCenterPoint(); return [p.x, p.y]; }");

        await canvas.ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)centre[0], Y = (float)centre[1] } });

        await tab.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/voices");
        Assert.NotEmpty(ThemeOf(tab.Page.Url));
        Assert.True(await tab.VoicesCountAsync() > 0);
        Assert.Empty(tab.Problems);
    }

    [SkippableFact]
    public async Task Searching_narrows_the_verbatims_to_those_that_hold_the_term()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.SignedInAsync(BrowserSite.Analyst);
        await tab.OpenAsync("/voices");
        int all = await tab.VoicesCountAsync();

        var query = tab.Page.Locator("#voices-filters input[name=q]");
        await query.FillAsync(SearchTerm);
        await query.PressAsync("Enter");
        await tab.Page.WaitForURLAsync(url => url.Contains("q=" + SearchTerm, StringComparison.Ordinal));

        int found = await tab.VoicesCountAsync();
        Assert.InRange(found, 1, all - 1);
        var texts = await tab.Page.Locator("article.comment").AllInnerTextsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.Contains(SearchTerm, text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(SearchTerm, await query.InputValueAsync());
        Assert.Empty(tab.Problems);
    }

    [SkippableFact]
    public async Task A_comment_carrying_markup_is_shown_as_text_and_nothing_in_it_runs()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.SignedInAsync(BrowserSite.Analyst);
        await tab.OpenAsync("/voices?q=" + BrowserSite.HostileWord);

        var comment = tab.Page.Locator("article.comment", new PageLocatorOptions { HasText = BrowserSite.HostileWord });
        await Assertions.Expect(comment).ToHaveCountAsync(1);
        // The markup is there as characters a reader can see, tags and all.
        Assert.Contains(BrowserSite.HostileMarkup, await comment.InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal("undefined", await tab.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        await Assertions.Expect(tab.Page.Locator("img[src='x']")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator("[onerror]")).ToHaveCountAsync(0);
        Assert.False(await tab.Page.EvaluateAsync<bool>("() => Array.from(document.scripts).some(s => s.textContent.includes('__pwned'))"));
        // Had the markup become elements, the policy would have blocked them and said so on the console.
        Assert.Empty(tab.Problems);
    }

    /// <summary>The <c>theme</c> query parameter of a Voices address.</summary>
    private static string ThemeOf(string url)
    {
        string query = new Uri(new Uri("http://localhost"), url).Query.TrimStart('?');
        foreach (string pair in query.Split('&'))
        {
            if (pair.StartsWith("theme=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair["theme=".Length..].Replace('+', ' '));
            }
        }

        return "";
    }
}
