using Evident.Core.Ingest;
using Evident.Store.Evidence;
using Evident.Text;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Evidence;

/// <summary>Voices' search and filters read the same comments from a real workspace on both dialects.</summary>
public sealed class VoicesReaderTests
{
    /// <summary>
    /// Rows 1 and 2 share one instant (paging must still order them), row 3 holds the LIKE wildcards % and _ as text,
    /// row 6 has no comment (not a voice), and 30 more rows of one instant make pages that must neither repeat nor skip.
    /// </summary>
    private static string Survey()
    {
        var csv = new System.Text.StringBuilder("id,date,nps,comment,segment,team,channel\n")
            .Append("1,2026-03-01T10:00:00Z,2,\"I was ON HOLD for 40 minutes and nobody called back.\",online,billing,phone\n")
            .Append("2,2026-03-01T10:00:00Z,10,\"The nurse was kind and helpful.\",retail,clinical,web\n")
            .Append("3,2026-03-02T09:00:00Z,5,\"They gave me a 100% refund_code after three calls.\",online,billing,phone\n")
            .Append("4,2026-03-03T09:00:00Z,9,\"Fine, thanks.\",retail,billing,web\n")
            .Append("5,2026-03-04T09:00:00Z,,\"=cmd|' /C calc'!A0 the form was confusing\",online,,web\n")
            .Append("6,2026-03-05T09:00:00Z,7,,retail,billing,web\n");
        for (int i = 0; i < 30; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{i},2026-02-01T08:00:00Z,8,\"Comment number {i} about parking.\",retail,clinical,visit\n");
        }

        return csv.ToString();
    }

    private const string Pulse = "id,date,enps,comment,team\ne1,2026-03-01T10:00:00Z,3,\"We are on hold with the rota again.\",billing\n";

    private static async Task<Workspace> WorkspaceAsync(StoreTarget target, bool indexed = true)
    {
        await ImportAsync(target.Location, Survey(), RecordKind.Feedback, source: "survey");
        await ImportAsync(target.Location, Pulse, RecordKind.Pulse, source: "pulse");
        var workspace = await Workspace.OpenAsync(target.Location);
        if (indexed)
        {
            await SearchIndex.CatchUpAsync(workspace);
        }

        return workspace;
    }

    private static async Task<List<string>> TextsAsync(VoicesReader reader, VoicesFilter filter) =>
        [.. (await reader.ReadPageAsync(filter, 0, 1000)).Select(r => r.Text)];

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Filters_select_the_customer_comments_they_name(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await WorkspaceAsync(target);
        var reader = new VoicesReader(workspace);

        // Every customer row with text, none without, and never the employee's comment.
        Assert.Equal(35, await reader.CountAsync(new VoicesFilter()));
        Assert.DoesNotContain(await TextsAsync(reader, new VoicesFilter()), t => t.Contains("rota", StringComparison.Ordinal));

        // Words, whatever their case; the employee's "on hold" is not found.
        const string OnHold = "I was ON HOLD for 40 minutes and nobody called back.";
        const string Refund = "They gave me a 100% refund_code after three calls.";
        Assert.Equal([OnHold], await TextsAsync(reader, new VoicesFilter { Text = "on hold" }));
        // Stems: "call" finds "called" and "calls"; every word is required, in any order; a quoted phrase in its order.
        Assert.Equal([Refund, OnHold], await TextsAsync(reader, new VoicesFilter { Text = "Call" }));
        Assert.Equal([OnHold], await TextsAsync(reader, new VoicesFilter { Text = "called nobody" }));
        Assert.Equal([OnHold], await TextsAsync(reader, new VoicesFilter { Text = "\"nobody called\"" }));
        Assert.Empty(await TextsAsync(reader, new VoicesFilter { Text = "\"called nobody\"" }));
        Assert.Equal(2, await reader.CountAsync(new VoicesFilter { Text = "calls" }));
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "calls", Team = "billing", Segment = "online", ScoreMax = 3 }));
        // A search with no word in it is a substring: % and _ are the characters themselves, not wildcards.
        Assert.Equal([Refund], await TextsAsync(reader, new VoicesFilter { Text = "%" }));
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "_" }));
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "o_e" }));
        // What a search holds is words, never query syntax, of SQL or of the index.
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "' OR 'x'='x" }));
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "nurse OR parking" }));
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "workspace:w1 NOT nurse*" }));
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "nurse\" AND \"" }));

        Assert.Equal(2, await reader.CountAsync(new VoicesFilter { Segment = "online", ScoreMax = 6 }));
        Assert.Equal(32, await reader.CountAsync(new VoicesFilter { ScoreMin = 8 })); // 10, 9 and the thirty 8s
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Source = "pulse" }));
        Assert.Equal(["They gave me a 100% refund_code after three calls."],
            await TextsAsync(reader, new VoicesFilter { From = new DateOnly(2026, 3, 2), To = new DateOnly(2026, 3, 2) }));

        var onHold = Assert.Single(await reader.ReadPageAsync(new VoicesFilter { Theme = "wait-time" }, 0, 10));
        Assert.StartsWith("I was ON HOLD", onHold.Text, StringComparison.Ordinal);
        Assert.Contains("wait-time", onHold.Themes);
        Assert.Contains("wait", onHold.Friction);
        Assert.Equal(("survey", "online", "billing", "phone", "nps", 2.0), (onHold.Source, onHold.Segment, onHold.Team, onHold.Channel, onHold.ScoreKind, onHold.Score!.Value));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), onHold.At);
        Assert.Equal(onHold.Id, Assert.Single(await reader.ReadPageAsync(new VoicesFilter { Friction = "wait", Team = "billing" }, 0, 10)).Id);

        var all = await reader.ReadPageAsync(new VoicesFilter(), 0, 1000);
        foreach (var label in new[] { SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive })
        {
            var expected = all.Where(r => TextAnalyzer.Default.Analyze(r.Text).Sentiment.Label == label).Select(r => r.Id).Order().ToList();
            var found = (await reader.ReadPageAsync(new VoicesFilter { SentimentLabel = (int)label }, 0, 1000)).Select(r => r.Id).Order().ToList();
            Assert.Equal(expected, found);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Counts_equal_the_rows_read(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await WorkspaceAsync(target);
        var reader = new VoicesReader(workspace);

        VoicesFilter[] filters =
        [
            new(), new() { Source = "survey" }, new() { Segment = "online" }, new() { Theme = "wait-time" }, new() { Friction = "wait" },
            new() { SentimentLabel = -1 }, new() { SentimentLabel = 0 }, new() { SentimentLabel = 1 },
            new() { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 3) },
            new() { Theme = "wait-time", Segment = "online", SentimentLabel = -1, Source = "survey", From = new DateOnly(2026, 3, 1) },
            new() { Segment = "nowhere" },
            // Words with sets of ids only: SQLite counts these from its index and the sets, without the rows.
            new() { Text = "hold", Theme = "wait-time" }, new() { Text = "parking", Theme = "wait-time" }, new() { Text = "called", Friction = "wait" },
            new() { Text = "calls", Theme = "wait-time", Friction = "wait" },
        ];
        foreach (var filter in filters)
        {
            Assert.Equal((await reader.ReadPageAsync(filter, 0, 1000)).Count, await reader.CountAsync(filter));
        }

        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "hold", Theme = "wait-time" }));
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "parking", Theme = "wait-time" }));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_search_counted_up_to_a_bound_says_when_more_match(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await WorkspaceAsync(target);
        var reader = new VoicesReader(workspace);

        // PostgreSQL stops counting a search past the bound; SQLite counts from its index, always exactly.
        var parking = new VoicesFilter { Text = "parking" };
        Assert.Equal(dialect == "postgres" ? (11L, true) : (30L, false), await reader.CountUpToAsync(parking, 10));
        Assert.Equal(dialect == "postgres" ? (5L, true) : (30L, false), await reader.CountUpToAsync(parking with { Segment = "retail" }, 4));
        Assert.Equal((30L, false), await reader.CountUpToAsync(parking, 30));
        Assert.Equal((30L, false), await reader.CountUpToAsync(parking, null));
        // Counts without words are exact whatever the bound.
        Assert.Equal((30L, false), await reader.CountUpToAsync(new VoicesFilter { Segment = "retail", ScoreMin = 8, ScoreMax = 8 }, 3));
        Assert.Equal((35L, false), await reader.CountUpToAsync(new VoicesFilter(), 3));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_team_limit_keeps_other_teams_and_the_employees_out(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await WorkspaceAsync(target);
        var reader = new VoicesReader(workspace);

        var billing = await reader.ReadPageAsync(new VoicesFilter { Team = "billing" }, 0, 1000);
        Assert.Equal(3, billing.Count);
        Assert.All(billing, r => Assert.Equal("billing", r.Team));
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Team = "billing", Text = "rota" }));
        // A frontline user without a team sees nothing, not the comments without a team.
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Team = "" }));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Pages_run_newest_day_first_and_neither_repeat_nor_skip_rows_of_the_same_day(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await WorkspaceAsync(target);
        var reader = new VoicesReader(workspace);

        var whole = await reader.ReadPageAsync(new VoicesFilter(), 0, 1000);
        Assert.Equal(35, whole.Count);
        for (int i = 1; i < whole.Count; i++)
        {
            var (before, after) = (DateOnly.FromDateTime(whole[i - 1].At.UtcDateTime), DateOnly.FromDateTime(whole[i].At.UtcDateTime));
            Assert.True(before > after || (before == after && whole[i - 1].Id > whole[i].Id), $"row {i} out of order");
        }

        var paged = new List<long>();
        for (int offset = 0; offset < 40; offset += 7)
        {
            paged.AddRange((await reader.ReadPageAsync(new VoicesFilter(), offset, 7)).Select(r => r.Id));
        }

        Assert.Equal(whole.Select(r => r.Id), paged);
        Assert.Equal(whole.Take(4).Select(r => r.Id), await reader.StreamAsync(new VoicesFilter(), 4).Select(r => r.Id).ToListAsync());
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_search_pages_through_its_matches_in_the_order_of_all_comments_and_counts_them(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await WorkspaceAsync(target);
        // A second import into the same source: on PostgreSQL it goes through staging, not the first import's COPY.
        await ImportAsync(target.Location, "id,date,nps,comment,segment\nq1,2026-02-01T09:00:00Z,3,Parking was full again.,online\nq2,2026-03-06,4,No parking at all.,retail\n",
            RecordKind.Feedback, source: "survey");
        await SearchIndex.CatchUpAsync(workspace);
        var reader = new VoicesReader(workspace);

        var all = await reader.ReadPageAsync(new VoicesFilter(), 0, 1000);
        var parking = all.Where(r => r.Text.Contains("parking", StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList();
        Assert.Equal(32, parking.Count);
        Assert.Equal(32, await reader.CountAsync(new VoicesFilter { Text = "parking" }));
        var paged = new List<long>();
        for (int offset = 0; offset < 40; offset += 5)
        {
            paged.AddRange((await reader.ReadPageAsync(new VoicesFilter { Text = "parking" }, offset, 5)).Select(r => r.Id));
        }

        Assert.Equal(parking, paged);
        var online = all.Where(r => r.Segment == "online" && r.Text.Contains("parking", StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList();
        Assert.Equal(online, (await reader.ReadPageAsync(new VoicesFilter { Text = "parking", Segment = "online" }, 0, 100)).Select(r => r.Id));
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "parking", Segment = "online" }));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_choices_are_the_customer_sources_segments_themes_and_friction_present(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await WorkspaceAsync(target);

        var choices = await new VoicesReader(workspace).ReadChoicesAsync();
        Assert.Equal(["survey"], choices.Sources);
        Assert.Equal(["online", "retail"], choices.Segments);
        Assert.Contains("wait-time", choices.Themes);
        Assert.Contains("wait", choices.Friction);
        Assert.DoesNotContain(choices.Themes, t => t.StartsWith("friction:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Until_the_index_catches_up_a_search_matches_substrings_and_then_words()
    {
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await using var workspace = await WorkspaceAsync(target, indexed: false);
        var reader = new VoicesReader(workspace);
        Assert.False(await SearchIndex.IsCurrentAsync(workspace));
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "nurs" })); // "nurse", as a substring
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "\"nobody called\" HOLD" })); // each part, all required
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "\"called nobody\"" }));

        Assert.Equal(35, await SearchIndex.CatchUpAsync(workspace)); // the customer comments, not the empty one or the pulse
        Assert.True(await SearchIndex.IsCurrentAsync(workspace));
        reader = new VoicesReader(workspace); // a reader is for one request: it remembers whether the index had caught up
        Assert.Equal(0, await reader.CountAsync(new VoicesFilter { Text = "nurs" }));
        Assert.Equal(1, await reader.CountAsync(new VoicesFilter { Text = "nurses" }));
        Assert.Equal(0, await SearchIndex.CatchUpAsync(workspace));

        // A later import: only its comments are indexed, once.
        await ImportAsync(target.Location, "id,date,comment\nn1,2026-04-01,The nurses were wonderful.\n", RecordKind.Feedback, source: "survey");
        Assert.False(await SearchIndex.IsCurrentAsync(workspace));
        Assert.Equal(1, await SearchIndex.CatchUpAsync(workspace));
        Assert.Equal(2, await new VoicesReader(workspace).CountAsync(new VoicesFilter { Text = "nurse" }));
    }

    [Fact]
    public void Search_terms_keep_words_and_quoted_phrases_and_nothing_else()
    {
        var terms = SearchTerms.Parse("  Refund \"ON hold\" didn't app* -x (y) ");
        Assert.Equal([["refund"], ["on", "hold"], ["didn't"], ["app"], ["x"], ["y"]], terms.Groups.Select(g => g.ToArray()).ToArray());
        Assert.Equal("workspace : \"w7\" AND \"refund\" AND \"on hold\" AND \"didn t\" AND \"app\" AND \"x\" AND \"y\"", terms.ToFts5("w7"));
        Assert.True(SearchTerms.Parse("%_!").IsEmpty);
        Assert.Equal(SearchTerms.MaxWords, SearchTerms.Parse(string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i))).Groups.Count);
    }
}
