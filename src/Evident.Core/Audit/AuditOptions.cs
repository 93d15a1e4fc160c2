namespace Evident.Core.Audit;

/// <summary>Which posts a <see cref="FeedAudit"/> counts and how much it shows of them.</summary>
/// <param name="Last">Count only the last this many posts (at least 1); <c>null</c> counts them all.</param>
/// <param name="ByTime">Whether "last" means the most recent by <see cref="AuditPost.Time"/> rather than the last added.</param>
/// <param name="Examples">The most example sentences kept per signal (0 keeps none).</param>
public sealed record AuditOptions(int? Last = null, bool ByTime = false, int Examples = AuditOptions.DefaultExamples)
{
    public const int DefaultExamples = 3;

    public static AuditOptions Default { get; } = new();
}
