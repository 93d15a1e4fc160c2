using System.Globalization;
using System.Net;
using System.Text.Json;
using static Evident.Web.Tests.VoicesPage;

namespace Evident.Web.Tests.Api;

/// <summary>Reading the demo workspace through the API: the figures agree with SQL of the tests' own, filters and pages hold.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class ApiReadTests(DemoSite site)
{
    private const string WaitTime = "EXISTS (SELECT 1 FROM feedback_theme t WHERE t.feedback_id = f.id AND t.theme = 'wait-time')";
    private const string Wait = "EXISTS (SELECT 1 FROM feedback_friction x WHERE x.feedback_id = f.id AND x.kind = 'wait')";

    private HttpClient Reader() => ApiSite.KeyClient(site.Factory, site.ReadKey);

    [Fact]
    public async Task Metrics_give_the_scorecard_overall_per_period_and_per_group()
    {
        using var client = Reader();
        var metrics = await ApiSite.GetAsync(client, "/api/v1/metrics?by=source&period=month");

        Assert.Equal(("month", "source"), (metrics.GetProperty("period").GetString(), metrics.GetProperty("by").GetString()));
        long npsAnswers = Convert.ToInt64(Scalar(site.Database, "SELECT count(*) FROM feedback WHERE subject = 'customer' AND score_kind = 'nps'"), CultureInfo.InvariantCulture);
        Assert.Equal(npsAnswers, metrics.GetProperty("overall").GetProperty("nps").GetProperty("n").GetInt64());
        Assert.InRange(metrics.GetProperty("overall").GetProperty("nps").GetProperty("value").GetDouble(), -100, 100);
        var groups = metrics.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, g => g);
        Assert.Equal(SqlStrings("SELECT DISTINCT source FROM feedback ORDER BY source"), groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(npsAnswers, groups["survey"].GetProperty("scores").GetProperty("nps").GetProperty("n").GetInt64());
        var periods = metrics.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()!).ToList();
        Assert.True(periods.Count > 3);
        Assert.All(periods, p => Assert.Matches("^\\d{4}-\\d{2}$", p));
        Assert.Equal(periods.Order(StringComparer.Ordinal), periods);
    }

    [Fact]
    public async Task Themes_count_the_comments_that_raise_them_and_lead_to_those_comments()
    {
        using var client = Reader();
        var themes = (await ApiSite.GetAsync(client, "/api/v1/themes")).GetProperty("themes").EnumerateArray().ToList();

        long commented = SqlCount(site.Database, "1 = 1");
        var wait = themes.Single(t => t.GetProperty("id").GetString() == "wait-time");
        long mentions = SqlCount(site.Database, WaitTime);
        Assert.Equal(mentions, wait.GetProperty("mentions").GetInt64());
        Assert.Equal("Wait time", wait.GetProperty("name").GetString());
        Assert.Equal(100.0 * mentions / commented, wait.GetProperty("share").GetProperty("value").GetDouble(), 2);
        Assert.Equal("fix first", wait.GetProperty("quadrant").GetString());
        Assert.True(wait.GetProperty("sentiment").GetDouble() < 0);
        Assert.Equal(mentions, wait.GetProperty("trend").EnumerateArray().Sum(t => t.GetProperty("mentions").GetInt64()));
        Assert.Equal(themes.Select(t => t.GetProperty("mentions").GetInt64()).OrderDescending(), themes.Select(t => t.GetProperty("mentions").GetInt64()));

        string link = wait.GetProperty("verbatims").GetString()!;
        Assert.Equal("/api/v1/verbatims?theme=wait-time", link);
        Assert.Equal(mentions, (await ApiSite.GetAsync(client, link)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Drivers_rank_by_nps_cost_and_place_each_topic_by_importance_and_performance()
    {
        using var client = Reader();
        var drivers = await ApiSite.GetAsync(client, "/api/v1/drivers?period=week");
        Assert.Equal("week", drivers.GetProperty("period").GetString());

        foreach (string map in new[] { "themes", "friction" })
        {
            var block = drivers.GetProperty(map);
            double split = block.GetProperty("importanceSplit").GetDouble();
            var list = block.GetProperty("drivers").EnumerateArray().ToList();
            Assert.NotEmpty(list);
            var moves = list.Select(d => d.GetProperty("npsImpact").GetProperty("moveWithout"))
                .TakeWhile(m => m.ValueKind == JsonValueKind.Number).Select(m => m.GetDouble()).ToList();
            Assert.True(moves.Count > 1, map);
            Assert.Equal(moves.OrderDescending(), moves);
            Assert.All(list.Skip(moves.Count), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("npsImpact").GetProperty("moveWithout").ValueKind));
            foreach (var driver in list.Where(d => d.GetProperty("quadrant").ValueKind == JsonValueKind.String))
            {
                bool important = driver.GetProperty("importance").GetDouble() >= split - 0.001;
                bool performing = driver.GetProperty("performance").GetDouble() >= 0;
                string expected = (important, performing) switch
                {
                    (true, false) => "fix first",
                    (true, true) => "keep up",
                    (false, false) => "watch",
                    _ => "maintain",
                };
                Assert.Equal(expected, driver.GetProperty("quadrant").GetString());
            }
        }

        var first = drivers.GetProperty("themes").GetProperty("drivers")[0];
        Assert.Equal("wait-time", first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("npsImpact").GetProperty("significant").GetBoolean());
    }

    [Fact]
    public async Task Friction_gives_the_kinds_by_stage_and_the_interactions_figures()
    {
        using var client = Reader();
        var friction = await ApiSite.GetAsync(client, "/api/v1/friction");

        var wait = friction.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "wait");
        Assert.Equal(SqlCount(site.Database, Wait), wait.GetProperty("mentions").GetInt64());
        Assert.Equal("/api/v1/verbatims?friction=wait", wait.GetProperty("verbatims").GetString());
        var operations = friction.GetProperty("operations");
        long interactions = Convert.ToInt64(Scalar(site.Database, "SELECT count(*) FROM interaction"), CultureInfo.InvariantCulture);
        Assert.Equal(interactions, operations.GetProperty("overall").GetProperty("contacts").GetInt64());
        Assert.Equal(interactions, operations.GetProperty("byChannel").EnumerateArray().Sum(c => c.GetProperty("contacts").GetInt64()));
        Assert.Equal(SqlStrings("SELECT DISTINCT coalesce(channel, '') FROM interaction ORDER BY 1"),
            operations.GetProperty("byChannel").EnumerateArray().Select(c => c.GetProperty("group").GetString()!).Order(StringComparer.Ordinal));
        var stages = friction.GetProperty("byStage").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
        Assert.Contains("care", stages);
        Assert.Equal(["promoter", "passive", "detractor"], friction.GetProperty("sayDo").GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("class").GetString()));
    }

    [Theory]
    [InlineData("?source=survey", "f.source = 'survey'")]
    [InlineData("?theme=wait-time&sentiment=negative", WaitTime + " AND f.sentiment <= -0.05")]
    [InlineData("?friction=wait&segment=regular", Wait + " AND f.segment = 'regular'")]
    [InlineData("?score_min=0&score_max=6", "f.score BETWEEN 0 AND 6")]
    [InlineData("?q=receptionist&source=survey", "instr(lower(f.text), 'receptionist') > 0 AND f.source = 'survey'")]
    public async Task Verbatims_filters_find_what_sql_counts(string query, string condition)
    {
        long expected = SqlCount(site.Database, condition);
        Assert.InRange(expected, 1, SqlCount(site.Database, "1 = 1") - 1);
        using var client = Reader();

        var page = await ApiSite.GetAsync(client, "/api/v1/verbatims" + query);

        Assert.Equal(expected, page.GetProperty("total").GetInt64());
        Assert.Equal((int)Math.Min(expected, 50), page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Verbatims_pages_are_disjoint_newest_first_and_link_to_the_next()
    {
        var expected = SqlIds(site.Database,
            "SELECT id FROM feedback f WHERE f.subject = 'customer' AND f.text IS NOT NULL AND f.source = 'reviews' ORDER BY f.day DESC, f.id DESC");
        using var client = Reader();

        var first = await ApiSite.GetAsync(client, "/api/v1/verbatims?source=reviews&page_size=200");
        string next = first.GetProperty("next").GetString()!;
        Assert.Equal("/api/v1/verbatims?source=reviews&page=2&page_size=200", next);
        var second = await ApiSite.GetAsync(client, next);

        Assert.Equal((expected.Count, 1L, 200), (first.GetProperty("total").GetInt64(), first.GetProperty("page").GetInt64(), first.GetProperty("pageSize").GetInt32()));
        Assert.Equal(expected.Take(200), Ids(first));
        Assert.Equal(expected.Skip(200).Take(200), Ids(second));
        int lastPage = (expected.Count + 199) / 200;
        Assert.True(lastPage >= 3);
        var last = await ApiSite.GetAsync(client, $"/api/v1/verbatims?source=reviews&page_size=200&page={lastPage}");
        Assert.Equal(expected.Skip((lastPage - 1) * 200), Ids(last));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        Assert.Empty(Ids(await ApiSite.GetAsync(client, $"/api/v1/verbatims?source=reviews&page_size=200&page={lastPage + 1}")));

        var item = first.GetProperty("items")[0];
        var stored = SqlStrings($"SELECT external_id || '|' || source || '|' || text FROM feedback WHERE id = {expected[0]}").Single();
        Assert.Equal(stored, $"{item.GetProperty("externalId").GetString()}|{item.GetProperty("source").GetString()}|{item.GetProperty("text").GetString()}");
    }

    [Theory]
    [InlineData("page=abc", "page", "expected a whole number from 1 to 100000000, found \"abc\"")]
    [InlineData("page_size=0", "page_size", "expected a whole number from 1 to 200, found \"0\"")]
    [InlineData("page_size=1000", "page_size", "expected a whole number from 1 to 200, found \"1000\"")]
    [InlineData("sentiment=xyz", "sentiment", "expected one of positive, neutral, negative, found \"xyz\"")]
    [InlineData("from=2025-13-01", "from", "expected a day as yyyy-MM-dd, such as 2025-03-14, found \"2025-13-01\"")]
    [InlineData("from=2025-03-02&to=2025-03-01", "from", "must not be after to")]
    [InlineData("score_min=low", "score_min", "expected a number such as 6 or 4.5, found \"low\"")]
    [InlineData("score_min=9&score_max=6", "score_min", "must not be above score_max")]
    [InlineData("theme=a&theme=b", "theme", "given more than once; give it once")]
    [InlineData("themes=wait-time", "themes", "unknown parameter; this endpoint takes q, source, segment, theme, friction, sentiment, score_min, score_max, from, to, page, page_size")]
    [InlineData("theme=wait-times", "theme", "no theme \"wait-times\"; /api/v1/themes lists the themes by id")]
    [InlineData("friction=waiting&source=survey", "friction",
        "expected one of automation, broken-promise, channel-switch, process-burden, repeat-contact, transfer, unresolved, wait, found \"waiting\"")]
    public async Task Verbatims_refuse_a_value_that_does_not_parse_naming_the_parameter(string query, string parameter, string message)
    {
        using var client = Reader();
        var problem = await ApiSite.ProblemAsync(await client.GetAsync("/api/v1/verbatims?" + query), HttpStatusCode.BadRequest);

        Assert.Equal([message], problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));
        Assert.Contains($"{parameter}: {message}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbatims_of_a_known_theme_or_friction_kind_that_nothing_matches_are_an_empty_page()
    {
        using var client = Reader();

        foreach (string query in new[] { "theme=wait-time&q=zqxjkv", "friction=transfer&q=zqxjkv" })
        {
            var page = await ApiSite.GetAsync(client, "/api/v1/verbatims?" + query);
            Assert.Equal(0, page.GetProperty("total").GetInt64());
        }
    }

    [Theory]
    [InlineData("/api/v1/metrics?period=quarter", "period")]
    [InlineData("/api/v1/metrics?by=colour", "by")]
    [InlineData("/api/v1/themes?period=year", "period")]
    [InlineData("/api/v1/friction?by=source", "by")]
    public async Task Reads_refuse_an_unknown_period_or_grouping(string path, string parameter)
    {
        using var client = Reader();
        var problem = await ApiSite.ProblemAsync(await client.GetAsync(path), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Reading_needs_a_key_or_an_organisation_role()
    {
        using var anonymous = site.Anonymous();
        await ApiSite.ProblemAsync(await anonymous.GetAsync("/api/v1/verbatims"), HttpStatusCode.Unauthorized);

        using var frontline = await site.SignedInAsync(DemoSite.Frontline);
        foreach (string path in new[] { "/api/v1/verbatims", "/api/v1/themes", "/api/v1/metrics", "/api/v1/openapi.json" })
        {
            await ApiSite.ProblemAsync(await frontline.GetAsync(path), HttpStatusCode.Forbidden);
        }

        using var viewer = await site.SignedInAsync(DemoSite.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/verbatims?page_size=1")).StatusCode);
        // A person signed in may read, never write: writing needs a key with the write scope.
        using var admin = await site.SignedInAsync(DemoSite.Admin);
        var write = await admin.PostAsync("/api/v1/feedback", ApiSite.Json("""{"id": "x", "date": "2025-03-01", "text": "Hello."}"""));
        await ApiSite.ProblemAsync(write, HttpStatusCode.Forbidden);

        using var keyInHeader = site.Factory.CreateClient();
        keyInHeader.DefaultRequestHeaders.Add("X-Api-Key", site.ReadKey);
        Assert.Equal(HttpStatusCode.OK, (await keyInHeader.GetAsync("/api/v1/themes")).StatusCode);
    }

    [Fact]
    public async Task An_address_under_the_api_that_is_no_endpoint_is_a_problem_not_a_page()
    {
        using var client = Reader();
        var problem = await ApiSite.ProblemAsync(await client.GetAsync("/api/v1/comments"), HttpStatusCode.NotFound);
        Assert.Equal("no endpoint GET /api/v1/comments; the endpoints are listed at /api/v1/openapi.json", problem.GetProperty("detail").GetString());
    }

    private List<string> SqlStrings(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={site.Database};Mode=ReadOnly;Pooling=False");
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

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
}
