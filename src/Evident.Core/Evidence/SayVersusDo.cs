using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>What the people of one NPS class did after their (latest) answer.</summary>
public sealed record ClassOutcome(string Class, long People, Estimate Churned, Estimate CameBack);

/// <summary>
/// Stated intent against behaviour: each person's latest NPS answer classes them (promoter 9–10, passive 7–8,
/// detractor 0–6); within <see cref="WindowDays"/> days after it, did they leave (a churn action) and did they come
/// back (any visit-like action)? Promoters who left and detractors who stayed are the say-do gaps.
/// </summary>
public sealed record SayVersusDo(IReadOnlyList<ClassOutcome> Classes, Difference? DetractorVersusPromoterChurn, long PromotersWhoLeft, long DetractorsWhoStayed, int WindowDays)
{
    public static readonly IReadOnlySet<string> ChurnActions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "churn", "churned", "leave", "left", "deregister", "deregistered", "close-account", "account-closed", "cancel-subscription",
        "unsubscribe", "transfer-out", "lapsed",
    };

    public static readonly IReadOnlySet<string> ReturnActions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "visit", "revisit", "purchase", "order", "renew", "renewal", "book", "booking", "return", "repeat", "login", "appointment",
    };

    public static string ClassOf(double score) => score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";

    public static SayVersusDo Build(IReadOnlyList<ScoredAnswer> npsAnswers, IReadOnlyList<JourneyFact> journey, int minimum, int windowDays = 90)
    {
        var latest = new Dictionary<string, ScoredAnswer>(StringComparer.Ordinal);
        foreach (var answer in npsAnswers)
        {
            if (!latest.TryGetValue(answer.Person, out var seen) || seen.At <= answer.At)
            {
                latest[answer.Person] = answer;
            }
        }

        var events = journey.ToLookup(e => e.Person, StringComparer.Ordinal);
        var window = TimeSpan.FromDays(windowDays);
        var counts = new Dictionary<string, (long People, long Churned, long Back)>();
        foreach (var answer in latest.Values)
        {
            bool churned = false, back = false;
            foreach (var e in events[answer.Person])
            {
                if (e.At <= answer.At || e.At - answer.At > window)
                {
                    continue;
                }

                churned |= ChurnActions.Contains(e.Action);
                back |= ReturnActions.Contains(e.Action);
            }

            string kind = ClassOf(answer.Score);
            var (people, churnedCount, backCount) = counts.GetValueOrDefault(kind);
            counts[kind] = (people + 1, churnedCount + (churned ? 1 : 0), backCount + (back ? 1 : 0));
        }

        var classes = new List<ClassOutcome>();
        foreach (string kind in (string[])["promoter", "passive", "detractor"])
        {
            var (people, churned, back) = counts.GetValueOrDefault(kind);
            classes.Add(new ClassOutcome(kind, people, ScoreMetrics.Share(churned, people, minimum), ScoreMetrics.Share(back, people, minimum)));
        }

        var promoters = counts.GetValueOrDefault("promoter");
        var detractors = counts.GetValueOrDefault("detractor");
        return new SayVersusDo(classes, classes[2].Churned.Compare(classes[0].Churned), promoters.Churned, detractors.People - detractors.Churned, windowDays);
    }
}
