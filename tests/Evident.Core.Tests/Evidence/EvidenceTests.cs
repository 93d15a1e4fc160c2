using Evident.Core.Evidence;
using Evident.Core.Metrics;
using static Evident.Core.Tests.Evidence.EvidenceFacts;

namespace Evident.Core.Tests.Evidence;

public sealed class EvidenceTests
{
    [Fact]
    public void A_contact_is_a_repeat_when_the_same_person_comes_back_for_the_same_reason_within_7_days()
    {
        var first = Contact("p1", "billing", Monday);
        var again = Contact("p1", "billing", Monday.AddDays(6.9));          // repeat
        var later = Contact("p1", "billing", Monday.AddDays(6.9 + 7.1));    // more than 7 days after the previous one
        var otherReason = Contact("p1", "booking", Monday.AddDays(1));      // not the same reason
        var otherPerson = Contact("p2", "billing", Monday.AddDays(1));      // not the same person
        var anonymous = Contact(null, "billing", Monday.AddDays(1));        // cannot be matched
        InteractionFact[] all = [first, again, later, otherReason, otherPerson, anonymous];

        var repeats = InteractionStats.Repeats(all);

        Assert.Equal([again], repeats);
        var stats = InteractionStats.Of("", all, repeats, minimum: 1);
        Assert.Equal(20, stats.RepeatContactShare.Value!.Value, 10); // 1 of the 5 contacts with a person and a reason
        Assert.Equal(5, stats.RepeatContactShare.N);
    }

    [Fact]
    public void Interaction_stats_by_hand()
    {
        InteractionFact[] all =
        [
            Contact("p1", "r", Monday, wait: 60, transfers: 0, outcome: "resolved", firstResponse: 10),
            Contact("p2", "r", Monday.AddHours(9), wait: 120, transfers: 2, outcome: "abandoned", firstResponse: 20, agent: "a2"), // 19:00: out of hours
            Contact("p3", "r", Monday.AddHours(1), wait: 300, transfers: 1, outcome: "resolved", firstResponse: 30),
            Contact("p4", "r", Monday.AddDays(1), wait: 600, transfers: 0, outcome: "resolved", firstResponse: 40),
        ];
        var stats = InteractionStats.Of("", all, InteractionStats.Repeats(all), minimum: 1);
        Assert.Equal(210, stats.WaitSeconds.P50); // (120 + 300) / 2
        Assert.Equal(510, stats.WaitSeconds.P90!.Value, 10); // 300 + 0.7 × 300
        Assert.Equal(25, stats.FirstResponseSeconds.P50);
        Assert.Equal(50, stats.TransferredShare.Value!.Value, 10);
        Assert.Equal(0.75, stats.MeanTransfers!.Value, 10);
        Assert.Equal(25, stats.AbandonedShare.Value!.Value, 10);
        Assert.Equal(25, stats.AfterHoursShare.Value!.Value, 10);
        // a1 on Monday (2 contacts), a2 on Monday (1), a1 on Tuesday (1): 4 contacts over 3 agent-days.
        Assert.Equal(4.0 / 3, stats.ContactsPerAgentDay!.Value, 10);
    }

    [Fact]
    public void Say_versus_do_counts_what_each_class_did_after_its_latest_answer()
    {
        ScoredAnswer[] answers =
        [
            new("promoter-left", Monday, 10, null),
            new("promoter-stayed", Monday, 9, null),
            new("detractor-left", Monday, 2, null),
            new("detractor-stayed", Monday, 6, null),
            new("changed-mind", Monday, 10, null),
            new("changed-mind", Monday.AddDays(10), 3, null), // the latest answer counts: a detractor
        ];
        JourneyFact[] journey =
        [
            new("promoter-left", "churn", Monday.AddDays(30), null),
            new("promoter-stayed", "visit", Monday.AddDays(5), null),
            new("detractor-left", "churn", Monday.AddDays(2), null),
            new("detractor-stayed", "visit", Monday.AddDays(3), null),
            new("detractor-stayed", "churn", Monday.AddDays(200), null), // outside the 90-day window
            new("changed-mind", "churn", Monday.AddDays(5), null),       // before the latest answer: not counted
        ];

        var sayDo = SayVersusDo.Build(answers, journey, minimum: 1);

        var promoters = sayDo.Classes.Single(c => c.Class == "promoter");
        var detractors = sayDo.Classes.Single(c => c.Class == "detractor");
        Assert.Equal(2, promoters.People);
        Assert.Equal(50, promoters.Churned.Value!.Value, 10);
        Assert.Equal(50, promoters.CameBack.Value!.Value, 10);
        Assert.Equal(3, detractors.People);
        Assert.Equal(100.0 / 3, detractors.Churned.Value!.Value, 10);
        Assert.Equal(1, sayDo.PromotersWhoLeft);
        Assert.Equal(2, sayDo.DetractorsWhoStayed);
    }

    [Theory]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    [InlineData(3, 3, true)]
    public void Employee_figures_are_withheld_below_the_anonymity_threshold(int threshold, int respondents, bool shown)
    {
        var pulses = Enumerable.Range(0, respondents).Select(i => Pulse("e" + i, "billing", i % 2 == 0 ? 10 : 3, Monday)).ToList();
        var options = new MetricOptions { MinResponses = 1, AnonymityThreshold = threshold };

        var evidence = EmployeeEvidence.Build(pulses, [], [], [], [], options, PeriodKind.Month);

        var team = Assert.Single(evidence.Teams);
        Assert.Equal(shown, team.Enps.Shown);
        Assert.Equal(shown, team.Sentiment.Shown);
        Assert.Equal(shown, evidence.Enps.Shown);
        if (!shown)
        {
            Assert.Contains("anonymity", team.Enps.Withheld);
            Assert.Empty(team.Trend);
        }
    }

    [Fact]
    public void Respondents_are_people_not_answers()
    {
        // Four people answering twice each are still four people: below a threshold of five.
        var pulses = Enumerable.Range(0, 8).Select(i => Pulse("e" + (i % 4), "billing", 9, Monday.AddDays(i))).ToList();
        var evidence = EmployeeEvidence.Build(pulses, [], [], [], [], new MetricOptions { MinResponses = 1 }, PeriodKind.Month);
        Assert.False(evidence.Teams[0].Enps.Shown);
        Assert.Equal(4, evidence.Respondents);
    }

    [Fact]
    public void The_gap_index_is_claims_minus_experience()
    {
        // Ten posts in March: six claim customer focus (customer-perspective or vague-commitment), one thanks.
        var posts = new List<CommunicationFact>();
        for (int i = 0; i < 10; i++)
        {
            string[] signals = i switch { < 4 => ["customer-perspective"], < 6 => ["vague-commitment"], 6 => ["gratitude"], _ => [] };
            posts.Add(Post(Monday.AddHours(i), signals));
        }

        // March experience: NPS 20 → 60 on 0–100, sentiment 0.2 → 60, friction in 30 % of comments → 70. Mean 63.33.
        var nps = new Estimate(20, 10, 30, 100, 5);
        var sentiment = new Estimate(0.2, 0.1, 0.3, 100, 0.05);
        var none = Estimate.TooFew(0, 30);
        var march = new PeriodScores("2026-03", new ScoreSet(nps, none, none, none, none, sentiment), new Dictionary<string, Difference?>());
        var friction = new Dictionary<string, Estimate> { ["2026-03"] = new(30, 25, 35, 100, 2) };

        var rhetoric = RhetoricEvidence.Build(posts, [march], friction, PeriodKind.Month);

        var period = Assert.Single(rhetoric.Periods);
        Assert.Equal(60, period.Claim!.Value, 10);
        Assert.Equal(190.0 / 3, period.Experience!.Value, 10);
        Assert.Equal(60 - 190.0 / 3, period.Gap!.Value, 10);
        Assert.Equal(10, rhetoric.SignalShares["gratitude"].Value!.Value, 10);
        Assert.Equal(rhetoric.Gap, period.Gap);
    }

    [Fact]
    public void Too_few_posts_give_no_gap()
    {
        var posts = Enumerable.Range(0, 4).Select(i => Post(Monday.AddHours(i), "customer-perspective")).ToList();
        var rhetoric = RhetoricEvidence.Build(posts, [], new Dictionary<string, Estimate>(), PeriodKind.Month);
        Assert.Null(rhetoric.Periods[0].Gap);
        Assert.Null(rhetoric.Gap);
    }

    [Fact]
    public void A_topic_shift_is_found_where_its_share_jumped()
    {
        var months = Enumerable.Range(0, 8).Select(m => new DateOnly(2026, 1 + m, 1)).ToList();
        var all = months.Select(d => Sums(d, "", "nps", [(10, 100), (3, 100)])).ToList();
        // 'automated-phone' in 2 % of comments until April, 20 % from May on.
        var topic = months.Select(d => Sums(d, "automated-phone", "nps", [(3, d.Month < 5 ? 4 : 40)], sentiment: -0.5)).ToList();

        var evidence = Assert.Single(TopicEvidence.Build(all, topic, new MetricOptions(), PeriodKind.Month));

        Assert.NotNull(evidence.Shift);
        Assert.Equal("2026-05", evidence.Shift.Since);
        Assert.Equal(2, evidence.Shift.Before.Value!.Value, 10);
        Assert.Equal(20, evidence.Shift.After.Value!.Value, 10);
        Assert.True(evidence.Shift.Difference.Significant);
    }

    [Fact]
    public void A_steady_topic_has_no_shift()
    {
        var months = Enumerable.Range(0, 8).Select(m => new DateOnly(2026, 1 + m, 1)).ToList();
        var all = months.Select(d => Sums(d, "", "nps", [(10, 100), (3, 100)])).ToList();
        var topic = months.Select(d => Sums(d, "billing", "nps", [(3, 10 + d.Month % 2)])).ToList();
        Assert.Null(Assert.Single(TopicEvidence.Build(all, topic, new MetricOptions(), PeriodKind.Month)).Shift);
    }

    [Fact]
    public void Themes_are_placed_on_the_importance_performance_map()
    {
        var day = new DateOnly(2026, 3, 1);
        var all = new[] { Sums(day, "", "nps", [(10, 500), (3, 500)]) };
        FeedbackSums[] topics =
        [
            Sums(day, "wait-time", "nps", [(3, 300)], sentiment: -0.6),      // often raised, negative: fix first
            Sums(day, "staff-attitude", "nps", [(10, 250)], sentiment: 0.7), // often raised, positive: keep up
            Sums(day, "parking", "nps", [(3, 40)], sentiment: -0.4),         // rare, negative: watch
            Sums(day, "app", "nps", [(10, 40)], sentiment: 0.5),             // rare, positive: maintain
        ];

        var evidence = TopicEvidence.Build(all, topics, new MetricOptions(), PeriodKind.Month).ToDictionary(t => t.Key);

        Assert.Equal(TopicEvidence.FixFirst, evidence["wait-time"].Quadrant);
        Assert.Equal(TopicEvidence.KeepUp, evidence["staff-attitude"].Quadrant);
        Assert.Equal(TopicEvidence.Watch, evidence["parking"].Quadrant);
        Assert.Equal(TopicEvidence.Maintain, evidence["app"].Quadrant);
        // Without the 300 detractors who raise waits: 500 promoters and 200 detractors of 700, NPS 42.86 against 0 for everyone.
        Assert.Equal(300.0 / 7, evidence["wait-time"].NpsImpact.MoveWithout!.Value, 6);
        Assert.True(evidence["wait-time"].NpsImpact.Significant);
        Assert.Equal(30, evidence["wait-time"].Share.Value!.Value, 10);
    }

    [Fact]
    public void Scorecard_groups_are_compared_with_everyone_else_and_periods_with_the_one_before()
    {
        var march = new DateOnly(2026, 3, 10);
        var april = new DateOnly(2026, 4, 10);
        FeedbackSums[] customers =
        [
            Sums(march, "", "nps", [(10, 80), (3, 20)], group: "online"),   // NPS 60
            Sums(march, "", "nps", [(10, 40), (3, 60)], group: "retail"),   // NPS −20
            Sums(april, "", "nps", [(10, 41), (3, 59)], group: "online"),   // NPS −18
        ];

        var card = Scorecard.Build(customers, [], new MetricOptions(), PeriodKind.Month, "segment");

        Assert.Equal((161 - 139) / 3.0, card.Overall.Nps.Value!.Value, 10);
        Assert.Equal(["2026-03", "2026-04"], card.Periods.Select(p => p.Period));
        Assert.Equal(20, card.Periods[0].Scores.Nps.Value!.Value, 10);
        Assert.Null(card.Periods[0].ChangeFromPrevious["nps"]);
        Assert.True(card.Periods[1].ChangeFromPrevious["nps"]!.Value.Significant); // 20 → −18
        var retail = card.Groups.Single(g => g.Group == "retail");
        Assert.Equal(-20, retail.Scores.Nps.Value!.Value, 10);
        Assert.Equal(-20 - 21, retail.VersusRest["nps"]!.Value.Delta, 10); // the rest: 121 promoters, 79 detractors of 200 = 21
        Assert.Equal(2, card.Groups.Single(g => g.Group == "online").Periods.Count);
    }

    [Fact]
    public void Reply_signals_are_judged_by_how_the_customers_sentiment_moved_after_them()
    {
        // Two customers got an apology: −0.8 → 0.2 and −0.6 → 0.0 (moves +1.0, +0.6). Two did not: −0.2 → −0.1 and
        // 0.1 → 0.1 (moves +0.1, 0). Their next levels alone would hide that the apologies went to the angriest.
        VerbatimRow Said(string id, string person, double sentiment, DateTimeOffset at) =>
            new(0, "social", id, "customer", person, at, null, null, "text", sentiment, null, null, null);
        CommunicationFact Reply(string to, DateTimeOffset at, params string[] signals) =>
            new("r" + to, at, "support", "external", "reply", "reply", to, new HashSet<string>(signals), 0, 1, 5, 70, 0);
        var answered = new[] { Said("a", "p1", -0.8, Monday), Said("b", "p2", -0.6, Monday), Said("c", "p3", -0.2, Monday), Said("d", "p4", 0.1, Monday) }
            .ToDictionary(f => f.ExternalId);
        var later = new List<VerbatimRow>
        {
            Said("a2", "p1", 0.2, Monday.AddHours(2)), Said("b2", "p2", 0.0, Monday.AddHours(2)),
            Said("c2", "p3", -0.1, Monday.AddHours(2)), Said("d2", "p4", 0.1, Monday.AddHours(2)),
        };
        later.AddRange(answered.Values);
        later.Sort((x, y) => x.At.CompareTo(y.At));
        var replies = new[] { Reply("a", Monday.AddHours(1), "apology"), Reply("b", Monday.AddHours(1), "apology"), Reply("c", Monday.AddHours(1)), Reply("d", Monday.AddHours(1)) };

        var evidence = ReplyEvidence.Build(replies, answered, later, [], minimum: 2);

        var apology = evidence.Signals.Single(s => s.Signal == "apology");
        Assert.Equal(4, evidence.FollowedUp);
        Assert.Equal(50, apology.Share.Value!.Value, 10);
        Assert.Equal(0.8, apology.NextSentimentWith.Value!.Value, 10);
        Assert.Equal(0.05, apology.NextSentimentWithout.Value!.Value, 10);
        Assert.Equal(0.75, apology.Difference!.Value.Delta, 10);
    }

    [Fact]
    public void Friction_is_placed_at_the_stage_of_the_customers_latest_journey_event()
    {
        VerbatimRow Comment(string person, double days, string? friction, double score) =>
            new(0, "survey", person + days, "customer", person, Monday.AddDays(days), "nps", score, null, friction is null ? 0.3 : -0.5, null, null, friction);
        JourneyFact[] journey =
        [
            new("p1", "book", Monday, "booking"),
            new("p1", "visit", Monday.AddDays(10), "care"),
            new("p2", "book", Monday.AddDays(5), "booking"),
        ];
        VerbatimRow[] comments =
        [
            Comment("p1", 1, "wait", 3),                  // booking (latest event: day 0)
            Comment("p1", 12, "wait,transfer", 2),        // care (day 10)
            Comment("p1", 13, null, 9),                   // care
            Comment("p1", 45, "wait", 4),                 // 35 days after the visit: no stage
            Comment("p2", 4, "repeat-contact", 5),        // before p2's first event: no stage
            Comment("p3", 4, "wait", 8),                  // no journey at all
        ];

        var stages = FrictionByStage.Build(comments, journey, minimum: 1).ToDictionary(s => s.Stage);

        Assert.Equal(["care", "booking", FrictionByStage.NoStage], stages.Keys);
        Assert.Equal(2, stages["care"].Commented);
        var careWait = stages["care"].Friction.Single(f => f.Kind == "wait");
        Assert.Equal(50, careWait.Share.Value!.Value, 10);
        Assert.Equal(100, careWait.DetractorShare.Value!.Value, 10);
        Assert.Contains(stages["care"].Friction, f => f.Kind == "transfer");
        Assert.Equal(1, stages["booking"].Commented);
        Assert.Equal(3, stages[FrictionByStage.NoStage].Commented);
        Assert.Equal(2, stages[FrictionByStage.NoStage].Friction.Single(f => f.Kind == "wait").Comments);
    }
}
