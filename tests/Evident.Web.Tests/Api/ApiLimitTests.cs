using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Evident.Web.Tests.Api;

/// <summary>The API's limits on a site of its own whose limits are small: requests per minute per key, body size.</summary>
public sealed class ApiLimitTests
{
    [Fact]
    public async Task Past_the_requests_a_minute_a_key_is_refused_with_retry_after_while_another_key_goes_on()
    {
        await using var site = await LimitedAsync(requestsPerMinute: 3, maxBodyBytes: 1_000_000);
        using var reader = site.Client(site.ReadKey);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (int i = 0; i < 4; i++)
        {
            var response = await reader.GetAsync("/api/v1/verbatims?page_size=1");
            statuses.Add(response.StatusCode);
            refused = response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var problem = await ApiSite.ProblemAsync(refused!, HttpStatusCode.TooManyRequests);
        Assert.StartsWith("at most 3 requests a minute per API key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        int retryAfter = int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);

        using var writer = site.Client(site.WriteKey);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/api/v1/verbatims?page_size=1")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_whether_its_length_is_announced_or_not()
    {
        await using var site = await LimitedAsync(requestsPerMinute: 1_000, maxBodyBytes: 2_000);
        using var writer = site.Client(site.WriteKey);
        string large = $$"""{"id": "big", "date": "2025-03-01T09:00:00Z", "text": "{{new string('a', 3_000)}}", "source": "big"}""";

        var announced = await writer.PostAsync("/api/v1/feedback", ApiSite.Json(large));
        var problem = await ApiSite.ProblemAsync(announced, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("the body is larger than 2,000 bytes (Evident:ApiMaxBodyBytes): send fewer items in each request", problem.GetProperty("detail").GetString());

        using var streamed = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(large)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await ApiSite.ProblemAsync(await writer.PostAsync("/api/v1/feedback", streamed), HttpStatusCode.RequestEntityTooLarge);

        var audit = await writer.PostAsync("/api/v1/audit", ApiSite.Json($$"""{"text": "{{new string('b', 3_000)}}"}"""));
        await ApiSite.ProblemAsync(audit, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(0, site.Scalar("SELECT count(*) FROM feedback"));
        string small = """{"id": "small", "date": "2025-03-01T09:00:00Z", "text": "Fine.", "source": "big"}""";
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/api/v1/feedback", ApiSite.Json(small))).StatusCode);
    }

    private static async Task<LimitedSite> LimitedAsync(int requestsPerMinute, long maxBodyBytes) =>
        new(await ApiSite.CreateAsync(requestsPerMinute, maxBodyBytes));

    /// <summary>Disposes the site and its folder.</summary>
    private sealed class LimitedSite(ApiSite site) : IAsyncDisposable
    {
        public string ReadKey => site.ReadKey;

        public string WriteKey => site.WriteKey;

        public HttpClient Client(string key) => site.Client(key);

        public long Scalar(string sql) => site.Scalar(sql);

        public async ValueTask DisposeAsync()
        {
            await site.DisposeAsync();
            site.Dispose();
        }
    }

    /// <summary>A body whose length the client cannot tell, so that it is sent in chunks with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
