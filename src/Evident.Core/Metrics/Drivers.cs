namespace Evident.Core.Metrics;

/// <summary>
/// What one theme does to a score. <see cref="MoveWithout"/> is how many points the score would move if the answers
/// that mention the theme were not there — score(everyone but them) − score(everyone); positive when the theme drags
/// the score down. It is significant when the score of those who mention the theme differs significantly from the
/// score of those who do not (two independent groups, 5 %, two-sided).
/// </summary>
public sealed record DriverImpact(string ScoreKind, Estimate All, Estimate WithTheme, Estimate WithoutTheme, double? MoveWithout, Difference? ThemeVersusRest)
{
    public bool Significant => ThemeVersusRest is { Significant: true };

    /// <param name="all">Every answer of the kind.</param>
    /// <param name="withTheme">The answers whose comment names the theme (a subset of <paramref name="all"/>).</param>
    public static DriverImpact Of(string scoreKind, ScoreCounts all, ScoreCounts withTheme, int minimum)
    {
        var without = all.Minus(withTheme);
        var allEstimate = ScoreMetrics.For(scoreKind, all, minimum);
        var themeEstimate = ScoreMetrics.For(scoreKind, withTheme, minimum);
        var withoutEstimate = ScoreMetrics.For(scoreKind, without, minimum);
        double? move = allEstimate.Value is double a && withoutEstimate.Value is double w && themeEstimate.Shown ? w - a : null;
        return new DriverImpact(scoreKind, allEstimate, themeEstimate, withoutEstimate, move, themeEstimate.Compare(withoutEstimate));
    }
}
