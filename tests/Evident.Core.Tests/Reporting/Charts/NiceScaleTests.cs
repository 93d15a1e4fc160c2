using Evident.Core.Reporting.Charts;

namespace Evident.Core.Tests.Reporting.Charts;

public sealed class NiceScaleTests
{
    [Fact]
    public void Zero_to_97_is_ticked_0_20_up_to_100()
    {
        var scale = NiceScale.For(0, 97);

        Assert.Equal([0, 20, 40, 60, 80, 100], scale.Ticks());
    }

    [Fact]
    public void A_range_across_zero_is_ticked_in_round_steps_that_include_zero()
    {
        var scale = NiceScale.For(-37, 52);

        Assert.Equal([-40, -20, 0, 20, 40, 60], scale.Ticks());
    }

    [Fact]
    public void Small_fractions_are_ticked_without_floating_point_noise()
    {
        var scale = NiceScale.For(0.1, 0.73);

        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8], scale.Ticks());
    }

    [Theory]
    [InlineData(-100, 100, new double[] { -100, -50, 0, 50, 100 })]
    [InlineData(1, 5, new double[] { 1, 2, 3, 4, 5 })]
    [InlineData(0.3, 0.9, new double[] { 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(1200, 9800, new double[] { 0, 2000, 4000, 6000, 8000, 10000 })]
    public void Ticks_are_round_and_cover_the_range(double low, double high, double[] expected)
    {
        Assert.Equal(expected, NiceScale.For(low, high).Ticks());
    }

    [Fact]
    public void A_single_value_gets_a_range_around_it()
    {
        var scale = NiceScale.For(50, 50);

        Assert.True(scale.Min < 50 && scale.Max > 50, scale.ToString());
        Assert.Equal([0, 1], NiceScale.For(0, 0).Ticks().Where(t => t is 0 or 1));
    }

    [Fact]
    public void Ends_given_the_wrong_way_round_or_not_finite_still_give_a_scale()
    {
        Assert.Equal(NiceScale.For(0, 97), NiceScale.For(97, 0));
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1], NiceScale.For(double.NaN, double.PositiveInfinity).Ticks());
    }
}
