using System.Net;
using System.Text.Json;

namespace Evident.Web.Tests.Api;

/// <summary>
/// Writing through the API into an empty workspace of its own: what is posted is read back with its analysis, posting
/// it again adds nothing, a bad item is named by index and field while the others are imported. Each test writes under
/// a source of its own, so that the tests of the class share the workspace without counting each other's rows.
/// </summary>
public sealed class ApiWriteTests(ApiSite site) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task Posted_feedback_is_read_back_with_its_analysis_and_posting_it_again_adds_nothing()
    {
        using var writer = site.Client(site.WriteKey);
        const string item = """
            {"id": "fb-1", "date": "2025-03-14T09:30:00Z", "text": "I was on hold for 40 minutes and nobody answered.",
             "nps": 2, "source": "app", "segment": "new", "team": "billing", "channel": "chat"}
            """;

        var (status, body) = await ApiSite.PostAsync(writer, "/api/v1/feedback", item);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((1, 1, 0, 0), Counts(body));
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
        var read = await ApiSite.GetAsync(site.Client(site.ReadKey), "/api/v1/verbatims?source=app");
        Assert.Equal(1, read.GetProperty("total").GetInt64());
        var verbatim = read.GetProperty("items")[0];
        Assert.Equal("fb-1", verbatim.GetProperty("externalId").GetString());
        Assert.Equal("app", verbatim.GetProperty("source").GetString());
        Assert.Equal("I was on hold for 40 minutes and nobody answered.", verbatim.GetProperty("text").GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero), verbatim.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(("nps", 2.0), (verbatim.GetProperty("scoreKind").GetString(), verbatim.GetProperty("score").GetDouble()));
        Assert.Equal(("new", "billing", "chat"), (verbatim.GetProperty("segment").GetString(), verbatim.GetProperty("team").GetString(), verbatim.GetProperty("channel").GetString()));
        Assert.Equal("negative", verbatim.GetProperty("label").GetString());
        Assert.Contains("wait", Strings(verbatim.GetProperty("friction")));
        // Searchable at once, whether or not the server has indexed it yet: a phrase and a word, both required.
        var found = await ApiSite.GetAsync(site.Client(site.ReadKey), "/api/v1/verbatims?q=" + Uri.EscapeDataString("\"nobody answered\" hold"));
        Assert.Equal("fb-1", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("externalId").GetString());

        var (again, repeated) = await ApiSite.PostAsync(writer, "/api/v1/feedback", item);

        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal((1, 0, 1, 0), Counts(repeated));
        Assert.Equal(1, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'app'"));
        Assert.Equal(2, site.Scalar("SELECT count(*) FROM import_run WHERE kind = 'feedback' AND source = 'app' AND status = 'completed'"));
    }

    [Fact]
    public async Task A_batch_imports_the_good_items_and_names_each_bad_one_by_index_and_field()
    {
        using var writer = site.Client(site.WriteKey);
        const string batch = """
            [
              {"id": "b-0", "date": "2025-03-01T09:00:00Z", "text": "Lovely staff.", "nps": 10, "source": "batch"},
              {"id": "b-1", "date": "2025-13-45", "text": "Fine.", "source": "batch"},
              {"id": "b-2", "date": "2025-03-02T09:00:00Z", "text": "Fine.", "colour": "blue", "source": "batch"},
              {"date": "2025-03-02T09:00:00Z", "text": "No id.", "source": "batch"},
              {"id": "b-4", "date": "2025-03-02T09:00:00Z", "nps": 11, "source": "batch"},
              "not an object",
              {"id": "b-6", "created_at": "2025-03-03T09:00:00Z", "comment": "Quick and kind.", "customer_id": "c-6", "source": "batch"}
            ]
            """;

        var (status, body) = await ApiSite.PostAsync(writer, "/api/v1/feedback", batch);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((7, 2, 0, 5), Counts(body));
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([1, 2, 3, 4, 5], errors.Select(e => e.Item1));
        Assert.Equal(["date", "colour", "id", "nps", null], errors.Select(e => e.Item2));
        Assert.StartsWith("expected a date and time", errors[0].Item3, StringComparison.Ordinal);
        Assert.StartsWith("unknown field 'colour' for feedback; the fields are id, date, text", errors[1].Item3, StringComparison.Ordinal);
        Assert.StartsWith("the required field 'id' is missing", errors[2].Item3, StringComparison.Ordinal);
        Assert.Equal("expected a nps score from 0 to 10, found \"11\"", errors[3].Item3);
        Assert.Equal("expected a JSON object, found a string", errors[4].Item3);
        Assert.Equal(["b-0", "b-6"], site.Strings("SELECT external_id FROM feedback WHERE source = 'batch' ORDER BY external_id"));
        // The importer's column names are fields too: created_at, comment and customer_id gave date, text and person.
        Assert.Equal(1, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'batch' AND person_key = 'c-6' AND text = 'Quick and kind.' AND created_at LIKE '2025-03-03%'"));
    }

    [Fact]
    public async Task An_item_repeated_in_one_request_is_imported_once()
    {
        using var writer = site.Client(site.WriteKey);
        const string twice = """
            [{"id": "r-1", "date": "2025-03-01T09:00:00Z", "text": "Same.", "source": "repeat"},
             {"id": "r-1", "date": "2025-03-01T09:00:00Z", "text": "Same.", "source": "repeat"},
             {"id": "r-1", "date": "2025-03-01T09:00:00Z", "text": "Same.", "source": "another"}]
            """;

        var (status, body) = await ApiSite.PostAsync(writer, "/api/v1/feedback", twice);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((3, 2, 1, 0), Counts(body));
        Assert.Equal(1, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'repeat'"));
        Assert.Equal(1, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'another'"));
    }

    [Fact]
    public async Task An_id_given_twice_in_one_request_with_other_values_is_an_error_not_a_duplicate()
    {
        using var writer = site.Client(site.WriteKey);
        // Item 2 is item 0 with its properties in another order and their names in capitals: the same item again.
        const string twice = """
            [{"id": "o-1", "date": "2025-03-01T09:00:00Z", "text": "The queue was long.", "source": "other"},
             {"id": "o-1", "date": "2025-03-02T09:00:00Z", "text": "Lovely staff.", "source": "other"},
             {"Text": "The queue was long.", "source": "other", "DATE": "2025-03-01T09:00:00Z", "id": "o-1"}]
            """;

        var (status, body) = await ApiSite.PostAsync(writer, "/api/v1/feedback", twice);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((3, 1, 1, 1), Counts(body));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, "id"), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
        Assert.StartsWith("item 0 gave the id \"o-1\" too, with other values", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["The queue was long."], site.Strings("SELECT text FROM feedback WHERE source = 'other'"));
    }

    [Fact]
    public async Task An_item_whose_id_is_stored_with_other_values_is_an_error_naming_its_index_and_the_stored_row_stays()
    {
        using var writer = site.Client(site.WriteKey);
        const string first = """[{"id": "c-1", "date": "2025-03-01T09:00:00Z", "text": "Still waiting.", "score": 3, "source": "changes"}]""";
        Assert.Equal(HttpStatusCode.Created, (await ApiSite.PostAsync(writer, "/api/v1/feedback", first)).Status);

        // The same ticket again with its score corrected, and a new one.
        const string later = """
            [{"id": "c-2", "date": "2025-03-02T09:00:00Z", "text": "Sorted quickly.", "source": "changes"},
             {"id": "c-1", "date": "2025-03-01T09:00:00Z", "text": "Still waiting.", "score": 4, "source": "changes"}]
            """;
        var (status, body) = await ApiSite.PostAsync(writer, "/api/v1/feedback", later);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((2, 1, 0, 1), Counts(body));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("index").GetInt32());
        Assert.StartsWith("the id \"c-1\" is stored already, with other values", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, site.Scalar("SELECT CAST(score AS INTEGER) FROM feedback WHERE source = 'changes' AND external_id = 'c-1'"));
    }

    [Fact]
    public async Task When_no_item_can_be_imported_the_answer_is_a_problem_listing_each()
    {
        using var writer = site.Client(site.WriteKey);
        var response = await writer.PostAsync("/api/v1/feedback", ApiSite.Json("""
            [{"id": "x-1", "text": "No date.", "source": "none"}, {"id": "x-2", "date": "soon", "text": "Bad date.", "source": "none"}]
            """));

        var problem = await ApiSite.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([(0, "date"), (1, "date")], errors.Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())));
        Assert.StartsWith("the required field 'date' is missing", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("item 0, field 'date'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'none'"));
        Assert.Equal(0, site.Scalar("SELECT count(*) FROM import_run WHERE source = 'none'"));
    }

    [Fact]
    public async Task Interactions_journey_events_and_communications_are_written_and_counted()
    {
        using var writer = site.Client(site.WriteKey);

        var interactions = await ApiSite.PostAsync(writer, "/api/v1/interactions", """
            [{"id": "i-1", "started_at": "2025-03-01T09:00:00Z", "wait_seconds": 2400, "transfers": 2, "channel": "phone", "source": "calls"},
             {"id": "i-2", "started_at": "2025-03-01T10:00:00Z", "ended_at": "2025-03-01T10:05:00Z", "channel": "chat", "source": "calls"}]
            """);
        var journey = await ApiSite.PostAsync(writer, "/api/v1/journey", """
            {"id": "j-1", "person": "c-1", "action": "purchase", "at": "2025-03-02T12:00:00Z", "stage": "buy", "value": 42.5, "source": "shop"}
            """);
        var communications = await ApiSite.PostAsync(writer, "/api/v1/communications", """
            {"id": "m-1", "date": "2025-03-03T08:00:00Z", "text": "We are committed to putting customers first.", "channel": "post", "source": "posts"}
            """);

        Assert.Equal((HttpStatusCode.Created, (2, 2, 0, 0)), (interactions.Status, Counts(interactions.Body)));
        Assert.Equal((HttpStatusCode.Created, (1, 1, 0, 0)), (journey.Status, Counts(journey.Body)));
        Assert.Equal((HttpStatusCode.Created, (1, 1, 0, 0)), (communications.Status, Counts(communications.Body)));
        Assert.Equal(2400, site.Scalar("SELECT wait_seconds FROM interaction WHERE source = 'calls' AND external_id = 'i-1'"));
        Assert.Equal(300, site.Scalar("SELECT resolution_seconds FROM interaction WHERE source = 'calls' AND external_id = 'i-2'"));
        Assert.Equal(1, site.Scalar("SELECT count(*) FROM journey_event WHERE source = 'shop' AND action = 'purchase' AND stage = 'buy'"));
        Assert.Equal(1, site.Scalar("SELECT count(*) FROM communication WHERE source = 'posts' AND external_id = 'm-1'"));

        var friction = await ApiSite.GetAsync(site.Client(site.ReadKey), "/api/v1/friction");
        var channels = friction.GetProperty("operations").GetProperty("byChannel").EnumerateArray().Select(c => c.GetProperty("group").GetString()).ToList();
        Assert.Contains("phone", channels);
        Assert.Contains("chat", channels);
    }

    [Fact]
    public async Task A_field_a_kind_does_not_have_is_refused_by_name()
    {
        using var writer = site.Client(site.WriteKey);
        var (status, body) = await ApiSite.PostAsync(writer, "/api/v1/journey", """
            [{"id": "j-9", "person": "c-1", "action": "visit", "at": "2025-03-02T12:00:00Z", "source": "odd"},
             {"id": "j-10", "person": "c-1", "action": "visit", "at": "2025-03-02T12:00:00Z", "nps": 9, "source": "odd"},
             {"id": "j-11", "person": "c-1", "at": "2025-03-02T12:00:00Z", "source": "odd"},
             {"id": "j-12", "external_id": "j-12", "person": "c-1", "action": "visit", "at": "2025-03-02T12:00:00Z", "source": "odd"},
             {"id": {"nested": true}, "person": "c-1", "action": "visit", "at": "2025-03-02T12:00:00Z", "source": "odd"}]
            """);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((5, 1, 0, 4), Counts(body));
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["nps", "action", "external_id", "id"], errors.Select(e => e.GetProperty("field").GetString()));
        Assert.StartsWith("unknown field 'nps' for journey events", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("the required field 'action' is missing", errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("'external_id' gives the field 'id', which 'id' already gives", errors[2].GetProperty("message").GetString());
        Assert.Equal("expected a string, a number or null, found an object", errors[3].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Items_without_a_source_are_from_api_and_a_write_shows_in_the_metrics_at_once()
    {
        using var writer = site.Client(site.WriteKey);
        using var reader = site.Client(site.ReadKey);
        long before = (await ApiSite.GetAsync(reader, "/api/v1/metrics")).GetProperty("overall").GetProperty("nps").GetProperty("n").GetInt64();

        var (status, body) = await ApiSite.PostAsync(writer, "/api/v1/feedback", """
            [{"id": "n-1", "date": "2025-04-01T09:00:00Z", "nps": 9}, {"id": "n-2", "date": "2025-04-01T09:00:00Z", "nps": 3}]
            """);

        Assert.Equal((HttpStatusCode.Created, (2, 2, 0, 0)), (status, Counts(body)));
        Assert.Equal(2, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'api' AND external_id IN ('n-1', 'n-2')"));
        long after = (await ApiSite.GetAsync(reader, "/api/v1/metrics")).GetProperty("overall").GetProperty("nps").GetProperty("n").GetInt64();
        Assert.Equal(before + 2, after);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_its_line_and_position()
    {
        using var writer = site.Client(site.WriteKey);
        var response = await writer.PostAsync("/api/v1/feedback", ApiSite.Json("[{\"id\": \"a\",\n  \"text\": }]"));

        var problem = await ApiSite.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(2, problem.GetProperty("line").GetInt64());
        Assert.Equal(11, problem.GetProperty("position").GetInt64());
        Assert.StartsWith("the body is not valid JSON: line 2, position 11: '}' is an invalid start of a value", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trailing_comma_is_named_in_the_bodys_words_not_the_parsers()
    {
        using var writer = site.Client(site.WriteKey);
        var response = await writer.PostAsync("/api/v1/feedback", ApiSite.Json("{\"id\": \"a\", \"date\": \"2025-03-01\", \"text\": \"x\",}"));

        var problem = await ApiSite.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("the body is not valid JSON: line 1, position 47: a comma before the closing '}': JSON allows none after an object's last property",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData("[]", "the array is empty")]
    [InlineData("42", "expected a JSON object, or an array of them, found a number")]
    public async Task A_body_without_items_is_refused(string json, string detail)
    {
        using var writer = site.Client(site.WriteKey);
        var problem = await ApiSite.ProblemAsync(await writer.PostAsync("/api/v1/feedback", ApiSite.Json(json)), HttpStatusCode.BadRequest);
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_items_than_a_request_may_hold_are_refused_whole()
    {
        using var writer = site.Client(site.WriteKey);
        string items = "[" + string.Join(",", Enumerable.Range(0, 1_001).Select(i => $"{{\"id\":\"many-{i}\",\"date\":\"2025-03-01\",\"nps\":5,\"source\":\"many\"}}")) + "]";

        var problem = await ApiSite.ProblemAsync(await writer.PostAsync("/api/v1/feedback", ApiSite.Json(items)), HttpStatusCode.BadRequest);

        Assert.Equal("at most 1,000 items in one request, found 1,001: send them in several", problem.GetProperty("detail").GetString());
        Assert.Equal(0, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'many'"));
    }

    [Fact]
    public async Task A_body_not_sent_as_json_is_refused()
    {
        using var writer = site.Client(site.WriteKey);
        using var form = new StringContent("id=1&text=hello", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        var problem = await ApiSite.ProblemAsync(await writer.PostAsync("/api/v1/feedback", form), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_needs_a_key_with_the_write_scope()
    {
        const string item = """{"id": "denied-1", "date": "2025-03-01T09:00:00Z", "text": "Hello.", "source": "denied"}""";
        using var reader = site.Client(site.ReadKey);
        await ApiSite.ProblemAsync(await reader.PostAsync("/api/v1/feedback", ApiSite.Json(item)), HttpStatusCode.Forbidden);

        using var anonymous = site.Factory.CreateClient();
        await ApiSite.ProblemAsync(await anonymous.PostAsync("/api/v1/feedback", ApiSite.Json(item)), HttpStatusCode.Unauthorized);

        Assert.Equal(0, site.Scalar("SELECT count(*) FROM feedback WHERE source = 'denied'"));
    }

    private static (int Received, long Imported, long Duplicate, long Rejected) Counts(JsonElement body) => (
        body.GetProperty("received").GetInt32(), body.GetProperty("imported").GetInt64(),
        body.GetProperty("duplicate").GetInt64(), body.GetProperty("rejected").GetInt64());

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];

    [Fact]
    public async Task The_server_indexes_what_was_posted_for_search_without_being_asked()
    {
        using var writer = site.Client(site.WriteKey);
        var (status, _) = await ApiSite.PostAsync(writer, "/api/v1/feedback",
            """{"id": "ix-1", "date": "2025-06-01T08:00:00Z", "text": "The receptionist waited patiently with me.", "source": "indexing"}""");
        Assert.Equal(HttpStatusCode.Created, status);

        // The background indexing wakes when something is stored; the test waits for it, however long the machine takes.
        long id = site.Scalar("SELECT id FROM feedback WHERE source = 'indexing'");
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (site.Scalar($"SELECT count(*) FROM feedback_search WHERE rowid = {id}") == 0 && !patience.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Equal(1, site.Scalar($"SELECT count(*) FROM feedback_search WHERE rowid = {id}"));
        Assert.True(site.Scalar("SELECT CAST(value AS INTEGER) FROM workspace_setting WHERE name = 'search_indexed_through'") >= id);
        // Found through the index by a stem the text does not hold as such.
        var found = await ApiSite.GetAsync(site.Client(site.ReadKey), "/api/v1/verbatims?q=receptionists+patient");
        Assert.Equal("ix-1", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("externalId").GetString());
    }
}
