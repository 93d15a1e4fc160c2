using System.Runtime.CompilerServices;
using Evident.Cli;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Evident.Web.Tests.Browser;

/// <summary>
/// The demo workspace (a real SQLite file, as <see cref="DemoSite"/> builds it) plus one hostile comment, served by the
/// real application on Kestrel on a free port, and a real headless Chromium driven by Playwright. The browser is the
/// system's (<c>EVIDENT_TEST_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>): Playwright's own download needs the
/// network, and CI installs the distribution's package instead.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime, IDisposable
{
    public const string Password = "a long enough password";
    public const string Admin = "browser-admin@example.org";
    public const string Analyst = "browser-analyst@example.org";
    public const string Frontline = "browser-frontline@example.org";
    public const string FrontlineTeam = "billing";

    /// <summary>A word no demo comment holds, so that a search finds the hostile comment alone.</summary>
    public const string HostileWord = "quokka";

    /// <summary>What an attacker would write into a survey: both payloads set <c>window.__pwned</c> if they ever run.</summary>
    public const string HostileMarkup = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    /// <summary>The hostile comment; "on hold for 40 minutes" gives it the wait-time theme, so theme views show it too.</summary>
    public const string HostileComment = "I was on hold for 40 minutes " + HostileMarkup + " and then a " + HostileWord + " answered.";

    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The server's address, like <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string Database => Path.Combine(_folder.Path, "evident.db");

    /// <summary>Where screenshots go: kept by CI with the rest of <c>artifacts/</c>.</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async Task InitializeAsync()
    {
        string? chromium = FindChromium();
        if (chromium is null)
        {
            SkipReason = "no Chromium: set EVIDENT_TEST_CHROMIUM to a Chromium executable or install Debian's `chromium` package (/usr/bin/chromium)";
            return;
        }

        await BuildWorkspaceAsync();

        _app = EvidentServer.Build(["--Evident:Db", Database, "--urls", "http://127.0.0.1:0", "--Evident:LoginAttemptsPerMinute", "10000"]);
        await EvidentServer.PrepareAsync(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // CI runs as root, where Chromium refuses to start with its sandbox.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) signed in as <paramref name="email"/> through the sign-in form.</summary>
    public async Task<BrowserTab> SignedInAsync(string email)
    {
        var tab = await OpenAsync();
        await tab.Page.GotoAsync(BaseUrl + "/login");
        await tab.Page.FillAsync("input[name=email]", email);
        await tab.Page.FillAsync("input[name=password]", Password);
        await tab.Page.ClickAsync("main button[type=submit]");
        try
        {
            await tab.Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        }
        catch (TimeoutException timeout)
        {
            // Say what the page said: twice on CI the sign-in stayed on /login for the whole wait with nothing else to go on.
            string said = await tab.Page.Locator("main").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            throw new TimeoutException($"signing in as {email} stayed at {tab.Page.Url}, which says: {said}", timeout);
        }

        return tab;
    }

    /// <summary>A fresh browser context that has signed in as no one.</summary>
    public async Task<BrowserTab> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // A ceiling for a page that never comes, not a measure of speed: on a CI machine running every test project at
        // once, signing in once took longer than Playwright's default 30 s to reach the overview's load event (and
        // passed on the rerun); a hung page still fails, later.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return new BrowserTab(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _folder.Dispose();

    private async Task BuildWorkspaceAsync()
    {
        await RunCliAsync("demo", "--out", _folder.Path, "--scale", "0.2", "--no-serve");
        string hostile = _folder.Write("hostile.csv",
            "id,date,channel,team,segment,score,comment\n"
            + $"h-1,2026-10-20,phone,call-centre,regular,1,\"{HostileComment.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n");
        await RunCliAsync("import", hostile, "--kind", "feedback", "--db", Database);

        await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(Database), create: false);
        var store = new AccessStore(workspace);
        await store.AddUserAsync(Admin, Passwords.Hash(Password), Roles.Admin, null);
        await store.AddUserAsync(Analyst, Passwords.Hash(Password), Roles.Analyst, null);
        await store.AddUserAsync(Frontline, Passwords.Hash(Password), Roles.Frontline, FrontlineTeam);
    }

    private static async Task RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await Cli.Program.RunAsync(Cli.Program.CreateRootCommand(), args,
            new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.True(exit == ExitCodes.Success, $"evident {string.Join(' ', args)}: exit {exit}\n{stderr}");
    }

    private static string? FindChromium()
    {
        string? configured = Environment.GetEnvironmentVariable("EVIDENT_TEST_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            // A path that was asked for but is wrong is a broken set-up, not a reason to skip quietly.
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"EVIDENT_TEST_CHROMIUM={configured}: no such file");
        }

        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    /// <summary>
    /// <c>EVIDENT_TEST_SCREENSHOTS</c>, else <c>artifacts/screenshots</c> in the repository this file was compiled from (the
    /// test's output folder may be anywhere, as with <c>--artifacts-path</c>).
    /// </summary>
    private static string FindScreenshotFolder([CallerFilePath] string source = "")
    {
        string? configured = Environment.GetEnvironmentVariable("EVIDENT_TEST_SCREENSHOTS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (string? folder = Path.GetDirectoryName(source); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Evident.slnx")))
            {
                return Path.Combine(folder, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSiteGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser site";
}
