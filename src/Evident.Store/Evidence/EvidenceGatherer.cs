using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Text;
using Evident.Text.Themes;

namespace Evident.Store.Evidence;

/// <summary>Reads a workspace and computes every piece of evidence the report and the brief show.</summary>
public static class EvidenceGatherer
{
    public static async Task<EvidenceSet> GatherAsync(
        Workspace workspace, MetricOptions options, PeriodKind period, TextAnalyzer analyzer, int verbatimsPerTopic = 3, CancellationToken cancellation = default)
    {
        var reader = new EvidenceReader(workspace);
        var customers = await reader.ReadFeedbackSumsAsync("customer", cancellation: cancellation);
        var employees = await reader.ReadFeedbackSumsAsync("employee", cancellation: cancellation);
        var scorecard = Scorecard.Build(customers, employees, options, period, null);

        // Topics ask each row only which period it falls in: summed per period in the store.
        var customersBySource = await reader.ReadFeedbackSumsAsync("customer", "source", periods: period, cancellation: cancellation);
        var themeRows = await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Themes, period, cancellation);
        var frictionRows = await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Friction, period, cancellation);
        var themes = TopicEvidence.Build(customersBySource, themeRows, options, period);
        var friction = TopicEvidence.Build(customersBySource, frictionRows, options, period);

        var interactions = await reader.ReadInteractionsAsync(cancellation);
        var operations = interactions.Count > 0 ? OperationsEvidence.Build(interactions, options, period) : null;
        var journey = await reader.ReadJourneyAsync(cancellation);
        var sayDo = SayVersusDo.Build(await reader.ReadPersonScoresAsync(ScoreKinds.Nps, cancellation), journey, options.MinResponses);
        var frictionByStage = await FrictionByStageAsync(reader, journey, options, cancellation);
        var employeeEvidence = await EmployeesAsync(reader, themes, interactions, options, period, cancellation);

        var communications = await reader.ReadCommunicationsAsync(cancellation);
        var rhetoric = RhetoricEvidence.Build(communications, scorecard.Periods, FrictionShareByPeriod(customers, options, period), period);
        var rhetoricExamples = RhetoricExamples(communications, analyzer, 400);
        var replyEvidence = await RepliesAsync(reader, communications, interactions, options, cancellation);

        DateOnly? from = customers.Count > 0 ? customers.Min(r => r.Day) : null;
        DateOnly? to = customers.Count > 0 ? customers.Max(r => r.Day) : null;
        var emerging = to is DateOnly last
            ? EmergingPhrases.Find(analyzer, await reader.ReadRecentTextsAsync(last.AddDays(-90), 20_000, cancellation), top: 15, minimumTexts: 5)
            : [];

        var verbatims = new Dictionary<string, IReadOnlyList<Verbatim>>(StringComparer.Ordinal);
        foreach (var topic in themes.Take(12).Concat(friction.Take(8)))
        {
            bool negative = topic.Sentiment is not double s || s < 0.05 || topic.IsFriction;
            var rows = await reader.ReadVerbatimsAsync(topic.Key, negative, verbatimsPerTopic * 8, to?.AddDays(-90), cancellation);
            verbatims[topic.Key] = [.. rows.DistinctBy(r => Normalised(r.Text)).Take(verbatimsPerTopic).Select(r => new Verbatim(r, analyzer.Analyze(r.Text ?? "")))];
        }

        var names = analyzer.Lexicons.Taxonomy.Themes.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        return new EvidenceSet(from, to, period, options, scorecard, themes, friction, operations, sayDo, employeeEvidence, rhetoric,
            rhetoricExamples, replyEvidence, emerging, verbatims, names) { FrictionByStage = frictionByStage };
    }

    /// <summary>Friction by journey stage (none without journey events).</summary>
    public static async Task<IReadOnlyList<StageEvidence>> FrictionByStageAsync(
        EvidenceReader reader, IReadOnlyList<JourneyFact> journey, MetricOptions options, CancellationToken cancellation) =>
        journey.Count > 0 ? FrictionByStage.Build(await reader.ReadKnownCustomersCommentsAsync(cancellation), journey, options.MinResponses) : [];

    /// <summary>Employee evidence: pulses, workload from <paramref name="interactions"/>, the themes shared with customers.</summary>
    public static async Task<EmployeeEvidence> EmployeesAsync(
        EvidenceReader reader, IReadOnlyList<TopicEvidence> customerThemes, IReadOnlyList<InteractionFact> interactions, MetricOptions options, PeriodKind period,
        CancellationToken cancellation)
    {
        var pulses = await reader.ReadEmployeeCommentsAsync(cancellation);
        var employeeThemes = await reader.ReadFeedbackSumsAsync("employee", "source", RollupSlice.Themes, period, cancellation);
        var employeesBySource = await reader.ReadFeedbackSumsAsync("employee", "source", periods: period, cancellation: cancellation);
        return EmployeeEvidence.Build(pulses, interactions, employeesBySource, employeeThemes, customerThemes, options, period);
    }

    /// <summary>The latest posts and memos (not replies) that carry an audit signal, newest first, with their analysis.</summary>
    public static IReadOnlyList<(CommunicationFact Post, TextAnalysis Analysis)> RhetoricExamples(
        IReadOnlyList<CommunicationFact> communications, TextAnalyzer analyzer, int newest) =>
        [.. communications.Where(c => !c.IsReply).Reverse().Take(newest)
            .Select(c => (c, analyzer.Analyze(c.Text))).Where(p => p.Item2.Signals.Count > 0)];

    /// <summary>Replies to customers: their signals, and what the customer said next with and without each.</summary>
    public static async Task<ReplyEvidence> RepliesAsync(
        EvidenceReader reader, IReadOnlyList<CommunicationFact> communications, IReadOnlyList<InteractionFact> interactions, MetricOptions options,
        CancellationToken cancellation)
    {
        var replies = communications.Where(c => c.IsReply && c.InReplyTo is not null).Select(c => c.InReplyTo!).Distinct(StringComparer.Ordinal).ToList();
        var answered = (await reader.ReadFeedbackByExternalIdsAsync(replies, cancellation))
            .GroupBy(f => f.ExternalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var people = answered.Values.Where(f => f.Person is not null).Select(f => f.Person!).Distinct(StringComparer.Ordinal).ToList();
        var later = await reader.ReadFeedbackOfPeopleAsync(people, cancellation);
        return ReplyEvidence.Build(communications, answered, later, interactions, Math.Min(options.MinResponses, 10));
    }

    /// <summary>A comment's letters and digits in lower case: two customers who wrote the same words are shown once.</summary>
    private static string Normalised(string? text) =>
        string.Concat((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    /// <summary>Per period, the % of customer comments that show any friction.</summary>
    public static Dictionary<string, Estimate> FrictionShareByPeriod(IReadOnlyList<FeedbackSums> customers, MetricOptions options, PeriodKind period) =>
        customers.GroupBy(r => Period.Label(r.Day, period)).ToDictionary(
            g => g.Key,
            g =>
            {
                var totals = FeedbackTotals.Of(g);
                return ScoreMetrics.Share(totals.WithFriction, totals.WithText, options.MinResponses);
            },
            StringComparer.Ordinal);
}
