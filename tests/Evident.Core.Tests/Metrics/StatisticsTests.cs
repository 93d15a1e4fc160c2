using Evident.Core.Metrics;

namespace Evident.Core.Tests.Metrics;

/// <summary>Each statistic against values worked out by hand or taken from published tables.</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(3, 3.1824)]
    [InlineData(4, 2.7764)]
    [InlineData(6, 2.4469)]
    [InlineData(7, 2.3646)]
    [InlineData(9, 2.2622)]
    [InlineData(29, 2.0452)]
    [InlineData(99, 1.9842)]
    [InlineData(1000, 1.9623)]
    public void T_quantiles_match_the_tables(long degrees, double expected) =>
        Assert.Equal(expected, Statistics.T95(degrees), 3);

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.96, 0.9750021)]
    [InlineData(-1, 0.1586553)]
    [InlineData(-3, 0.0013499)]
    [InlineData(4, 0.9999683)]
    public void Normal_distribution_matches_the_tables(double z, double expected) =>
        Assert.Equal(expected, Statistics.NormalCdf(z), 6);

    [Fact]
    public void Two_sided_p_of_1_96_is_five_percent() =>
        Assert.Equal(0.05, Statistics.TwoSidedP(1.959964), 5);

    [Fact]
    public void Wilson_interval_of_8_in_10()
    {
        // p = 0.8, z² = 3.8415: centre (0.8 + 0.19207) / 1.38415 = 0.71674, half 1.41600 × √0.0256037 = 0.22658.
        var (low, high) = Statistics.Wilson(8, 10);
        Assert.Equal(0.4902, low, 4);
        Assert.Equal(0.9433, high, 4);
    }

    [Fact]
    public void Wilson_interval_stays_inside_0_and_1_at_the_extremes()
    {
        var (low, high) = Statistics.Wilson(0, 20);
        Assert.Equal(0, low);
        Assert.InRange(high, 0.15, 0.17); // 0.161 by the formula
        (low, high) = Statistics.Wilson(20, 20);
        Assert.InRange(low, 0.83, 0.85);
        Assert.Equal(1, high);
    }

    [Fact]
    public void Mean_interval_of_one_to_five()
    {
        // mean 3, sd √2.5 = 1.5811, se 0.70711, t(4) = 2.77645: 3 ± 1.96324.
        var (mean, low, high, se) = Statistics.MeanInterval(5, 15, 55);
        Assert.Equal(3, mean, 10);
        Assert.Equal(0.70711, se, 5);
        Assert.Equal(1.0368, low, 3);
        Assert.Equal(4.9632, high, 3);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.9, 3.7)]
    [InlineData(1.0, 4.0)]
    public void Percentiles_interpolate_between_ranks(double p, double expected) =>
        Assert.Equal(expected, Statistics.Percentile([1, 2, 3, 4], p), 10);

    [Fact]
    public void Percentile_of_nothing_is_not_a_number() =>
        Assert.True(double.IsNaN(Statistics.Percentile([], 0.5)));

    [Fact]
    public void A_difference_is_significant_only_beyond_its_noise()
    {
        // z = 10 / √(3² + 4²) = 2: p = 0.0455.
        var clear = Statistics.Compare(60, 3, 50, 4);
        Assert.Equal(10, clear.Delta, 10);
        Assert.Equal(0.0455, clear.P, 4);
        Assert.True(clear.Significant);

        // z = 5 / 5 = 1: p = 0.3173.
        var noise = Statistics.Compare(55, 3, 50, 4);
        Assert.Equal(0.3173, noise.P, 4);
        Assert.False(noise.Significant);
    }
}
