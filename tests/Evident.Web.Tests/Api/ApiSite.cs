using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Api;
using Evident.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Evident.Web.Tests.Api;

/// <summary>
/// An empty workspace of its own (a real SQLite file) served by the real application with an API key of each scope,
/// for the tests that write through the API or need limits of their own; the demo workspace is never written to.
/// </summary>
public sealed class ApiSite : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly int _requestsPerMinute;
    private readonly long _maxBodyBytes;

    public ApiSite()
        : this(100_000, ApiLimits.DefaultMaxBodyBytes)
    {
    }

    private ApiSite(int requestsPerMinute, long maxBodyBytes)
    {
        _requestsPerMinute = requestsPerMinute;
        _maxBodyBytes = maxBodyBytes;
    }

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string Database => Path.Combine(_folder.Path, "evident.db");

    public string ReadKey { get; private set; } = "";

    public string WriteKey { get; private set; } = "";

    /// <summary>A site whose limits are small enough to reach in a test.</summary>
    public static async Task<ApiSite> CreateAsync(int requestsPerMinute, long maxBodyBytes)
    {
        var site = new ApiSite(requestsPerMinute, maxBodyBytes);
        await site.InitializeAsync();
        return site;
    }

    public async Task InitializeAsync()
    {
        await using (var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(Database)))
        {
            var store = new AccessStore(workspace);
            ReadKey = await AddKeyAsync(store, "reader", "read");
            WriteKey = await AddKeyAsync(store, "writer", "write");
        }

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Evident:Db", Database);
            builder.UseSetting("Evident:ApiRequestsPerMinute", _requestsPerMinute.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Evident:ApiMaxBodyBytes", _maxBodyBytes.ToString(CultureInfo.InvariantCulture));
        });
    }

    /// <summary>A client that sends <paramref name="key"/> as a bearer token.</summary>
    public HttpClient Client(string key) => KeyClient(Factory, key);

    public static HttpClient KeyClient(WebApplicationFactory<Program> factory, string key)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Posts <paramref name="json"/> and returns the status and the parsed answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = Json(json);
        var response = await client.PostAsync(path, content);
        return (response.StatusCode, await BodyAsync(response));
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await BodyAsync(response);
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer of <paramref name="status"/> and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public List<string> Strings(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<string> AddKeyAsync(AccessStore store, string name, string scope)
    {
        var (key, prefix, hash) = ApiKeys.Create();
        await store.AddApiKeyAsync(name, prefix, hash, scope);
        return key;
    }
}
