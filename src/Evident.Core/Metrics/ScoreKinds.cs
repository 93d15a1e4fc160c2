namespace Evident.Core.Metrics;

/// <summary>The score kinds a feedback row can carry, and how each is summarised.</summary>
public static class ScoreKinds
{
    /// <summary>Net Promoter answer 0–10: % promoters (9–10) minus % detractors (0–6).</summary>
    public const string Nps = "nps";

    /// <summary>Satisfaction 1–5: the share answering 4 or 5 (top-2-box).</summary>
    public const string Csat = "csat";

    /// <summary>Customer effort 1–7: the mean answer (higher is easier).</summary>
    public const string Ces = "ces";

    /// <summary>Employee Net Promoter answer 0–10, from pulses.</summary>
    public const string Enps = "enps";

    /// <summary>Star rating 1–5: the mean.</summary>
    public const string Rating = "rating";

    public static IReadOnlyList<string> All { get; } = [Nps, Csat, Ces, Enps, Rating];
}
