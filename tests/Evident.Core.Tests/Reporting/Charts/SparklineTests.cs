using Evident.Core.Reporting.Charts;

namespace Evident.Core.Tests.Reporting.Charts;

public sealed class SparklineTests
{
    private static ChartXml Draw(params double?[] values) => ChartXml.Parse(SvgCharts.Sparkline(new SparklineChart("Trend", values)));

    [Fact]
    public void A_sparkline_has_a_fixed_small_size_and_no_axes_or_text()
    {
        var chart = Draw(3, 4, 5);

        Assert.Equal("96", (string?)chart.Root.Attribute("width"));
        Assert.Equal("24", (string?)chart.Root.Attribute("height"));
        Assert.Empty(chart.Root.Descendants(ChartXml.Svg + "text"));
        Assert.Single(chart.WithClass("ev-line"));
    }

    [Fact]
    public void The_line_spans_the_width_and_the_lowest_value_is_at_the_bottom()
    {
        var points = ChartXml.PathPoints(Assert.Single(Draw(5, 1, 9).WithClass("ev-line")));

        Assert.True(points[0].X < points[1].X && points[1].X < points[2].X);
        Assert.Equal(points.Max(p => p.Y), points[1].Y);
        Assert.Equal(points.Min(p => p.Y), points[2].Y);
    }

    [Fact]
    public void Missing_values_break_the_line_and_a_lone_value_is_a_dot()
    {
        var chart = Draw(1, 2, null, 4, double.NaN, 5, 6);

        Assert.Equal(2, chart.WithClass("ev-line").Count);
        Assert.Single(chart.WithClass("ev-point"));
    }

    [Fact]
    public void The_last_value_is_marked()
    {
        var chart = Draw(1, 2, 3, null);

        var last = Assert.Single(chart.WithClass("ev-last"));
        Assert.Equal(ChartXml.PathPoints(Assert.Single(chart.WithClass("ev-line")))[^1].X, ChartXml.Number(last, "cx"), 1);
    }

    [Fact]
    public void A_flat_series_sits_in_the_middle()
    {
        var points = ChartXml.PathPoints(Assert.Single(Draw(4, 4, 4).WithClass("ev-line")));

        Assert.All(points, p => Assert.Equal(12, p.Y));
    }

    [Fact]
    public void A_fixed_range_puts_the_same_value_at_the_same_height_in_every_sparkline()
    {
        var range = new AxisRange(0, 10);
        var a = ChartXml.Parse(SvgCharts.Sparkline(new SparklineChart("A", [5, 6]) { Range = range }));
        var b = ChartXml.Parse(SvgCharts.Sparkline(new SparklineChart("B", [0, 5, 10]) { Range = range }));

        Assert.Equal(ChartXml.PathPoints(a.WithClass("ev-line")[0])[0].Y, ChartXml.PathPoints(b.WithClass("ev-line")[0])[1].Y);
    }

    [Fact]
    public void No_values_give_a_small_no_data_note()
    {
        var chart = Draw(null, double.NaN);

        Assert.Single(chart.Texts("no data"));
        Assert.Equal("96", (string?)chart.Root.Attribute("width"));
    }
}
