using System.Net;
using System.Text.RegularExpressions;
using Evident.Cli;
using Evident.Store;
using Evident.Store.Access;
using Evident.Store.Evidence;
using Evident.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Evident.Web.Tests;

/// <summary>
/// One demo workspace (a real SQLite file, built by <c>evident demo --no-serve</c> at a fifth of its size) with a user
/// of every role and an API key of each scope, served by the real application through WebApplicationFactory.
/// </summary>
public sealed partial class DemoSite : IAsyncLifetime, IDisposable
{
    public const string Password = "a long enough password";
    public const string Admin = "admin@example.org";
    public const string Analyst = "analyst@example.org";
    public const string Viewer = "viewer@example.org";
    public const string Frontline = "frontline@example.org";
    public const string FrontlineTeam = "billing";

    private readonly TempFolder _folder = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string Database => Path.Combine(_folder.Path, "evident.db");

    public string ReadKey { get; private set; } = "";

    public string WriteKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await Cli.Program.RunAsync(Cli.Program.CreateRootCommand(), ["demo", "--out", _folder.Path, "--scale", "0.2", "--no-serve"],
            new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.True(exit == ExitCodes.Success, stderr.ToString());

        await using (var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(Database), create: false))
        {
            var store = new AccessStore(workspace);
            await store.AddUserAsync(Admin, Passwords.Hash(Password), Roles.Admin, null);
            await store.AddUserAsync(Analyst, Passwords.Hash(Password), Roles.Analyst, null);
            await store.AddUserAsync(Viewer, Passwords.Hash(Password), Roles.Viewer, null);
            await store.AddUserAsync(Frontline, Passwords.Hash(Password), Roles.Frontline, FrontlineTeam);
            ReadKey = await AddKeyAsync(store, "reader", "read");
            WriteKey = await AddKeyAsync(store, "writer", "write");
            // What the server's background indexing would do in its first seconds, done before any test searches.
            await SearchIndex.CatchUpAsync(workspace);
        }

        Factory = Serve(Database);
    }

    /// <summary>The application on <paramref name="database"/>, with sign-in attempts unthrottled unless a test asks.</summary>
    public static WebApplicationFactory<Program> Serve(string database, int loginAttemptsPerMinute = 10_000) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Evident:Db", database);
            builder.UseSetting("Evident:LoginAttemptsPerMinute", loginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary>A client that does not follow redirects, so that tests see them.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="email"/> through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Anonymous();
        var response = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        string form = await client.GetStringAsync("/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    /// <summary>The anti-forgery token of a page's form.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no anti-forgery token on the page");

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<string> AddKeyAsync(AccessStore store, string name, string scope)
    {
        var (key, prefix, hash) = ApiKeys.Create();
        await store.AddApiKeyAsync(name, prefix, hash, scope);
        return key;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

[CollectionDefinition(Name)]
public sealed class DemoSiteGroup : ICollectionFixture<DemoSite>
{
    public const string Name = "demo site";
}
