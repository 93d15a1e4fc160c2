using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>The audit signals of the organisation's own posts and memos (replies excluded) in one period.</summary>
public sealed record RhetoricPeriod(
    string Period,
    long Posts,
    IReadOnlyDictionary<string, Estimate> SignalShares,
    double? YouFocus,
    double? Claim,
    double? Experience,
    IReadOnlyDictionary<string, double> ExperienceParts,
    double? Gap);

/// <summary>
/// Rhetoric against reality, per period, and the evidence-gap index (docs/evidence-gap.md):
/// <list type="bullet">
/// <item><b>Claim</b> (0–100): the share of the period's posts and memos that claim customer focus — the
/// customer-perspective or vague-commitment signal.</item>
/// <item><b>Experience</b> (0–100): the mean of what customers report that period, each on 0–100: NPS rescaled
/// ((NPS + 100) / 2), CSAT top-2-box %, mean sentiment rescaled ((s + 1) × 50), and 100 − the % of comments showing friction.
/// Only figures with enough answers count.</item>
/// <item><b>Gap</b> = Claim − Experience: above zero the organisation says more than its customers experience.</item>
/// </list>
/// A period without posts or without experience figures has no gap.
/// </summary>
public sealed record RhetoricEvidence(IReadOnlyList<RhetoricPeriod> Periods, IReadOnlyDictionary<string, Estimate> SignalShares, long Posts, double? Gap, double? OverallYouFocus)
{
    public static readonly string[] AuditSignals =
        ["customer-perspective", "listening", "gratitude", "employee-focus", "sales-pressure", "vague-commitment"];

    public static readonly string[] ClaimSignals = ["customer-perspective", "vague-commitment"];

    /// <param name="experience">Customer scores per period (same period kind).</param>
    /// <param name="frictionShare">Per period: the % of customer comments showing friction.</param>
    public static RhetoricEvidence Build(
        IReadOnlyList<CommunicationFact> communications, IReadOnlyList<PeriodScores> experience, IReadOnlyDictionary<string, Estimate> frictionShare,
        PeriodKind period, int minimumPosts = 5)
    {
        var posts = communications.Where(c => !c.IsReply).ToList();
        var byPeriod = posts.ToLookup(c => Period.Label(c.Day, period));
        var scores = experience.ToDictionary(p => p.Period, p => p.Scores);
        var labels = byPeriod.Select(g => g.Key).Concat(scores.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var periods = new List<RhetoricPeriod>();
        foreach (string label in labels)
        {
            var inPeriod = byPeriod[label].ToList();
            var shares = SharesOf(inPeriod, minimumPosts);
            double? claim = inPeriod.Count >= minimumPosts
                ? 100.0 * inPeriod.Count(c => ClaimSignals.Any(c.Signals.Contains)) / inPeriod.Count
                : null;
            var parts = new Dictionary<string, double>();
            if (scores.TryGetValue(label, out var set))
            {
                if (set.Nps.Value is double nps) { parts["nps"] = (nps + 100) / 2; }
                if (set.Csat.Value is double csat) { parts["csat"] = csat; }
                if (set.Sentiment.Value is double sentiment) { parts["sentiment"] = (sentiment + 1) * 50; }
            }

            if (frictionShare.TryGetValue(label, out var friction) && friction.Value is double share) { parts["no-friction"] = 100 - share; }
            double? experienceScore = parts.Count > 0 ? parts.Values.Average() : null;
            double? gap = claim is double c && experienceScore is double e ? c - e : null;
            periods.Add(new RhetoricPeriod(label, inPeriod.Count, shares, YouFocus(inPeriod), claim, experienceScore, parts, gap));
        }

        var gaps = periods.Where(p => p.Gap is not null).ToList();
        double? overall = gaps.Count > 0 ? gaps.Sum(p => p.Gap!.Value * p.Posts) / gaps.Sum(p => p.Posts) : null;
        return new RhetoricEvidence(periods, SharesOf(posts, minimumPosts), posts.Count, overall, YouFocus(posts));
    }

    /// <summary>Per audit signal, the share (%) of posts that show it (a post counts once however often it shows it).</summary>
    public static Dictionary<string, Estimate> SharesOf(IReadOnlyCollection<CommunicationFact> posts, int minimum) =>
        AuditSignals.ToDictionary(s => s, s => ScoreMetrics.Share(posts.Count(p => p.Signals.Contains(s)), posts.Count, minimum));

    /// <summary>(you − we) / (you + we) over the posts' words: +1 all "you", −1 all "we".</summary>
    public static double? YouFocus(IEnumerable<CommunicationFact> posts)
    {
        long we = 0, you = 0;
        foreach (var post in posts)
        {
            we += post.We;
            you += post.You;
        }

        return we + you == 0 ? null : (double)(you - we) / (you + we);
    }
}

/// <summary>How one reply signal relates to what the customer said next.</summary>
public sealed record ReplySignalEffect(string Signal, Estimate Share, Estimate NextSentimentWith, Estimate NextSentimentWithout, Difference? Difference);

/// <summary>
/// The quality of replies to customers: the share showing each reply signal (apology, empathy, ownership, next step,
/// politeness), their readability, the first-response times of interactions, and — where the answered customer spoke
/// again — how their sentiment moved from the message answered to what they said next, with and without each signal.
/// The move, not the level: replies apologise most to the angriest customers, whose next message starts lower.
/// </summary>
public sealed record ReplyEvidence(long Replies, double? MeanReadability, Percentiles FirstResponseSeconds, IReadOnlyList<ReplySignalEffect> Signals, long FollowedUp)
{
    public static readonly string[] ReplySignals = ["apology", "empathy", "ownership", "next-step", "politeness"];

    /// <param name="answered">The customer feedback the replies answered, by external id.</param>
    /// <param name="laterFeedback">Feedback of the answered customers, oldest first.</param>
    public static ReplyEvidence Build(
        IReadOnlyList<CommunicationFact> communications, IReadOnlyDictionary<string, VerbatimRow> answered, IReadOnlyList<VerbatimRow> laterFeedback,
        IReadOnlyList<InteractionFact> interactions, int minimum)
    {
        var replies = communications.Where(c => c.IsReply).ToList();
        var byPerson = laterFeedback.Where(f => f.Person is not null && f.Sentiment is not null).ToLookup(f => f.Person!, StringComparer.Ordinal);
        var next = new Dictionary<CommunicationFact, double>(ReferenceEqualityComparer.Instance);
        foreach (var reply in replies)
        {
            if (reply.InReplyTo is { } id && answered.TryGetValue(id, out var feedback) && feedback.Person is { } person)
            {
                var following = byPerson[person].FirstOrDefault(f => f.At > reply.At);
                if (following?.Sentiment is double after && feedback.Sentiment is double before)
                {
                    next[reply] = after - before;
                }
            }
        }

        var effects = new List<ReplySignalEffect>();
        foreach (string signal in ReplySignals)
        {
            var with = next.Where(p => p.Key.Signals.Contains(signal)).Select(p => p.Value).ToArray();
            var without = next.Where(p => !p.Key.Signals.Contains(signal)).Select(p => p.Value).ToArray();
            var withEstimate = ScoreMetrics.Mean(MeanSums.Of(with), minimum);
            var withoutEstimate = ScoreMetrics.Mean(MeanSums.Of(without), minimum);
            effects.Add(new ReplySignalEffect(signal, ScoreMetrics.Share(replies.Count(r => r.Signals.Contains(signal)), replies.Count, minimum),
                withEstimate, withoutEstimate, withEstimate.Compare(withoutEstimate)));
        }

        var readability = replies.Where(r => r.Readability is not null).Select(r => r.Readability!.Value).ToList();
        var firstResponse = interactions.Where(i => i.FirstResponseSeconds is not null).Select(i => i.FirstResponseSeconds!.Value).ToList();
        return new ReplyEvidence(replies.Count, readability.Count > 0 ? readability.Average() : null, Percentiles.Of(firstResponse), effects, next.Count);
    }
}
