using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Evident.Web.Tests;

/// <summary>
/// An empty workspace of its own (a real SQLite file) served by the real application, with a user of each role, and
/// the steps of the Imports page as a browser takes them: upload, read the preview, start, follow the status.
/// </summary>
internal sealed partial class ImportsSite : IAsyncDisposable
{
    public const string Analyst = "analyst@example.org";
    public const string Admin = "admin@example.org";
    public const string Viewer = "viewer@example.org";
    public const string Frontline = "frontline@example.org";

    private readonly TempFolder _folder = new();

    private ImportsSite()
    {
    }

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string Database => Path.Combine(_folder.Path, "evident.db");

    /// <summary>Where the server keeps uploads and rejects: beside the workspace.</summary>
    public string ImportsFolder => Database + "-imports";

    public static async Task<ImportsSite> CreateAsync()
    {
        var site = new ImportsSite();
        await using (var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(site.Database)))
        {
            var store = new AccessStore(workspace);
            await store.AddUserAsync(Analyst, Passwords.Hash(DemoSite.Password), Roles.Analyst, null);
            await store.AddUserAsync(Admin, Passwords.Hash(DemoSite.Password), Roles.Admin, null);
            await store.AddUserAsync(Viewer, Passwords.Hash(DemoSite.Password), Roles.Viewer, null);
            await store.AddUserAsync(Frontline, Passwords.Hash(DemoSite.Password), Roles.Frontline, "billing");
        }

        site.Factory = DemoSite.Serve(site.Database);
        return site;
    }

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await DemoSite.SignInAsync(client, email, DemoSite.Password)).StatusCode);
        return client;
    }

    /// <summary>Posts the upload form of /imports with a file, as a browser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string kind, string? token = null)
    {
        token ??= DemoSite.AntiforgeryToken(await client.GetStringAsync("/imports"));
        using var form = new MultipartFormDataContent();
        if (token.Length > 0)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(""), "source");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/imports", form);
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content, string kind) =>
        UploadAsync(client, fileName, Encoding.UTF8.GetBytes(content), kind);

    /// <summary>The field chosen for each column in the preview's mapping form, in column order.</summary>
    public static List<string> Mapping(string preview) =>
        [.. MappingSelect().Matches(preview).Select(select => SelectedOption().Match(select.Groups[1].Value) is { Success: true } option
            ? WebUtility.HtmlDecode(option.Groups[1].Value)
            : throw new InvalidOperationException("a column with no option selected"))];

    /// <summary>Posts the preview's mapping form to a handler (preview, start), with <paramref name="mapping"/> or the page's own choices.</summary>
    /// <param name="dates">The choice for dates that read either way; none posted (as auto) when null.</param>
    public static async Task<HttpResponseMessage> PostMappingAsync(
        HttpClient client, string preview, string handler, IReadOnlyList<string>? mapping = null, string? dates = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", DemoSite.AntiforgeryToken(preview)) };
        foreach (Match hidden in HiddenField().Matches(preview))
        {
            fields.Add(new(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value)));
        }

        foreach (string choice in mapping ?? Mapping(preview))
        {
            fields.Add(new("mapping", choice));
        }

        if (dates is not null)
        {
            fields.Add(new("dates", dates));
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync($"/imports?handler={handler}", form);
    }

    /// <summary>Uploads, starts with the preview's mapping, and waits for the run to end: its id and final state.</summary>
    public static async Task<(long Id, JsonElement State)> ImportAsync(HttpClient client, string fileName, string content, string kind = "feedback")
    {
        var upload = await UploadAsync(client, fileName, content, kind);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var start = await PostMappingAsync(client, await upload.Content.ReadAsStringAsync(), "start");
        return await FollowAsync(client, start);
    }

    /// <summary>Follows the redirect of a started import to its run and polls its status until it has ended.</summary>
    public static async Task<(long Id, JsonElement State)> FollowAsync(HttpClient client, HttpResponseMessage start)
    {
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = RunLocation().Match(start.Headers.Location!.OriginalString);
        Assert.True(location.Success, start.Headers.Location.OriginalString);
        long id = long.Parse(location.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Generous: the first import in a process loads the language engine; the run itself takes milliseconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            string json = await client.GetStringAsync($"/imports/{id}/status", timeout.Token);
            var state = JsonDocument.Parse(json).RootElement;
            if (state.GetProperty("status").GetString() != "running")
            {
                return (id, state);
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Uploads waiting in the server's folder (not rejects files).</summary>
    public string[] StoredUploads() =>
        Directory.Exists(ImportsFolder) ? [.. Directory.GetFiles(ImportsFolder).Select(Path.GetFileName).Where(n => !n!.StartsWith("run-", StringComparison.Ordinal))!] : [];

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [GeneratedRegex("<select name=\"mapping\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex MappingSelect();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("<input type=\"hidden\" name=\"(upload|name|kind|source)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("^/imports/(\\d+)$")]
    private static partial Regex RunLocation();
}
