using System.Globalization;
using System.Text;
using Evident.Core.Evidence;
using Evident.Core.Ingest;
using Evident.Store.Evidence;
using Evident.Core.Metrics;
using Evident.Text;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Evidence;

/// <summary>The evidence read from a real workspace on both dialects equals the figures worked out from the rows imported.</summary>
public sealed class EvidenceReaderTests
{
    /// <summary>
    /// 40 answers in March, 40 in April; segment retail scores 10 with a kind comment, online scores 3 about a long
    /// wait on hold, channel alternates phone/web. March: 20 promoters (retail) and 20 detractors (online): NPS 0.
    /// April: 30 retail, 10 online: NPS 50.
    /// </summary>
    private static string Survey()
    {
        var csv = new StringBuilder("id,date,nps,comment,segment,channel,person\n");
        int id = 0;
        foreach (var (month, retail, online) in new[] { (3, 20, 20), (4, 30, 10) })
        {
            for (int i = 0; i < retail + online; i++)
            {
                bool happy = i < retail;
                csv.Append(CultureInfo.InvariantCulture, $"{++id},2026-0{month}-{1 + i % 28:D2}T10:00:00Z,{(happy ? 10 : 3)},")
                    .Append(happy ? "\"The nurse was kind and helpful.\"" : "\"I was on hold for 40 minutes and nobody called me back.\"")
                    .Append(CultureInfo.InvariantCulture, $",{(happy ? "retail" : "online")},{(i % 2 == 0 ? "phone" : "web")},c{id}\n");
            }
        }

        return csv.ToString();
    }

    [Fact]
    public async Task On_sqlite_the_reads_of_every_interaction_journey_event_and_communication_scan_their_table()
    {
        // Given workspace_id = ?, the planner walked the day (or person) index and looked each row up at a random page.
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var reader = new EvidenceReader(workspace);
        foreach (string sql in new[] { reader.InteractionsSql, reader.JourneySql, reader.CommunicationsSql })
        {
            string plan = QueryPlan.Of(workspace.Connection, sql, new { workspace = workspace.Id });
            Assert.StartsWith("SCAN ", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("INDEX", plan, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Sums_by_team_are_read_from_the_rows_of_each_subject_and_on_sqlite_without_the_day_index(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Survey(), RecordKind.Feedback, source: "survey");
        await ImportAsync(target.Location, """
            id,date,enps,comment,team
            e1,2026-03-02,9,Proud of what we do for our patients.,ward-a
            e2,2026-03-02,10,Great team and kind colleagues.,ward-a
            e3,2026-03-09,2,Too many shifts and not enough people.,ward-b
            e4,2026-04-01,6,,ward-b
            """, RecordKind.Pulse, source: "pulse");
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var reader = new EvidenceReader(workspace);

        var employees = await reader.ReadFeedbackSumsAsync("employee", "team");
        var customers = await reader.ReadFeedbackSumsAsync("customer", "team");

        // per team: answers, answers with a comment, and the scores summed, from the pulse's own rows only
        Assert.Equal(
            [("ward-a", 2L, 2L, 19.0), ("ward-b", 2L, 1L, 8.0)],
            employees.GroupBy(s => s.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(s => s.N), g.Sum(s => s.WithText), g.Sum(s => s.ScoreSum))));
        Assert.Equal(80, customers.Sum(s => s.N));
        Assert.Equal(50 * 10 + 30 * 3, customers.Sum(s => s.ScoreSum));
        if (dialect == "sqlite")
        {
            // Every row of the workspace is read: scanning the table beats a look-up per row through the day index
            // (1.2 against 4.0 s over a million comments), and the employees' rows have a partial index of their own.
            string Plan(string subject) => QueryPlan.Of(workspace.Connection, reader.RowSumsSql("team", subject), new { workspace = workspace.Id, subject });
            Assert.DoesNotContain("feedback_by_day", Plan("customer"), StringComparison.Ordinal);
            Assert.Contains("feedback_employee_by_team", Plan("employee"), StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Scorecard_themes_and_friction_from_the_rollups_match_the_rows(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Survey(), RecordKind.Feedback, source: "survey");
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var reader = new EvidenceReader(workspace);
        var options = new MetricOptions { MinResponses = 10 };

        var card = Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer"), await reader.ReadFeedbackSumsAsync("employee"), options, PeriodKind.Month, null);
        Assert.Equal(25, card.Overall.Nps.Value!.Value, 10); // 50 promoters, 30 detractors of 80
        Assert.Equal(80, card.Overall.Nps.N);
        Assert.Equal(["2026-03", "2026-04"], card.Periods.Select(p => p.Period));
        Assert.Equal(0, card.Periods[0].Scores.Nps.Value!.Value, 10);
        Assert.Equal(50, card.Periods[1].Scores.Nps.Value!.Value, 10);
        Assert.False(card.Overall.Enps.Shown);

        var bySegment = Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", "segment"), [], options, null, "segment");
        Assert.Equal([("online", -100.0), ("retail", 100.0)], bySegment.Groups.Select(g => (g.Group, g.Scores.Nps.Value!.Value)));
        Assert.Equal(-200, bySegment.Groups[0].VersusRest["nps"]!.Value.Delta, 10);

        // Channel is kept in the rollup's rows for all feedback; team is not, and is summed from the rows: both give
        // the same totals, split another way. Themes are not kept per channel, and say so.
        var byTeam = Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", "team"), [], options, null, "team");
        Assert.Equal(card.Overall.Nps, Assert.Single(byTeam.Groups).Scores.Nps);
        await Assert.ThrowsAsync<ArgumentException>(() => reader.ReadFeedbackSumsAsync("customer", "channel", RollupSlice.Themes));
        var byChannel = Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", "channel"), [], options, null, "channel");
        Assert.Equal(["phone", "web"], byChannel.Groups.Select(g => g.Group));
        Assert.Equal(80, byChannel.Groups.Sum(g => g.Scores.Nps.N));
        Assert.Equal(card.Overall.Sentiment.Value!.Value, Scorecard.Build(await reader.ReadFeedbackSumsAsync("customer", "channel"), [], options, null, null).Overall.Sentiment.Value!.Value, 9);

        var all = await reader.ReadFeedbackSumsAsync("customer", "source");
        var themes = TopicEvidence.Build(all, await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Themes), options, PeriodKind.Month);
        var wait = themes.Single(t => t.Key == "wait-time");
        Assert.Equal(30, wait.Mentions);
        Assert.Equal(-100, wait.NpsImpact.WithTheme.Value!.Value, 10);
        Assert.Equal(100, wait.NpsImpact.WithoutTheme.Value!.Value, 10);
        Assert.Equal(75, wait.NpsImpact.MoveWithout!.Value, 10);

        var friction = TopicEvidence.Build(all, await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Friction), options, PeriodKind.Month);
        var waiting = friction.Single(t => t.Key == "friction:wait");
        Assert.Equal(30, waiting.Mentions);
        Assert.Equal(100, waiting.DetractorShare.Value!.Value, 10);
        Assert.True(waiting.Sentiment < 0);

        var verbatims = await reader.ReadVerbatimsAsync("wait-time", negativeFirst: true, 2);
        Assert.Equal(2, verbatims.Count);
        Assert.All(verbatims, v => Assert.Contains("on hold", v.Text, StringComparison.Ordinal));
        var frictionVerbatims = await reader.ReadVerbatimsAsync("friction:wait", negativeFirst: true, 50, from: new DateOnly(2026, 4, 1));
        Assert.Equal(10, frictionVerbatims.Count); // April's detractors only
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_whole_evidence_is_gathered_from_every_kind(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Location, Survey(), RecordKind.Feedback, source: "survey");
        await ImportAsync(target.Location, """
            id,person,channel,started_at,first_response_at,ended_at,wait_seconds,transfers,agent,team,reason,outcome
            i1,c1,phone,2026-03-02T09:00:00Z,2026-03-02T09:01:00Z,2026-03-02T09:10:00Z,60,0,a1,call-centre,billing,resolved
            i2,c1,phone,2026-03-05T09:00:00Z,2026-03-05T09:03:00Z,2026-03-05T09:20:00Z,180,2,a1,call-centre,billing,resolved
            i3,c2,chat,2026-03-05T19:00:00Z,2026-03-05T19:00:30Z,2026-03-05T19:05:00Z,30,0,a2,web-team,booking,abandoned
            """, RecordKind.Interactions, source: "contacts");
        await ImportAsync(target.Location, """
            id,person,action,at
            j1,c1,churn,2026-03-20T00:00:00Z
            j2,c25,visit,2026-03-20T00:00:00Z
            """, RecordKind.Journey, source: "journey");
        await ImportAsync(target.Location, """
            id,date,author,channel,text,in_reply_to
            r1,2026-03-03T10:00:00Z,support,reply,"I'm so sorry about the wait. I will call you back today to sort it out.",21
            """, RecordKind.Comms, source: "comms");
        await using var workspace = await Workspace.OpenAsync(target.Location);

        var evidence = await EvidenceGatherer.GatherAsync(workspace, new MetricOptions { MinResponses = 1 }, PeriodKind.Month, TextAnalyzer.Default);

        var operations = evidence.Operations!;
        Assert.Equal(3, operations.Overall.Contacts);
        Assert.Equal(100.0 / 3, operations.Overall.RepeatContactShare.Value!.Value, 10); // i2 repeats i1 (same person, reason, 3 days)
        Assert.Equal(120, operations.ByChannel.Single(c => c.Group == "phone").WaitSeconds.P50);
        Assert.Equal(60, operations.Overall.FirstResponseSeconds.P50); // 60, 180, 30 seconds
        // c1 answered 10 on 1 March and left on the 20th; c25's visit came before its answer, so it does not count.
        Assert.Equal(1, evidence.SayVersusDo.PromotersWhoLeft);
        Assert.Equal(30, evidence.SayVersusDo.DetractorsWhoStayed);
        Assert.Equal(0, evidence.SayVersusDo.Classes.Single(c => c.Class == "detractor").CameBack.Value);
        Assert.Equal(1, evidence.Replies.Replies);
        Assert.Contains(evidence.Replies.Signals, s => s.Signal == "apology" && s.Share.Value == 100);
        Assert.NotEmpty(evidence.Verbatims["wait-time"]);
        Assert.Equal(new DateOnly(2026, 3, 1), evidence.From);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Topics_summed_per_week_or_month_in_the_store_equal_topics_from_the_days(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        // Every day from 20 December to 10 February: months and ISO weeks across a year's end (2025-12-29 is the Monday of 2026-W01).
        string[] comments =
        [
            "I was on hold for 40 minutes and nobody called me back.", "The nurse was kind and helpful.",
            "Transferred three times, still waiting for a refund.", "Booking online was quick.", "The app crashed and the queue was long.",
        ];
        var csv = new StringBuilder("id,date,nps,comment,segment\n");
        int id = 0;
        for (var day = new DateOnly(2025, 12, 20); day <= new DateOnly(2026, 2, 10); day = day.AddDays(1))
        {
            for (int i = 0; i < 7; i++, id++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{id},{day:yyyy-MM-dd}T{8 + i}:00:00Z,{(id * 7) % 11},\"{comments[(id + day.Day) % comments.Length]}\",{(i % 2 == 0 ? "retail" : "online")}\n");
            }
        }

        await ImportAsync(target.Location, csv.ToString(), RecordKind.Feedback, source: "survey");
        await ImportAsync(target.Location, "id,date,nps,comment\nr1,2026-01-05T09:00:00Z,2,Still waiting on hold.\n", RecordKind.Feedback, source: "reviews");
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var reader = new EvidenceReader(workspace);
        var options = new MetricOptions { MinResponses = 5 };

        foreach (var period in new[] { PeriodKind.Week, PeriodKind.Month })
        {
            foreach (var slice in new[] { RollupSlice.Themes, RollupSlice.Friction })
            {
                var fromDays = TopicEvidence.Build(
                    await reader.ReadFeedbackSumsAsync("customer", "source"), await reader.ReadFeedbackSumsAsync("customer", "source", slice), options, period);
                var fromPeriods = TopicEvidence.Build(
                    await reader.ReadFeedbackSumsAsync("customer", "source", periods: period), await reader.ReadFeedbackSumsAsync("customer", "source", slice, period), options, period);

                var rows = await reader.ReadFeedbackSumsAsync("customer", "source", slice, period);
                Assert.True(rows.Count < (await reader.ReadFeedbackSumsAsync("customer", "source", slice)).Count);
                Assert.All(rows, r => Assert.True(period == PeriodKind.Month ? r.Day.Day == 1 : r.Day.DayOfWeek == DayOfWeek.Monday, $"{period}: {r.Day}"));
                Assert.NotEmpty(fromDays);
                Assert.True(fromDays[0].Trend.Count >= (period == PeriodKind.Week ? 8 : 3), $"{period}: {fromDays[0].Trend.Count} periods");
                Assert.Equal(Figures(fromDays), Figures(fromPeriods));
            }
        }

        static List<string> Figures(IReadOnlyList<TopicEvidence> topics) =>
        [
            .. topics.Select(t =>
                FormattableString.Invariant($"{t.Key} {t.Mentions} {t.Share.Value:0.#########} {t.Sentiment:0.#########} {t.NpsImpact} {t.Shift?.Since} {t.Quadrant} ")
                + string.Join(" ", t.Trend.Select(p => FormattableString.Invariant($"{p.Period}:{p.Mentions}/{p.Commented}/{p.Sentiment:0.#########}")))
                + " " + string.Join(" ", t.Groups.Select(g => FormattableString.Invariant($"{g.Group}:{g.Mentions}")))),
        ];
    }
}
