using System.Net;
using System.Net.Http.Headers;
using Evident.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Evident.Web.Tests;

/// <summary>Sign-in, roles, headers and the setup page, against the real application on a real workspace.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class SecurityTests(DemoSite site)
{
    [Fact]
    public async Task Health_answers_without_signing_in()
    {
        using var client = site.Anonymous();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/voices")]
    [InlineData("/settings")]
    public async Task Pages_send_a_stranger_to_sign_in(string path)
    {
        using var client = site.Anonymous();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_says_so()
    {
        using var client = site.Anonymous();
        var response = await DemoSite.SignInAsync(client, DemoSite.Admin, "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong e-mail address or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = site.Anonymous();
        var response = await DemoSite.SignInAsync(client, "nobody@example.org", DemoSite.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong e-mail address or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_without_the_anti_forgery_token_is_refused()
    {
        using var client = site.Anonymous();
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = DemoSite.Admin,
            ["password"] = DemoSite.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        await using var throttled = DemoSite.Serve(site.Database, loginAttemptsPerMinute: 3);
        using var client = throttled.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            statuses.Add((await DemoSite.SignInAsync(client, DemoSite.Admin, "guess " + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        // Even the right password waits for the minute to pass.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await DemoSite.SignInAsync(client, DemoSite.Admin, DemoSite.Password)).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_content_security_policy_without_inline_script()
    {
        using var client = await site.SignedInAsync(DemoSite.Viewer);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        string html = await response.Content.ReadAsStringAsync();
        // No executable inline script: every <script> either loads a file of this server or is a JSON data block.
        foreach (System.Text.RegularExpressions.Match tag in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>"))
        {
            Assert.True(tag.Value.Contains("src=\"/assets/", StringComparison.Ordinal) || tag.Value.Contains("type=\"application/json\"", StringComparison.Ordinal), tag.Value);
        }
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        using var client = site.Anonymous();
        var response = await DemoSite.SignInAsync(client, DemoSite.Viewer, DemoSite.Password);
        string cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(EvidentServer.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(DemoSite.Viewer, "/", HttpStatusCode.OK)]
    [InlineData(DemoSite.Analyst, "/", HttpStatusCode.OK)]
    [InlineData(DemoSite.Frontline, "/", HttpStatusCode.Redirect)]
    public async Task Roles_open_the_pages_they_may(string email, string path, HttpStatusCode expected)
    {
        using var client = await site.SignedInAsync(email);
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_setup_page_is_closed_once_there_is_a_user()
    {
        using var client = site.Anonymous();
        var response = await client.GetAsync("/setup?token=anything");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<form method=\"post\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setup_page_creates_the_first_admin_only_with_the_printed_token()
    {
        using var folder = new TempFolder();
        string database = Path.Combine(folder.Path, "empty.db");
        await using (var factory = DemoSite.Serve(database))
        {
            using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/setup?token=wrong")).StatusCode);
            string token = factory.Services.GetRequiredService<SetupToken>().Value;
            string page = await client.GetStringAsync("/setup?token=" + token);
            var created = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = token,
                ["email"] = "first@example.org",
                ["password"] = DemoSite.Password,
                ["__RequestVerificationToken"] = DemoSite.AntiforgeryToken(page),
            }));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup?token=" + token)).StatusCode);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_deleted_user_is_signed_out_at_the_next_request()
    {
        string email = "short-lived@example.org";
        await using (var workspace = await Store.Workspace.OpenAsync(Store.StoreLocation.Resolve(site.Database), create: false))
        {
            await new Store.Access.AccessStore(workspace).AddUserAsync(email, Passwords.Hash(DemoSite.Password), Roles.Viewer, null);
        }

        using var client = await site.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using (var workspace = await Store.Workspace.OpenAsync(Store.StoreLocation.Resolve(site.Database), create: false))
        {
            var store = new Store.Access.AccessStore(workspace);
            Assert.True(await store.DeleteUserAsync((await store.FindUserAsync(email))!.Id));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_signed_in_before_the_password_was_set_anew_is_signed_out_and_a_new_one_works()
    {
        string email = "forgetful@example.org";
        await using (var workspace = await Store.Workspace.OpenAsync(Store.StoreLocation.Resolve(site.Database), create: false))
        {
            await new Store.Access.AccessStore(workspace).AddUserAsync(email, Passwords.Hash(DemoSite.Password), Roles.Viewer, null);
        }

        using var before = await site.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/")).StatusCode);
        await using (var workspace = await Store.Workspace.OpenAsync(Store.StoreLocation.Resolve(site.Database), create: false))
        {
            // what `evident user password` does: the same password hashed anew (another salt) is a new stamp too
            var store = new Store.Access.AccessStore(workspace);
            Assert.True(await store.SetPasswordHashAsync((await store.FindUserAsync(email))!.Id, Passwords.Hash(DemoSite.Password)));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/")).StatusCode);
        using var after = await site.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/voices")).StatusCode);
    }

    [Fact]
    public async Task The_api_wants_a_key_and_answers_problems_as_json()
    {
        using var client = site.Anonymous();
        var anonymous = await client.GetAsync("/api/v1/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "evk_notakeyatall");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/metrics")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.ReadKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/metrics")).StatusCode);
    }

    [Fact]
    public async Task Chart_js_is_served_by_the_server_itself()
    {
        using var client = site.Anonymous();
        var response = await client.GetAsync("/assets/lib/chart.umd.min.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chart", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/nothing-here.js")).StatusCode);
    }
}
