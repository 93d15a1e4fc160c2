using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Evident.Web.Tests.Browser;

/// <summary>
/// One page in its own browser context, recording every console error and uncaught exception: a script blocked by the
/// content-security policy, or one that fails, shows up there and nowhere else.
/// </summary>
public sealed partial class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    public BrowserTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // Chromium asks every site for a favicon; this one has none, and that is no fault of the page.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                lock (_problems)
                {
                    _problems.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add($"uncaught: {error}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The console errors and uncaught exceptions so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Opens <paramref name="path"/>, asserts that it answered 200 there (not a redirect to sign-in or /denied), and waits until every chart is drawn.</summary>
    public async Task OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"{path}: HTTP {response.Status} at {Page.Url}");
        Assert.Equal(new Uri(new Uri(Page.Url), path).AbsolutePath, new Uri(Page.Url).AbsolutePath);
        await ChartsDrawnAsync();
    }

    /// <summary>Waits until charts.js has drawn every <c>canvas[data-chart]</c> of the page.</summary>
    public async Task ChartsDrawnAsync() =>
        await Assertions.Expect(Page.Locator("canvas[data-chart]:not([data-drawn='true'])")).ToHaveCountAsync(0);

    /// <summary>The number in <c>#voices-count</c> ("1,234 comments").</summary>
    public async Task<int> VoicesCountAsync()
    {
        string text = await Page.Locator("#voices-count").InnerTextAsync();
        var match = CountPattern().Match(text);
        Assert.True(match.Success, $"no count in #voices-count: \"{text}\"");
        return int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(BrowserSite.ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [GeneratedRegex(@"([0-9][0-9,]*)\s+comments?\b")]
    private static partial Regex CountPattern();
}
