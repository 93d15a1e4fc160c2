namespace Evident.Core.Metrics;

/// <summary>
/// One figure with its 95 % interval and the answers behind it. When there were too few answers to say anything, or
/// too few employees to show anything, <see cref="Value"/> is null and <see cref="Withheld"/> says why.
/// </summary>
/// <param name="StandardError">On the scale of <see cref="Value"/>; what differences are tested with.</param>
public sealed record Estimate(double? Value, double? Low, double? High, long N, double? StandardError = null, string? Withheld = null)
{
    public bool Shown => Value is not null;

    public static Estimate TooFew(long n, int minimum, string what = "answers") =>
        new(null, null, null, n, null, n == 0 ? $"no {what}" : $"too few {what} (n = {n} < {minimum})");

    /// <summary>Whether this and <paramref name="other"/> differ significantly (both shown, 5 %, two-sided).</summary>
    public Difference? Compare(Estimate other) =>
        Value is double a && StandardError is double seA && other.Value is double b && other.StandardError is double seB
            ? Statistics.Compare(a, seA, b, seB)
            : null;
}

/// <summary>
/// When a figure is shown: customer metrics need <see cref="MinResponses"/> answers; anything about employees needs
/// <see cref="AnonymityThreshold"/> respondents, a floor no setting can lower below 3. Pulses come from teams of a
/// few dozen people, so employee figures are shown from the threshold up, with intervals that say how wide they are.
/// </summary>
public sealed record MetricOptions
{
    public const int AnonymityFloor = 3;

    public int MinResponses { get; init; } = 30;

    public int AnonymityThreshold
    {
        get;
        init => field = value >= AnonymityFloor
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AnonymityThreshold), value, $"the anonymity threshold is never below {AnonymityFloor}");
    } = 5;

    public static MetricOptions Default { get; } = new();

    /// <summary>The fewest answers for which a figure is shown, for customers or for employees.</summary>
    public int MinimumFor(bool employees) => employees ? AnonymityThreshold : MinResponses;
}
