using Evident.Core.Evidence;

namespace Evident.Core.Tests.Evidence;

/// <summary>Builders for hand-made evidence inputs.</summary>
internal static class EvidenceFacts
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static InteractionFact Contact(string? person, string? reason, DateTimeOffset at, string channel = "phone", string? team = "call-centre",
        string? agent = "a1", double? wait = null, int? transfers = null, string? outcome = null, double? firstResponse = null) =>
        new(at, person, channel, team, agent, reason, outcome, firstResponse, null, wait, null, transfers, null);

    public static VerbatimRow Pulse(string person, string team, double enps, DateTimeOffset at, double sentiment = 0) =>
        new(0, "pulse", person + at.Ticks, "employee", person, at, "enps", enps, "comment", sentiment, team, null, null);

    public static CommunicationFact Post(DateTimeOffset at, params string[] signals) =>
        new("p" + at.Ticks, at, "ceo", "external", "post", "text", null, new HashSet<string>(signals), 1, 1, 10, 60, 0);

    /// <summary>One rollup-like row of commented answers of a score kind with the given distribution.</summary>
    public static FeedbackSums Sums(DateOnly day, string theme, string scoreKind, (int Score, int Count)[] answers, double sentiment = 0, string group = "", long? withText = null)
    {
        var distribution = new long[11];
        double sum = 0, squares = 0;
        long n = 0;
        foreach (var (score, count) in answers)
        {
            distribution[score] += count;
            sum += score * count;
            squares += score * score * count;
            n += count;
        }

        long text = withText ?? n;
        return new FeedbackSums(day, group, theme, scoreKind, n, text, sum, squares, distribution, sentiment * text, sentiment * sentiment * text,
            sentiment > 0 ? text : 0, sentiment < 0 ? text : 0, sentiment * text, 0, 0);
    }
}
