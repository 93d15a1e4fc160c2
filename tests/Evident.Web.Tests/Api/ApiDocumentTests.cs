using System.Net;
using System.Text.Json;

namespace Evident.Web.Tests.Api;

/// <summary>The OpenAPI document and the audit of a text, on the demo site (neither writes).</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class ApiDocumentTests(DemoSite site)
{
    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_with_its_problems()
    {
        using var client = ApiSite.KeyClient(site.Factory, site.ReadKey);
        var document = await ApiSite.GetAsync(client, "/api/v1/openapi.json");
        var paths = document.GetProperty("paths");

        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "GET /api/v1/drivers", "GET /api/v1/friction", "GET /api/v1/metrics", "GET /api/v1/themes", "GET /api/v1/verbatims",
            "POST /api/v1/audit", "POST /api/v1/communications", "POST /api/v1/feedback", "POST /api/v1/interactions", "POST /api/v1/journey",
        ], operations);
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                string name = $"{operation.Name} {path.Name}";
                Assert.False(string.IsNullOrEmpty(operation.Value.GetProperty("operationId").GetString()), name);
                Assert.False(string.IsNullOrEmpty(operation.Value.GetProperty("summary").GetString()), name);
                var responses = operation.Value.GetProperty("responses");
                foreach (string status in new[] { "400", "401", "403", "429" })
                {
                    Assert.True(responses.TryGetProperty(status, out var problem), $"{name} declares no {status}");
                    Assert.True(problem.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {status}");
                }
            }
        }

        var verbatims = paths.GetProperty("/api/v1/verbatims").GetProperty("get");
        Assert.Equal(
            ["q", "source", "segment", "theme", "friction", "sentiment", "score_min", "score_max", "from", "to", "page", "page_size"],
            verbatims.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var feedback = paths.GetProperty("/api/v1/feedback").GetProperty("post");
        Assert.True(feedback.GetProperty("responses").TryGetProperty("413", out _));
        var item = feedback.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf")[0];
        Assert.Equal(["date", "id"], item.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["id", "date", "text", "nps", "csat", "ces", "rating", "person", "segment", "region", "channel", "team", "interaction", "source"],
            item.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("VerbatimsResponse", out _));
    }

    [Fact]
    public async Task An_audit_finds_a_wait_with_its_minutes_and_the_spans_behind_it()
    {
        using var client = ApiSite.KeyClient(site.Factory, site.ReadKey);
        const string text = "I was on hold for 40 minutes and nobody answered.";

        var (status, analysis) = await ApiSite.PostAsync(client, "/api/v1/audit", JsonSerializer.Serialize(new { text }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("negative", analysis.GetProperty("sentiment").GetProperty("label").GetString());
        var wait = analysis.GetProperty("friction").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "wait");
        Assert.Equal(40, wait.GetProperty("minutes").GetDouble());
        var spans = wait.GetProperty("spans").EnumerateArray().ToList();
        Assert.NotEmpty(spans);
        foreach (var span in spans)
        {
            int start = span.GetProperty("start").GetInt32(), length = span.GetProperty("length").GetInt32();
            Assert.Equal(text.Substring(start, length), span.GetProperty("text").GetString());
        }

        Assert.Contains(spans, s => s.GetProperty("text").GetString()!.Contains("40", StringComparison.Ordinal));
        Assert.Contains(analysis.GetProperty("themes").EnumerateArray(), t => t.GetProperty("id").GetString() == "wait-time");
        Assert.Equal(JsonValueKind.Object, analysis.GetProperty("signals").ValueKind);
    }

    [Fact]
    public async Task An_audit_finds_the_signals_of_an_organisations_post()
    {
        using var client = ApiSite.KeyClient(site.Factory, site.ReadKey);
        const string post = "We are committed to putting customers first. We will always answer within 24 hours.";

        var (status, analysis) = await ApiSite.PostAsync(client, "/api/v1/audit", JsonSerializer.Serialize(new { text = post }));

        Assert.Equal(HttpStatusCode.OK, status);
        var signals = analysis.GetProperty("signals").EnumerateObject().ToList();
        Assert.NotEmpty(signals);
        foreach (var span in signals.SelectMany(s => s.Value.EnumerateArray()))
        {
            Assert.Equal(post.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()), span.GetProperty("text").GetString());
        }
    }

    [Theory]
    [InlineData("""{"text": ""}""", "field 'text': the text to audit is missing or empty")]
    [InlineData("""{"words": "hello"}""", "unknown field 'words': the body is {\"text\": \"…\"}")]
    [InlineData("""{"text": 42}""", "field 'text': expected a string")]
    [InlineData("""["hello"]""", "expected an object such as {\"text\": \"…\"}")]
    public async Task An_audit_refuses_a_body_that_is_not_one_text(string json, string detail)
    {
        using var client = ApiSite.KeyClient(site.Factory, site.ReadKey);
        var problem = await ApiSite.ProblemAsync(await client.PostAsync("/api/v1/audit", ApiSite.Json(json)), HttpStatusCode.BadRequest);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_audit_of_a_text_longer_than_twenty_thousand_characters_is_refused()
    {
        using var client = ApiSite.KeyClient(site.Factory, site.ReadKey);
        string json = JsonSerializer.Serialize(new { text = new string('a', 20_001) });
        var problem = await ApiSite.ProblemAsync(await client.PostAsync("/api/v1/audit", ApiSite.Json(json)), HttpStatusCode.BadRequest);
        Assert.Equal("field 'text': at most 20,000 characters, found 20,001", problem.GetProperty("detail").GetString());
    }
}
