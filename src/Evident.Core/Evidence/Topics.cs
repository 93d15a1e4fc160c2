using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>A theme's or friction kind's mentions in one period.</summary>
public sealed record TopicPeriod(string Period, long Mentions, long Commented, Estimate Share, double? Sentiment);

/// <summary>
/// Where a topic's share of comments changed most: the periods before <see cref="Since"/> pooled against the periods
/// from it on. Only a change significant at 5 % after a Bonferroni correction for the splits tried is reported.
/// </summary>
public sealed record Shift(string Since, Estimate Before, Estimate After, Difference Difference)
{
    public static Shift? Find(IReadOnlyList<TopicPeriod> trend, int minimum, int minimumPeriods = 2)
    {
        int splits = trend.Count - 2 * minimumPeriods + 1;
        if (splits < 1)
        {
            return null;
        }

        long allMentions = trend.Sum(t => t.Mentions), allCommented = trend.Sum(t => t.Commented);
        long mentions = 0, commented = 0;
        Shift? best = null;
        double bestZ = 0;
        for (int k = 0; k < trend.Count - minimumPeriods; k++)
        {
            mentions += trend[k].Mentions;
            commented += trend[k].Commented;
            if (k + 1 < minimumPeriods)
            {
                continue;
            }

            var before = ScoreMetrics.Share(mentions, commented, minimum);
            var after = ScoreMetrics.Share(allMentions - mentions, allCommented - commented, minimum);
            if (after.Compare(before) is not Difference difference || difference.P * splits >= 0.05)
            {
                continue;
            }

            double z = Math.Abs(difference.Delta) / Math.Sqrt(before.StandardError!.Value * before.StandardError.Value + after.StandardError!.Value * after.StandardError.Value);
            if (z > bestZ)
            {
                bestZ = z;
                best = new Shift(trend[k + 1].Period, before, after, difference with { P = Math.Min(1, difference.P * splits) });
            }
        }

        return best;
    }
}

/// <summary>A theme's or friction kind's mentions within one group (source, segment).</summary>
public sealed record TopicGroup(string Group, long Mentions, Estimate Share, double? Sentiment, Estimate DetractorShare);

/// <summary>
/// What customers say about one theme (or one friction kind, key <c>friction:KIND</c>): how often (share of commented
/// feedback), how they feel about it (aspect sentiment for themes, the comment's sentiment for friction), its effort
/// and share of detractors, its trend per period with the latest change tested, and its impact on NPS and CSAT.
/// <see cref="Quadrant"/> places it on the importance (share) × performance (sentiment) map: importance is split at
/// the mean share of the topics, performance at neutral sentiment (0), so that a theme customers speak badly of is
/// never told to "keep up" because the others are worse.
/// </summary>
public sealed record TopicEvidence(
    string Key,
    long Mentions,
    Estimate Share,
    double? Sentiment,
    double? Effort,
    Estimate DetractorShare,
    DriverImpact NpsImpact,
    DriverImpact CsatImpact,
    IReadOnlyList<TopicPeriod> Trend,
    Difference? LatestChange,
    IReadOnlyList<TopicGroup> Groups)
{
    public string Quadrant { get; init; } = "";

    /// <summary>The largest significant change in the topic's share of comments, if any.</summary>
    public Shift? Shift { get; init; }

    public bool IsFriction => Key.StartsWith(FeedbackSums.FrictionPrefix, StringComparison.Ordinal);

    /// <summary>The theme id or friction kind without its prefix.</summary>
    public string Name => IsFriction ? Key[FeedbackSums.FrictionPrefix.Length..] : Key;

    public const string FixFirst = "fix first";
    public const string KeepUp = "keep up";
    public const string Watch = "watch";
    public const string Maintain = "maintain";

    /// <param name="all">Customer sums, theme '' (every row), grouped the same way as <paramref name="topics"/>.</param>
    /// <param name="topics">Customer sums per theme or friction kind.</param>
    public static IReadOnlyList<TopicEvidence> Build(IReadOnlyList<FeedbackSums> all, IReadOnlyList<FeedbackSums> topics, MetricOptions options, PeriodKind period)
    {
        int minimum = options.MinimumFor(employees: false);
        var totals = FeedbackTotals.Of(all);
        var allByPeriod = all.GroupBy(r => Period.Label(r.Day, period)).ToDictionary(g => g.Key, FeedbackTotals.Of);
        var allByGroup = all.GroupBy(r => r.Group).ToDictionary(g => g.Key, FeedbackTotals.Of);
        var labels = allByPeriod.Keys.Order(StringComparer.Ordinal).ToList();
        var result = new List<TopicEvidence>();
        foreach (var topic in topics.GroupBy(r => r.Theme))
        {
            var topicTotals = FeedbackTotals.Of(topic);
            var byPeriod = topic.GroupBy(r => Period.Label(r.Day, period)).ToDictionary(g => g.Key, FeedbackTotals.Of);
            var trend = new List<TopicPeriod>();
            foreach (string label in labels)
            {
                var inPeriod = byPeriod.GetValueOrDefault(label);
                long mentions = inPeriod?.WithText ?? 0;
                long commented = allByPeriod[label].WithText;
                trend.Add(new TopicPeriod(label, mentions, commented, ScoreMetrics.Share(mentions, commented, minimum), inPeriod?.MeanThemeSentiment));
            }

            var shown = trend.Where(t => t.Share.Shown).ToList();
            var latestChange = shown.Count >= 2 ? shown[^1].Share.Compare(shown[^2].Share) : null;
            var groups = topic.GroupBy(r => r.Group).Select(g =>
            {
                var groupTotals = FeedbackTotals.Of(g);
                long commented = allByGroup.TryGetValue(g.Key, out var all) ? all.WithText : 0;
                return new TopicGroup(g.Key, groupTotals.WithText, ScoreMetrics.Share(groupTotals.WithText, commented, minimum),
                    groupTotals.MeanThemeSentiment, DetractorsOf(groupTotals, minimum));
            }).OrderByDescending(g => g.Mentions).ToList();
            result.Add(new TopicEvidence(
                topic.Key,
                topicTotals.WithText,
                ScoreMetrics.Share(topicTotals.WithText, totals.WithText, minimum),
                topicTotals.MeanThemeSentiment,
                topicTotals.MeanEffort,
                DetractorsOf(topicTotals, minimum),
                // In classes: the store may read topic rows coarsened to them (EvidenceReader), and NPS and top-2-box need no more.
                DriverImpact.Of(ScoreKinds.Nps, totals.ScoresOf(ScoreKinds.Nps).InClasses(), topicTotals.ScoresOf(ScoreKinds.Nps).InClasses(), minimum),
                DriverImpact.Of(ScoreKinds.Csat, totals.ScoresOf(ScoreKinds.Csat).InClasses(), topicTotals.ScoresOf(ScoreKinds.Csat).InClasses(), minimum),
                trend,
                latestChange,
                groups) { Shift = Shift.Find(trend, minimum) });
        }

        return Place(result);
    }

    /// <summary>The share of NPS answers that are detractors (0–6).</summary>
    public static Estimate DetractorsOf(FeedbackTotals totals, int minimum)
    {
        var nps = totals.ScoresOf(ScoreKinds.Nps);
        return ScoreMetrics.Share(nps.Between(0, 6), nps.N, minimum);
    }

    /// <summary>Sentiment at which performance is split: neutral.</summary>
    public const double PerformanceDivider = 0;

    /// <summary>Sorts by mentions and places each topic on the importance × performance map.</summary>
    private static List<TopicEvidence> Place(List<TopicEvidence> topics)
    {
        var placed = topics.Where(t => t.Share.Shown && t.Sentiment is not null).ToList();
        double meanShare = placed.Count > 0 ? placed.Average(t => t.Share.Value!.Value) : 0;
        const double meanSentiment = PerformanceDivider;
        return [.. topics
            .Select(t => t.Share.Value is double share && t.Sentiment is double sentiment
                ? t with { Quadrant = (share >= meanShare, sentiment >= meanSentiment) switch
                {
                    (true, false) => FixFirst,
                    (true, true) => KeepUp,
                    (false, false) => Watch,
                    _ => Maintain,
                } }
                : t)
            .OrderByDescending(t => t.Mentions).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }
}
