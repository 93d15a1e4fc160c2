using Evident.Core.Metrics;

namespace Evident.Core.Tests.Metrics;

public sealed class ScoreMetricsTests
{
    /// <summary>50 promoters (25 × 9, 25 × 10), 30 passives (15 × 7, 15 × 8), 20 detractors (10 × 0, 10 × 6).</summary>
    private static ScoreCounts Survey() => Answers((9, 25), (10, 25), (7, 15), (8, 15), (0, 10), (6, 10));

    private static ScoreCounts Answers(params (int Score, int Count)[] groups) =>
        ScoreCounts.Of([.. groups.SelectMany(g => Enumerable.Repeat(g.Score, g.Count))]);

    [Fact]
    public void Nps_and_its_interval_by_hand()
    {
        // NPS = 50 % − 20 % = 30; variance 0.5 + 0.2 − 0.3² = 0.61; se √(0.61 / 100) = 0.078102;
        // t(99) = 1.98422: 30 ± 15.497.
        var nps = ScoreMetrics.Nps(Survey(), minimum: 30);
        Assert.Equal(30, nps.Value!.Value, 10);
        Assert.Equal(100, nps.N);
        Assert.Equal(7.8102, nps.StandardError!.Value, 4);
        Assert.Equal(14.503, nps.Low!.Value, 2);
        Assert.Equal(45.497, nps.High!.Value, 2);
    }

    [Fact]
    public void Nps_interval_never_leaves_minus_100_to_100()
    {
        var nps = ScoreMetrics.Nps(Answers((10, 29), (3, 1)), minimum: 10);
        Assert.Equal(93.333, nps.Value!.Value, 3);
        Assert.Equal(100, nps.High!.Value);
    }

    [Fact]
    public void Too_few_answers_say_so_instead_of_a_number()
    {
        var nps = ScoreMetrics.Nps(Answers((10, 12), (2, 5)), minimum: 30);
        Assert.Null(nps.Value);
        Assert.Equal(17, nps.N);
        Assert.Equal("too few answers (n = 17 < 30)", nps.Withheld);
        Assert.Equal("no answers", ScoreMetrics.Nps(new ScoreCounts(), minimum: 30).Withheld);
    }

    [Fact]
    public void Csat_is_the_top_two_box_share_with_wilsons_interval()
    {
        // 1–5 answers: 4 and 5 are satisfied: 8 of 10.
        var csat = ScoreMetrics.TopTwoBox(Answers((5, 5), (4, 3), (3, 1), (1, 1)), minimum: 10);
        Assert.Equal(80, csat.Value!.Value, 10);
        Assert.Equal(49.02, csat.Low!.Value, 2);
        Assert.Equal(94.33, csat.High!.Value, 2);
    }

    [Fact]
    public void Ces_is_the_mean_with_a_t_interval()
    {
        var ces = ScoreMetrics.For(ScoreKinds.Ces, Answers((1, 1), (2, 1), (3, 1), (4, 1), (5, 1)), minimum: 5);
        Assert.Equal(3, ces.Value!.Value, 10);
        Assert.Equal(1.0368, ces.Low!.Value, 3);
        Assert.Equal(4.9632, ces.High!.Value, 3);
    }

    [Fact]
    public void Enps_is_computed_like_nps() =>
        Assert.Equal(ScoreMetrics.Nps(Survey(), 30), ScoreMetrics.For(ScoreKinds.Enps, Survey(), 30));

    [Fact]
    public void Driver_impact_is_the_move_of_the_score_without_the_theme()
    {
        // The 20 answers naming the theme: 15 detractors (0), 5 passives (7): NPS −75.
        // Without them: 50 promoters, 25 passives, 5 detractors of 80: NPS 56.25; everyone: 30. Move: +26.25.
        var all = Answers((10, 50), (7, 30), (0, 20));
        var theme = Answers((0, 15), (7, 5));
        var impact = DriverImpact.Of(ScoreKinds.Nps, all, theme, minimum: 10);
        Assert.Equal(-75, impact.WithTheme.Value!.Value, 10);
        Assert.Equal(56.25, impact.WithoutTheme.Value!.Value, 10);
        Assert.Equal(26.25, impact.MoveWithout!.Value, 10);
        Assert.True(impact.Significant);
    }

    [Fact]
    public void A_theme_that_scores_like_everyone_else_is_not_a_driver()
    {
        var all = Answers((10, 100), (7, 60), (0, 40));
        var theme = Answers((10, 10), (7, 6), (0, 4));
        var impact = DriverImpact.Of(ScoreKinds.Nps, all, theme, minimum: 10);
        Assert.Equal(0, impact.MoveWithout!.Value, 10);
        Assert.False(impact.Significant);
    }

    [Fact]
    public void A_theme_with_too_few_answers_has_no_impact()
    {
        var impact = DriverImpact.Of(ScoreKinds.Nps, Survey(), Answers((0, 3)), minimum: 30);
        Assert.Null(impact.MoveWithout);
        Assert.False(impact.Significant);
    }

    [Fact]
    public void Scores_in_classes_give_the_same_nps_and_top_two_box()
    {
        var classes = Survey().InClasses();
        Assert.Equal(ScoreMetrics.Nps(Survey(), 30), ScoreMetrics.Nps(classes, 30));
        Assert.Equal(50, classes[9]); // 25 × 9 and 25 × 10: promoters, one class
        Assert.Equal(0, classes[10]);
        var csat = Answers((5, 5), (4, 3), (3, 1), (1, 1));
        Assert.Equal(ScoreMetrics.TopTwoBox(csat, 10), ScoreMetrics.TopTwoBox(csat.InClasses(), 10));
        Assert.Equal(classes.N, classes.InClasses().N);
    }

    [Fact]
    public void Removing_more_than_there_is_is_refused() =>
        Assert.Throws<ArgumentException>(() => Answers((10, 1)).Minus(Answers((10, 2))));

    [Fact]
    public void The_anonymity_threshold_is_never_below_three()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricOptions { AnonymityThreshold = 2 });
        var options = new MetricOptions { MinResponses = 30, AnonymityThreshold = 5 };
        Assert.Equal(5, options.MinimumFor(employees: true));
        Assert.Equal(30, options.MinimumFor(employees: false));
    }
}
