using Microsoft.Playwright;

namespace Evident.Web.Tests.Browser;

/// <summary>Signing in through the real form, and what each role may open, in a real browser.</summary>
[Collection(BrowserSiteGroup.Name)]
public sealed class SignInTests(BrowserSite site)
{
    [SkippableFact]
    public async Task Signing_in_through_the_form_lands_on_the_overview_with_its_charts_drawn_under_the_policy()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.OpenAsync();
        var page = tab.Page;

        await page.GotoAsync("/");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await page.FillAsync("input[name=email]", BrowserSite.Analyst);
        await page.FillAsync("input[name=password]", BrowserSite.Password);
        await page.ClickAsync("main button[type=submit]");

        await page.WaitForURLAsync(site.BaseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        // charts.js marks a canvas only after Chart.js drew it: both scripts loaded and ran under the policy.
        await Assertions.Expect(page.Locator("canvas[data-chart='chart-nps']")).ToHaveAttributeAsync("data-drawn", "true");
        // A script the content-security policy blocked is reported on the console, and only there.
        Assert.Empty(tab.Problems);
    }

    [SkippableFact]
    public async Task A_frontline_user_is_denied_the_overview_but_sees_the_voices_of_their_team()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var frontline = await site.SignedInAsync(BrowserSite.Frontline);
        Assert.Equal("/voices", new Uri(frontline.Page.Url).AbsolutePath);
        await frontline.OpenAsync("/voices");
        await Assertions.Expect(frontline.Page.Locator("nav a[href='/']")).ToHaveCountAsync(0);
        int own = await frontline.VoicesCountAsync();

        await frontline.Page.GotoAsync("/");
        Assert.Equal("/denied", new Uri(frontline.Page.Url).AbsolutePath);

        await using var analyst = await site.SignedInAsync(BrowserSite.Analyst);
        await analyst.OpenAsync("/voices");
        int all = await analyst.VoicesCountAsync();
        Assert.InRange(own, 1, all - 1);
    }
}
