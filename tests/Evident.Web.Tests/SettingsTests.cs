using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Evident.Web.Tests;

/// <summary>Settings: users, API keys and thresholds, on a copy of the demo workspace (the changes stay there).</summary>
[Collection(DemoSiteGroup.Name)]
public sealed partial class SettingsTests(DemoSite site) : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A copy of the demo workspace served on its own, and an admin client signed in to it.</summary>
    private async Task<(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory, HttpClient Admin)> CopyAsync()
    {
        string copy = Path.Combine(_folder.Path, "copy.db");
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={site.Database};Pooling=False"))
        {
            await source.OpenAsync();
            await using var command = source.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", copy);
            await command.ExecuteNonQueryAsync();
        }

        var factory = DemoSite.Serve(copy);
        var admin = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await DemoSite.SignInAsync(admin, DemoSite.Admin, DemoSite.Password)).StatusCode);
        return (factory, admin);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> form)
    {
        string page = await client.GetStringAsync("/settings");
        form["__RequestVerificationToken"] = DemoSite.AntiforgeryToken(page);
        return await client.PostAsync("/settings?handler=" + handler, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Only_an_admin_opens_settings()
    {
        using var analyst = await site.SignedInAsync(DemoSite.Analyst);
        var response = await analyst.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var admin = await site.SignedInAsync(DemoSite.Admin);
        Assert.Contains(DemoSite.Frontline, await admin.GetStringAsync("/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_a_frontline_user_who_then_signs_in_to_their_team()
    {
        var (factory, admin) = await CopyAsync();
        await using var _ = factory;
        using var __ = admin;
        var added = await PostAsync(admin, "AddUser", new() { ["email"] = "Nurse@Example.org", ["role"] = "frontline", ["team"] = "clinical", ["password"] = DemoSite.Password });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        string addedPage = await added.Content.ReadAsStringAsync();
        Assert.Contains("Added nurse@example.org (frontline).", addedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", addedPage, StringComparison.Ordinal);
        var misspelt = await PostAsync(admin, "AddUser", new() { ["email"] = "desk@example.org", ["role"] = "frontline", ["team"] = "Front Desk", ["password"] = DemoSite.Password });
        string misspeltPage = await misspelt.Content.ReadAsStringAsync();
        Assert.Contains("Added desk@example.org (frontline). Note: none of the latest 20,000 comments carries the team &quot;Front Desk&quot;, so they may see none; "
            + "the teams there: ", misspeltPage, StringComparison.Ordinal);
        Assert.Matches("the teams there: [^<]*\\bclinical\\b[^<]*\\bfront-desk\\b", misspeltPage);

        using var nurse = factory.CreateClient(new() { AllowAutoRedirect = false });
        var signIn = await DemoSite.SignInAsync(nurse, "nurse@example.org", DemoSite.Password);
        Assert.Equal("/voices", signIn.Headers.Location!.OriginalString);

        var noTeam = await PostAsync(admin, "AddUser", new() { ["email"] = "x@example.org", ["role"] = "frontline", ["team"] = "", ["password"] = DemoSite.Password });
        Assert.Equal(HttpStatusCode.BadRequest, noTeam.StatusCode);
        Assert.Contains("needs a team", await noTeam.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_made_in_settings_is_shown_once_opens_the_api_and_stops_when_revoked()
    {
        var (factory, admin) = await CopyAsync();
        await using var _ = factory;
        using var __ = admin;
        var created = await PostAsync(admin, "AddKey", new() { ["name"] = "BI tool", ["scope"] = "read" });
        string html = await created.Content.ReadAsStringAsync();
        string key = NewKey().Match(html).Groups[1].Value;
        Assert.StartsWith("evk_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, await admin.GetStringAsync("/settings"), StringComparison.Ordinal);

        using var machine = factory.CreateClient();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/metrics")).StatusCode);

        string list = await admin.GetStringAsync("/settings");
        string id = RevokeId().Matches(list).Last().Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "RevokeKey", new() { ["id"] = id })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/v1/metrics")).StatusCode);
    }

    [Fact]
    public async Task Raising_the_anonymity_threshold_withholds_team_figures_and_the_floor_holds()
    {
        var (factory, admin) = await CopyAsync();
        await using var _ = factory;
        using var __ = admin;
        Assert.Matches("<td>call-centre</td>\\s*<td>-?\\d+ \\[", await admin.GetStringAsync("/employees"));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "Thresholds", new() { ["anonymity"] = "100", ["minResponses"] = "30" })).StatusCode);
        string employees = await admin.GetStringAsync("/employees");
        Assert.Contains("fewer than 100 respondents", employees, StringComparison.Ordinal);
        Assert.DoesNotMatch("<td>call-centre</td>\\s*<td>-?\\d+ \\[", employees);

        var below = await PostAsync(admin, "Thresholds", new() { ["anonymity"] = "2", ["minResponses"] = "30" });
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        Assert.Contains("between 3 and 100", await below.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed_or_demoted()
    {
        var (factory, admin) = await CopyAsync();
        await using var _ = factory;
        using var __ = admin;
        string list = await admin.GetStringAsync("/settings");
        string id = AdminId().Match(list).Groups[1].Value;
        var demote = await PostAsync(admin, "UpdateUser", new() { ["id"] = id, ["role"] = "viewer", ["team"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("last admin", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var remove = await PostAsync(admin, "DeleteUser", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
    }

    [Fact]
    public async Task A_change_without_the_anti_forgery_token_is_refused()
    {
        var (factory, admin) = await CopyAsync();
        await using var _ = factory;
        using var __ = admin;
        var response = await admin.PostAsync("/settings?handler=AddKey", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["scope"] = "write" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [GeneratedRegex("id=\"new-api-key\">([^<]+)<")]
    private static partial Regex NewKey();

    [GeneratedRegex("handler=RevokeKey\"[^>]*>\\s*<input type=\"hidden\" name=\"id\" value=\"(\\d+)\"")]
    private static partial Regex RevokeId();

    [GeneratedRegex("<td>admin@example.org</td>\\s*<td colspan=\"2\">\\s*<form[^>]*>\\s*<input type=\"hidden\" name=\"id\" value=\"(\\d+)\"")]
    private static partial Regex AdminId();
}
