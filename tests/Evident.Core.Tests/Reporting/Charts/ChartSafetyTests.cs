using System.Globalization;
using System.Text.RegularExpressions;
using Evident.Core.Reporting.Charts;

namespace Evident.Core.Tests.Reporting.Charts;

/// <summary>What every chart promises: well-formed, accessible, escaped, script-free, deterministic and culture-proof SVG.</summary>
public sealed partial class ChartSafetyTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";

    private static readonly Dictionary<string, Func<string, string>> s_charts = new()
    {
        ["bars"] = label => SvgCharts.Bars(new BarChart(label, [new Bar(label, -12.345, -20.5, -4.25) { Highlight = true }, new Bar("B", 33.3), Bar.TooFew(label, label)])
        {
            AxisLabel = label,
            Description = null,
        }),
        ["lines"] = label => SvgCharts.Lines(new LineChart(label, ["2026-01", label, "2026-03", "2026-04"],
            [new LineSeries(label, [1.234, null, 2.5, double.NaN]) { Low = [1, null, 2, 3], High = [1.5, null, 3, 4] }, new LineSeries("B", [0.5, 0.75, 1.125, 1])])
        {
            Markers = [new PeriodMarker(label, label)],
            AxisLabel = label,
        }),
        ["quadrant"] = label => SvgCharts.Quadrant(new QuadrantChart(label, [new(label, 0.123, 3.456, 10), new("B", 0.6, 2.25, double.NaN), new("C", 0.3333, 4.1)])
        {
            XAxisLabel = label,
            YAxisLabel = label,
            Captions = new QuadrantCaptions(label, "b", "c", "d"),
        }),
        ["stacked"] = label => SvgCharts.StackedBars(new StackedBarChart(label, [label, "Passives", "Promoters"],
            [new StackedBar(label, [1.5, 2.25, 3.125]) { Note = label }, new StackedBar("B", [0, 0, 0])])),
        ["sparkline"] = label => SvgCharts.Sparkline(new SparklineChart(label, [1.111, 2.222, null, 3.333])),
        ["no data"] = label => SvgCharts.Bars(new BarChart(label, [])),
    };

    public static TheoryData<string> Charts => [.. s_charts.Keys];

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_chart_is_an_accessible_svg_image_with_a_title_and_description(string kind)
    {
        var chart = ChartXml.Parse(s_charts[kind]("Title"));

        Assert.Equal("img", (string?)chart.Root.Attribute("role"));
        Assert.Matches(@"^0 0 [0-9.]+ [0-9.]+$", (string?)chart.Root.Attribute("viewBox"));
        Assert.NotNull(chart.Root.Attribute("width"));
        var children = chart.Root.Elements().ToArray();
        Assert.Equal(ChartXml.Svg + "title", children[0].Name);
        Assert.Equal("Title", children[0].Value);
        Assert.Equal(ChartXml.Svg + "desc", children[1].Name);
        Assert.NotEmpty(children[1].Value);
        Assert.StartsWith("ev-chart", (string?)chart.Root.Attribute("class"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_text_is_escaped(string kind)
    {
        string svg = s_charts[kind](Hostile);

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("&amp; &quot;quoted&quot;", svg, StringComparison.Ordinal);
        var chart = ChartXml.Parse(svg);
        Assert.Equal(Hostile, chart.Title);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Characters_xml_cannot_hold_do_not_break_the_chart(string kind)
    {
        var chart = ChartXml.Parse(s_charts[kind]("bell\u0007 nul\0 lone\uD800 pair\U0001F600 \uFFFF"));

        Assert.Equal("bell nul lone\uFFFD pair\U0001F600 ", chart.Title);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void A_chart_has_no_script_style_or_outside_reference(string kind)
    {
        string svg = s_charts[kind]("Label");

        foreach (string banned in new[] { "<script", "<style", "<foreignObject", "href", "url(", "@import", "javascript:", "on" + "load=" })
        {
            Assert.DoesNotContain(banned, svg, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_same_input_gives_the_same_text(string kind)
    {
        Assert.Equal(s_charts[kind]("Label"), s_charts[kind]("Label"));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Numbers_are_written_the_same_whatever_the_current_culture(string kind)
    {
        string invariant = InCulture(CultureInfo.InvariantCulture, () => s_charts[kind]("Label"));
        string german = InCulture(GermanNumbers(), () => s_charts[kind]("Label"));

        Assert.Equal(invariant, german);
        Assert.DoesNotMatch(DecimalComma(), german);
        Assert.DoesNotContain("\u2212", german, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimals_are_written_with_a_point_under_a_german_culture()
    {
        string svg = InCulture(GermanNumbers(), () => s_charts["bars"]("Label"));

        Assert.Matches(AttributeWithDecimals(), svg);
        Assert.Contains(">-12.3<", svg, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Numbers_have_at_most_two_decimals_and_are_never_nan_or_infinite(string kind)
    {
        string svg = s_charts[kind]("Label");

        Assert.DoesNotMatch(ThreeDecimals(), svg);
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", svg, StringComparison.Ordinal);
    }

    private static string InCulture(CultureInfo culture, Func<string> render)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>
    /// de-DE when the runtime knows it; the projects build with InvariantGlobalization, which knows no named culture,
    /// so then a copy of the invariant culture with German number formats (and a typographic minus, to catch more).
    /// </summary>
    private static CultureInfo GermanNumbers()
    {
        try
        {
            var german = new CultureInfo("de-DE");
            if (german.NumberFormat.NumberDecimalSeparator == ",")
            {
                return german;
            }
        }
        catch (CultureNotFoundException)
        {
        }

        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "\u2212";
        return culture;
    }

    [GeneratedRegex("=\"[^\"]*[0-9],[0-9]")]
    private static partial Regex DecimalComma();

    [GeneratedRegex("(x|y|x1|width)=\"-?[0-9]+\\.[0-9]{1,2}\"")]
    private static partial Regex AttributeWithDecimals();

    [GeneratedRegex("[0-9]\\.[0-9]{3}")]
    private static partial Regex ThreeDecimals();
}
