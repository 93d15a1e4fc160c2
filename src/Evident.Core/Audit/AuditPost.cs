namespace Evident.Core.Audit;

/// <summary>One post of an organisation's feed: a social post, a memo, an email.</summary>
/// <param name="Line">Where the post starts in its file (1-based), or any number that grows in feed order: it names the
/// post in examples, and among posts published at the same time the later line is the more recent.</param>
/// <param name="Time">When it was published; needed only when the audit keeps the most recent posts by time.</param>
public readonly record struct AuditPost(string Text, long Line, DateTimeOffset? Time = null);
