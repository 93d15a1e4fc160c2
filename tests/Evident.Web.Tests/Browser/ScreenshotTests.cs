namespace Evident.Web.Tests.Browser;

/// <summary>
/// Every main page opens in a real browser without a script error, its charts drawn, and is kept as a full-page
/// screenshot in <c>artifacts/screenshots/</c> (CI keeps <c>artifacts/</c>) for a person to look at.
/// </summary>
[Collection(BrowserSiteGroup.Name)]
public sealed class ScreenshotTests(BrowserSite site)
{
    [SkippableTheory]
    [InlineData("overview", "/", BrowserSite.Analyst)]
    [InlineData("themes", "/themes", BrowserSite.Analyst)]
    [InlineData("friction", "/friction", BrowserSite.Analyst)]
    [InlineData("voices", "/voices", BrowserSite.Analyst)]
    [InlineData("communications", "/communications", BrowserSite.Analyst)]
    [InlineData("employees", "/employees", BrowserSite.Analyst)]
    [InlineData("imports", "/imports", BrowserSite.Analyst)]
    [InlineData("settings", "/settings", BrowserSite.Admin)]
    [InlineData("taxonomy", "/settings/taxonomy", BrowserSite.Analyst)]
    public async Task A_main_page_renders_without_script_errors_and_is_kept_as_a_screenshot(string name, string path, string user)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.SignedInAsync(user);
        await tab.OpenAsync(path);
        await tab.ScreenshotAsync(name);
        Assert.True(new FileInfo(Path.Combine(BrowserSite.ScreenshotFolder, name + ".png")).Length > 0);
        Assert.Empty(tab.Problems);
    }
}
