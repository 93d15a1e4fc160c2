using System.Xml.Linq;
using Evident.Core.Reporting.Charts;

namespace Evident.Core.Tests.Reporting.Charts;

public sealed class QuadrantChartTests
{
    private static readonly QuadrantPoint[] s_drivers =
    [
        new("Wait time", 0.9, 2.1, 400),
        new("Friendly staff", 0.7, 4.5, 300),
        new("Store hours", 0.1, 2.8, 40),
        new("App", 0.2, 4.2, 90),
        new("Price", 0.5, 3.4, 200),
    ];

    private static ChartXml Draw(QuadrantChart chart) => ChartXml.Parse(SvgCharts.Quadrant(chart));

    private static XElement Dot(ChartXml chart, string label) =>
        Assert.Single(chart.WithClass("ev-point"), p => p.Element(ChartXml.Svg + "title")!.Value.StartsWith(label + ":", StringComparison.Ordinal));

    [Fact]
    public void The_most_important_and_worst_performing_item_falls_in_the_fix_first_quadrant()
    {
        var chart = Draw(new QuadrantChart("Drivers", s_drivers));

        double dividerX = ChartXml.Number(Assert.Single(chart.WithClass("ev-divider-x")), "x1");
        double dividerY = ChartXml.Number(Assert.Single(chart.WithClass("ev-divider-y")), "y1");
        var dot = Dot(chart, "Wait time");
        Assert.True(ChartXml.Number(dot, "cx") > dividerX, "right of the importance divider");
        Assert.True(ChartXml.Number(dot, "cy") > dividerY, "below the performance divider");
        var caption = chart.Text("fix first");
        Assert.True(ChartXml.Number(caption, "x") > dividerX && ChartXml.Number(caption, "y") > dividerY, "caption in the same quadrant");
        Assert.Contains("fix first: Wait time.", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_quadrant_has_its_caption_in_its_corner()
    {
        var chart = Draw(new QuadrantChart("Drivers", s_drivers) { Captions = new QuadrantCaptions("TL", "TR", "BL", "BR") });

        var frame = Assert.Single(chart.WithClass("ev-frame"));
        double middleX = ChartXml.Number(frame, "x") + (ChartXml.Number(frame, "width") / 2);
        double middleY = ChartXml.Number(frame, "y") + (ChartXml.Number(frame, "height") / 2);
        (bool Right, bool Low) Corner(string caption) =>
            (ChartXml.Number(chart.Text(caption), "x") > middleX, ChartXml.Number(chart.Text(caption), "y") > middleY);
        Assert.Equal((false, false), Corner("TL"));
        Assert.Equal((true, false), Corner("TR"));
        Assert.Equal((false, true), Corner("BL"));
        Assert.Equal((true, true), Corner("BR"));
    }

    [Fact]
    public void The_dividers_default_to_the_means_and_can_be_set()
    {
        var points = new QuadrantPoint[] { new("A", 0, 0), new("B", 1, 1), new("C", 2, 5) };
        var byMean = Draw(new QuadrantChart("Test", points) { XRange = new AxisRange(0, 3), YRange = new AxisRange(0, 6) });
        var fixedAt = Draw(new QuadrantChart("Test", points) { XRange = new AxisRange(0, 3), YRange = new AxisRange(0, 6), XDivider = 1.5, YDivider = 3 });

        var frame = Assert.Single(byMean.WithClass("ev-frame"));
        double left = ChartXml.Number(frame, "x"), width = ChartXml.Number(frame, "width");
        double top = ChartXml.Number(frame, "y"), height = ChartXml.Number(frame, "height");
        Assert.Equal(left + (width / 3), ChartXml.Number(Assert.Single(byMean.WithClass("ev-divider-x")), "x1"), 1);
        Assert.Equal(top + (height * 2 / 3), ChartXml.Number(Assert.Single(byMean.WithClass("ev-divider-y")), "y1"), 1);
        Assert.Equal(left + (width / 2), ChartXml.Number(Assert.Single(fixedAt.WithClass("ev-divider-x")), "x1"), 1);
        Assert.Equal(top + (height / 2), ChartXml.Number(Assert.Single(fixedAt.WithClass("ev-divider-y")), "y1"), 1);
    }

    [Fact]
    public void Labels_of_points_at_the_edges_stay_on_the_canvas()
    {
        string longLabel = "A driver with a name long enough to run off any chart";
        var points = new QuadrantPoint[]
        {
            new(longLabel, 1, 1), new(longLabel + " 2", 0, 0), new(longLabel + " 3", 1, 0), new(longLabel + " 4", 0, 1), new("Middle", 0.5, 0.5),
        };
        var chart = Draw(new QuadrantChart("Edges", points) { XRange = new AxisRange(0, 1), YRange = new AxisRange(0, 1) });

        double canvasWidth = double.Parse(((string)chart.Root.Attribute("viewBox")!).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var labels = chart.WithClass("ev-point-label");
        Assert.Equal(5, labels.Count);
        foreach (var (left, right, y) in labels.Select(Extent))
        {
            Assert.InRange(left, 0, canvasWidth);
            Assert.InRange(right, 0, canvasWidth);
            Assert.True(y > 0);
        }
    }

    [Fact]
    public void Labels_of_points_close_together_do_not_overlap()
    {
        var points = new QuadrantPoint[] { new("North", 0.5, 0.5), new("South", 0.5, 0.5), new("East", 0.51, 0.5) };
        var chart = Draw(new QuadrantChart("Close", points) { XRange = new AxisRange(0, 1), YRange = new AxisRange(0, 1) });

        var boxes = chart.WithClass("ev-point-label").Select(Extent).ToArray();
        for (int i = 0; i < boxes.Length; i++)
        {
            for (int j = i + 1; j < boxes.Length; j++)
            {
                bool apart = boxes[i].Right <= boxes[j].Left || boxes[j].Right <= boxes[i].Left || Math.Abs(boxes[i].Y - boxes[j].Y) >= 11;
                Assert.True(apart, $"labels {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void A_larger_size_draws_a_larger_dot()
    {
        var chart = Draw(new QuadrantChart("Drivers", s_drivers));

        Assert.True(ChartXml.Number(Dot(chart, "Wait time"), "r") > ChartXml.Number(Dot(chart, "Price"), "r"));
        Assert.True(ChartXml.Number(Dot(chart, "Price"), "r") > ChartXml.Number(Dot(chart, "Store hours"), "r"));
    }

    [Fact]
    public void Points_without_finite_coordinates_are_left_out()
    {
        var chart = Draw(new QuadrantChart("Drivers", [new("A", 0.5, 3), new("B", double.NaN, 3), new("C", 0.2, double.PositiveInfinity)]));

        Assert.Single(chart.WithClass("ev-point"));
        Assert.Single(Draw(new QuadrantChart("Drivers", [new("B", double.NaN, 3)])).Texts("no data"));
        Assert.Single(Draw(new QuadrantChart("Drivers", [])).Texts("no data"));
    }

    /// <summary>A label's horizontal extent, from its anchor and an estimated width, and its baseline.</summary>
    private static (double Left, double Right, double Y) Extent(XElement label)
    {
        double x = ChartXml.Number(label, "x");
        double width = label.Value.Length * 11 * 0.6;
        double left = (string?)label.Attribute("text-anchor") switch { "end" => x - width, "middle" => x - (width / 2), _ => x };
        return (left, left + width, ChartXml.Number(label, "y"));
    }
}
