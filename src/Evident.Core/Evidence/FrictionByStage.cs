using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>One friction kind within one journey stage.</summary>
public sealed record StageFriction(string Kind, long Comments, Estimate Share, double? Sentiment, Estimate DetractorShare);

/// <summary>The friction customers report at one journey stage.</summary>
public sealed record StageEvidence(string Stage, long Commented, IReadOnlyList<StageFriction> Friction);

/// <summary>
/// Friction by journey stage: each comment of a known customer is placed at the stage of that customer's latest journey
/// event at or before it (within <see cref="Window"/>; otherwise "(none)"), and each stage's comments are counted per
/// friction kind — share of the stage's comments, their sentiment, and the share of detractors among their NPS answers.
/// </summary>
public static class FrictionByStage
{
    public const string NoStage = "(none)";

    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <param name="comments">Customer comments of known people (text not needed: the friction list and sentiment are).</param>
    public static IReadOnlyList<StageEvidence> Build(IReadOnlyList<VerbatimRow> comments, IReadOnlyList<JourneyFact> journey, int minimum)
    {
        var events = journey.Where(e => e.Stage is not null)
            .GroupBy(e => e.Person, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ToArray(), StringComparer.Ordinal);
        var byStage = new Dictionary<string, List<VerbatimRow>>(StringComparer.Ordinal);
        foreach (var comment in comments)
        {
            string stage = NoStage;
            if (comment.Person is { } person && events.TryGetValue(person, out var personEvents))
            {
                var latest = Latest(personEvents, comment.At);
                if (latest is not null && comment.At - latest.At <= Window)
                {
                    stage = latest.Stage!;
                }
            }

            if (!byStage.TryGetValue(stage, out var list))
            {
                byStage[stage] = list = [];
            }

            list.Add(comment);
        }

        var result = new List<StageEvidence>();
        foreach (var (stage, list) in byStage.OrderBy(p => p.Key == NoStage).ThenByDescending(p => p.Value.Count))
        {
            var kinds = new List<StageFriction>();
            foreach (var kind in list.SelectMany(c => Kinds(c.Friction)).Distinct(StringComparer.Ordinal))
            {
                var with = list.Where(c => Kinds(c.Friction).Contains(kind)).ToList();
                var nps = with.Where(c => c.ScoreKind == ScoreKinds.Nps && c.Score is not null).ToList();
                var sentiments = with.Where(c => c.Sentiment is not null).Select(c => c.Sentiment!.Value).ToList();
                kinds.Add(new StageFriction(kind, with.Count, ScoreMetrics.Share(with.Count, list.Count, minimum),
                    sentiments.Count > 0 ? sentiments.Average() : null,
                    ScoreMetrics.Share(nps.Count(c => c.Score < 7), nps.Count, minimum)));
            }

            result.Add(new StageEvidence(stage, list.Count, [.. kinds.OrderByDescending(k => k.Comments)]));
        }

        return result;
    }

    private static string[] Kinds(string? friction) =>
        friction is null ? [] : friction.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The last event at or before <paramref name="at"/> in time-ordered <paramref name="events"/>.</summary>
    private static JourneyFact? Latest(JourneyFact[] events, DateTimeOffset at)
    {
        int low = 0, high = events.Length - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (events[middle].At <= at)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? null : events[found];
    }
}
