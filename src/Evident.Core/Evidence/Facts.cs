namespace Evident.Core.Evidence;

/// <summary>A scored answer of a known person (for say-vs-do).</summary>
public sealed record ScoredAnswer(string Person, DateTimeOffset At, double Score, double? Sentiment);

/// <summary>A journey event: what a person did, and when.</summary>
public sealed record JourneyFact(string Person, string Action, DateTimeOffset At, string? Stage);

/// <summary>Something the organisation said, with its stored audit and reply signals.</summary>
public sealed record CommunicationFact(
    string Id,
    DateTimeOffset At,
    string? Author,
    string? Audience,
    string? Channel,
    string Text,
    string? InReplyTo,
    IReadOnlySet<string> Signals,
    int We,
    int You,
    int Words,
    double? Readability,
    double? Sentiment)
{
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);

    public bool IsReply => InReplyTo is not null || string.Equals(Channel, "reply", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A feedback row as shown: what was said, by whom (pseudonymously), its score and stored analysis.</summary>
public sealed record VerbatimRow(
    long Id,
    string Source,
    string ExternalId,
    string Subject,
    string? Person,
    DateTimeOffset At,
    string? ScoreKind,
    double? Score,
    string? Text,
    double? Sentiment,
    string? Team,
    string? Segment,
    string? Friction);
