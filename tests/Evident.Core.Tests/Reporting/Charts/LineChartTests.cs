using Evident.Core.Reporting.Charts;

namespace Evident.Core.Tests.Reporting.Charts;

public sealed class LineChartTests
{
    private static readonly string[] s_months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];

    private static ChartXml Draw(LineChart chart) => ChartXml.Parse(SvgCharts.Lines(chart));

    private static ChartXml Draw(params double?[] values) =>
        Draw(new LineChart("CSAT", s_months[..values.Length], [new LineSeries("Phone", values)]));

    [Fact]
    public void A_missing_point_breaks_the_line_into_separate_segments()
    {
        var chart = Draw(70, 72, null, 75, 77, 76);

        var lines = chart.WithClass("ev-line");
        Assert.Equal(2, lines.Count);
        Assert.Equal(2, ChartXml.PathPoints(lines[0]).Count);
        Assert.Equal(3, ChartXml.PathPoints(lines[1]).Count);
    }

    [Fact]
    public void NaN_and_infinity_break_the_line_like_a_missing_point()
    {
        var chart = Draw(70, double.NaN, 75, 77, double.PositiveInfinity, 76);

        Assert.Single(chart.WithClass("ev-line"));
        Assert.Equal(4, chart.WithClass("ev-point").Count);
        Assert.DoesNotContain("NaN", chart.Root.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_alone_between_gaps_is_still_drawn()
    {
        var chart = Draw(70, null, 75, null, 77);

        Assert.Empty(chart.WithClass("ev-line"));
        Assert.Equal(3, chart.WithClass("ev-point").Count);
    }

    [Fact]
    public void Points_are_spaced_evenly_over_the_periods_and_higher_values_are_higher_up()
    {
        var chart = Draw(10, 20, 30);

        var points = ChartXml.PathPoints(Assert.Single(chart.WithClass("ev-line")));
        Assert.Equal(points[1].X - points[0].X, points[2].X - points[1].X, 1);
        Assert.True(points[0].Y > points[1].Y && points[1].Y > points[2].Y);
        Assert.Equal(points[1].Y - points[0].Y, points[2].Y - points[1].Y, 1);
    }

    [Fact]
    public void The_marker_is_drawn_at_its_period()
    {
        var chart = Draw(new LineChart("CSAT", s_months, [new LineSeries("Phone", [70, 71, 72, 73, 74, 75])])
        {
            Markers = [new PeriodMarker("2026-04", "new phone menu")],
        });

        var marker = Assert.Single(chart.WithClass("ev-marker-line"));
        double x = ChartXml.Number(marker, "x1");
        Assert.Equal(x, ChartXml.Number(marker, "x2"));
        Assert.Equal(ChartXml.PathPoints(Assert.Single(chart.WithClass("ev-line")))[3].X, x, 1);
        Assert.Equal(ChartXml.Number(chart.Text("2026-04"), "x"), x, 1);
        Assert.Single(chart.WithClass("ev-marker-label"), label => label.Value == "new phone menu");
    }

    [Fact]
    public void A_marker_at_a_period_not_shown_is_left_out()
    {
        var chart = Draw(new LineChart("CSAT", s_months, [new LineSeries("Phone", [70, 71, 72, 73, 74, 75])])
        {
            Markers = [new PeriodMarker("2025-12", "before the data")],
        });

        Assert.Empty(chart.WithClass("ev-marker"));
    }

    [Fact]
    public void The_interval_band_spans_low_to_high_and_breaks_where_either_is_missing()
    {
        var series = new LineSeries("Phone", [70, 72, 74, 73, 75, 76])
        {
            Low = [65, 67, 69, null, 70, 71],
            High = [75, 77, 79, 78, 80, 81],
        };
        var chart = Draw(new LineChart("CSAT", s_months, [series]) { Range = new AxisRange(60, 90) });

        var bands = chart.WithClass("ev-band");
        Assert.Equal(2, bands.Count);
        var line = ChartXml.PathPoints(Assert.Single(chart.WithClass("ev-line")));
        var firstBand = ChartXml.PathPoints(bands[0]);
        Assert.Equal(6, firstBand.Count);
        double perUnit = (line[0].Y - line[1].Y) / 2;
        Assert.Equal(line[0].Y - (5 * perUnit), firstBand[0].Y, 1);
        Assert.Equal(line[0].Y + (5 * perUnit), firstBand[^1].Y, 1);
    }

    [Fact]
    public void The_value_axis_has_round_ticks()
    {
        var chart = Draw(3, 40, 97);

        Assert.Equal(["0", "20", "40", "60", "80", "100"], chart.WithClass("ev-tick").Select(t => t.Value));
    }

    [Fact]
    public void Series_differ_in_dash_and_shape_as_well_as_colour_and_are_named_in_the_legend()
    {
        var chart = Draw(new LineChart("CSAT", s_months[..2], [new LineSeries("Phone", [70, 71]), new LineSeries("Email", [60, 62])]));

        var lines = chart.WithClass("ev-line");
        Assert.NotEqual((string?)lines[0].Attribute("stroke-dasharray"), (string?)lines[1].Attribute("stroke-dasharray"));
        Assert.NotEqual((string?)lines[0].Attribute("stroke"), (string?)lines[1].Attribute("stroke"));
        var legend = Assert.Single(chart.WithClass("ev-legend"));
        Assert.Equal(["Phone", "Email"], ChartXml.WithClass(legend, "ev-legend-label").Select(t => t.Value));
    }

    [Fact]
    public void The_last_value_of_each_series_is_written_beside_it()
    {
        var chart = Draw(70, 71.25, 73.5, null);

        Assert.Single(chart.WithClass("ev-value"), label => label.Value == "73.5");
    }

    [Fact]
    public void Many_periods_are_labelled_sparsely_so_that_labels_do_not_overlap()
    {
        string[] weeks = Enumerable.Range(1, 52).Select(w => $"2026-W{w:00}").ToArray();
        var chart = Draw(new LineChart("Weekly", weeks, [new LineSeries("NPS", weeks.Select((_, i) => (double?)i).ToArray())]));

        var labels = chart.WithClass("ev-period");
        Assert.InRange(labels.Count, 4, 20);
        Assert.Equal("2026-W01", labels[0].Value);
        var xs = labels.Select(l => ChartXml.Number(l, "x")).ToArray();
        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First > 8 * 11 * 0.6));
    }

    [Fact]
    public void A_series_with_a_value_count_unlike_the_period_count_is_refused()
    {
        var chart = new LineChart("CSAT", s_months, [new LineSeries("Phone", [70, 71])]);

        var error = Assert.Throws<ArgumentException>(() => SvgCharts.Lines(chart));
        Assert.Contains("\"Phone\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_periods_or_only_missing_values_give_a_chart_saying_no_data()
    {
        Assert.Single(Draw(new LineChart("CSAT", [], [])).Texts("no data"));
        Assert.Single(Draw(new LineChart("CSAT", s_months, [])).Texts("no data"));
        Assert.Single(Draw(null, double.NaN, null).Texts("no data"));
    }

    [Fact]
    public void The_description_says_where_each_series_starts_and_ends_and_what_is_marked()
    {
        var chart = Draw(new LineChart("CSAT", s_months[..3], [new LineSeries("Phone", [null, 70, 72])])
        {
            Markers = [new PeriodMarker("2026-02", "new phone menu")],
        });

        Assert.Equal("Line chart over 3 periods, 2026-01 to 2026-03. Phone: 70 in 2026-02, 72 in 2026-03. Marked at 2026-02: new phone menu.", chart.Description);
    }
}
