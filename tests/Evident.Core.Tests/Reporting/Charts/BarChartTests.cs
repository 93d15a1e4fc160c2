using Evident.Core.Reporting.Charts;

namespace Evident.Core.Tests.Reporting.Charts;

public sealed class BarChartTests
{
    private static ChartXml Draw(params Bar[] bars) => ChartXml.Parse(SvgCharts.Bars(new BarChart("Test", bars)));

    private static ChartXml Draw(BarChart chart) => ChartXml.Parse(SvgCharts.Bars(chart));

    private static double ZeroX(ChartXml chart) => ChartXml.Number(Assert.Single(chart.WithClass("ev-zero")), "x1");

    [Fact]
    public void Bar_lengths_are_proportional_to_the_values()
    {
        var chart = Draw(new Bar("A", 10), new Bar("B", 20), new Bar("C", 35));

        var widths = chart.WithClass("ev-bar").Select(r => ChartXml.Number(r, "width")).ToArray();
        Assert.Equal(3, widths.Length);
        Assert.Equal(2.0, widths[1] / widths[0], 2);
        Assert.Equal(3.5, widths[2] / widths[0], 2);
    }

    [Fact]
    public void A_negative_bar_extends_left_of_the_zero_line_and_a_positive_one_right()
    {
        var chart = Draw(new Bar("Phone", -30), new Bar("Chat", 40));

        var bars = chart.WithClass("ev-bar");
        double zero = ZeroX(chart);
        double negativeLeft = ChartXml.Number(bars[0], "x");
        Assert.True(negativeLeft < zero);
        Assert.Equal(zero, negativeLeft + ChartXml.Number(bars[0], "width"), 1);
        Assert.Equal(zero, ChartXml.Number(bars[1], "x"), 1);
        Assert.Equal(40.0 / 30, ChartXml.Number(bars[1], "width") / ChartXml.Number(bars[0], "width"), 2);
    }

    [Fact]
    public void The_value_label_of_a_negative_bar_is_on_its_left()
    {
        var chart = Draw(new Bar("Phone", -30));

        var label = chart.ValueLabel("-30");
        Assert.Equal("end", (string?)label.Attribute("text-anchor"));
        Assert.True(ChartXml.Number(label, "x") < ChartXml.Number(Assert.Single(chart.WithClass("ev-bar")), "x"));
    }

    [Fact]
    public void The_error_bar_ends_sit_at_the_low_and_high_values()
    {
        var chart = Draw(new BarChart("Test", [new Bar("A", 50, 40, 60), new Bar("B", 20)]) { Range = new AxisRange(0, 100) });

        var bar = chart.WithClass("ev-bar")[0];
        double zero = ZeroX(chart);
        double perUnit = ChartXml.Number(bar, "width") / 50;
        Assert.Equal(zero + (40 * perUnit), ChartXml.Number(Assert.Single(chart.WithClass("ev-error-low")), "x1"), 1);
        Assert.Equal(zero + (60 * perUnit), ChartXml.Number(Assert.Single(chart.WithClass("ev-error-high")), "x1"), 1);
        var line = Assert.Single(chart.WithClass("ev-error-line"));
        Assert.Equal(zero + (40 * perUnit), ChartXml.Number(line, "x1"), 1);
        Assert.Equal(zero + (60 * perUnit), ChartXml.Number(line, "x2"), 1);
    }

    [Fact]
    public void The_value_label_clears_the_error_bar()
    {
        var chart = Draw(new Bar("A", 50, 40, 60));

        Assert.True(ChartXml.Number(chart.ValueLabel("50"), "x") > ChartXml.Number(Assert.Single(chart.WithClass("ev-error-high")), "x1"));
    }

    [Fact]
    public void A_fixed_range_puts_zero_in_the_middle_of_minus_100_to_100()
    {
        var chart = Draw(new BarChart("NPS", [new Bar("A", 12), new Bar("B", 30)]) { Range = new AxisRange(-100, 100) });

        var grid = chart.WithClass("ev-grid").Select(l => ChartXml.Number(l, "x1")).ToArray();
        Assert.Equal(["-100", "-50", "0", "50", "100"], chart.WithClass("ev-tick").Select(t => t.Value));
        Assert.Equal((grid[0] + grid[^1]) / 2, ZeroX(chart), 1);
    }

    [Fact]
    public void Values_outside_a_fixed_range_are_held_at_its_end_but_labelled_with_their_value()
    {
        var chart = Draw(new BarChart("Test", [new Bar("A", 150), new Bar("B", 50)]) { Range = new AxisRange(0, 100) });

        var bars = chart.WithClass("ev-bar");
        Assert.Equal(2.0, ChartXml.Number(bars[0], "width") / ChartXml.Number(bars[1], "width"), 2);
        chart.ValueLabel("150");
    }

    [Fact]
    public void A_group_with_too_few_responses_is_a_placeholder_saying_so_instead_of_a_bar()
    {
        var chart = Draw(new Bar("Phone", 20), Bar.TooFew("Social media"), Bar.TooFew("Fax", "n = 4, too few"));

        var rows = chart.WithClass("ev-row");
        Assert.Single(ChartXml.WithClass(rows[0], "ev-bar"));
        Assert.Empty(ChartXml.WithClass(rows[1], "ev-bar"));
        Assert.Single(ChartXml.WithClass(rows[1], "ev-placeholder"));
        Assert.Single(ChartXml.WithClass(rows[1], "ev-placeholder-note"), note => note.Value == "n < 30");
        Assert.Single(ChartXml.WithClass(rows[2], "ev-placeholder-note"), note => note.Value == "n = 4, too few");
        Assert.Contains("&lt; 30", SvgCharts.Bars(new BarChart("Test", [Bar.TooFew("Social")])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_not_finite_value_is_a_placeholder_saying_no_data()
    {
        var chart = Draw(new Bar("A", 10), new Bar("B", double.NaN), new Bar("C", double.PositiveInfinity), new Bar("D", null));

        Assert.Single(chart.WithClass("ev-bar"));
        Assert.Equal(3, chart.WithClass("ev-placeholder-note").Count(n => n.Value == "no data"));
        Assert.DoesNotContain("NaN", chart.Root.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", chart.Root.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_interval_ends_draw_no_error_bar()
    {
        var chart = Draw(new Bar("A", 10, double.NaN, 12), new Bar("B", 20, 18, double.NegativeInfinity));

        Assert.Empty(chart.WithClass("ev-error"));
    }

    [Fact]
    public void A_highlighted_bar_is_darker_and_its_value_bold()
    {
        var chart = Draw(new Bar("A", 10), new Bar("B", 20) { Highlight = true });

        var fills = chart.WithClass("ev-bar").Select(r => (string)r.Attribute("fill")!).ToArray();
        Assert.True(Lightness(fills[1]) < Lightness(fills[0]), $"{fills[1]} should be darker than {fills[0]}");
        Assert.Equal("600", (string?)chart.ValueLabel("20").Attribute("font-weight"));
        Assert.Single(chart.WithClass("ev-highlight"));
    }

    [Fact]
    public void Value_labels_follow_the_value_format()
    {
        var chart = Draw(new BarChart("Test", [new Bar("A", 12.345), new Bar("B", 0.5)]) { ValueFormat = "0.0'%'" });

        chart.ValueLabel("12.3%");
        chart.ValueLabel("0.5%");
    }

    [Fact]
    public void A_value_that_rounds_to_zero_is_written_without_a_minus_sign()
    {
        var chart = Draw(new Bar("A", -0.04), new Bar("B", 5));

        chart.ValueLabel("0");
    }

    [Fact]
    public void A_long_label_is_shortened_and_keeps_its_whole_text_as_a_tooltip()
    {
        string label = new('x', 120);
        var chart = Draw(new Bar(label, 1));

        var cut = Assert.Single(chart.WithClass("ev-cut"));
        Assert.Equal(label, cut.Element(ChartXml.Svg + "title")!.Value);
        Assert.EndsWith("…", ChartXml.WithClass(cut, "ev-label")[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_lists_every_bar_for_screen_readers()
    {
        var chart = Draw(new Bar("Phone", -12, -20, -4), Bar.TooFew("Fax"));

        Assert.Equal("Bar chart. Phone: -12 (-20 to -4); Fax: n < 30.", chart.Description);
    }

    [Fact]
    public void No_bars_or_no_values_at_all_give_a_chart_saying_no_data()
    {
        foreach (var bars in new[] { Array.Empty<Bar>(), [new Bar("A", null), new Bar("B", double.NaN)] })
        {
            var chart = Draw(bars);

            Assert.Contains("ev-no-data", (string?)chart.Root.Attribute("class"), StringComparison.Ordinal);
            Assert.Single(chart.Texts("no data"));
        }
    }

    private static int Lightness(string hex) =>
        Convert.ToInt32(hex[1..3], 16) + Convert.ToInt32(hex[3..5], 16) + Convert.ToInt32(hex[5..7], 16);
}
