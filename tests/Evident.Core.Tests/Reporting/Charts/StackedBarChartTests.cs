using Evident.Core.Reporting.Charts;

namespace Evident.Core.Tests.Reporting.Charts;

public sealed class StackedBarChartTests
{
    private static readonly string[] s_nps = ["Detractors", "Passives", "Promoters"];

    private static ChartXml Draw(params StackedBar[] bars) => ChartXml.Parse(SvgCharts.StackedBars(new StackedBarChart("NPS mix", s_nps, bars)));

    [Fact]
    public void Parts_take_their_share_of_the_bar_and_every_bar_is_full_width()
    {
        var chart = Draw(new StackedBar("Phone", [20, 30, 50]), new StackedBar("Chat", [1, 1, 8]));

        var rows = chart.WithClass("ev-row");
        var phone = ChartXml.WithClass(rows[0], "ev-part").Select(p => ChartXml.Number(p, "width")).ToArray();
        var chat = ChartXml.WithClass(rows[1], "ev-part").Select(p => ChartXml.Number(p, "width")).ToArray();
        Assert.Equal(1.5, phone[1] / phone[0], 2);
        Assert.Equal(2.5, phone[2] / phone[0], 2);
        Assert.Equal(phone.Sum(), chat.Sum(), 1);
        var parts = ChartXml.WithClass(rows[0], "ev-part");
        Assert.Equal(ChartXml.Number(parts[0], "x") + phone[0], ChartXml.Number(parts[1], "x"), 1);
    }

    [Fact]
    public void Each_part_is_labelled_with_its_share_and_the_shares_add_up_to_100()
    {
        var chart = Draw(new StackedBar("Email", [1, 1, 1]));

        Assert.Equal(["34%", "33%", "33%"], chart.WithClass("ev-part-label").Select(l => l.Value));
    }

    [Fact]
    public void A_part_too_narrow_for_its_label_keeps_its_share_in_its_tooltip()
    {
        var chart = Draw(new StackedBar("Store", [1, 2, 97]));

        Assert.Equal(["97%"], chart.WithClass("ev-part-label").Select(l => l.Value));
        var tooltips = chart.WithClass("ev-part").Select(p => p.Element(ChartXml.Svg + "title")!.Value).ToArray();
        Assert.Equal(["Store, Detractors: 1% (1)", "Store, Passives: 2% (2)", "Store, Promoters: 97% (97)"], tooltips);
    }

    [Fact]
    public void Label_text_on_a_dark_part_is_white_and_on_a_light_part_dark()
    {
        var chart = Draw(new StackedBar("Email", [1, 1, 1]));

        var fills = chart.WithClass("ev-part-label").Select(l => (string)l.Attribute("fill")!).ToArray();
        Assert.Equal("#ffffff", fills[0]);
        Assert.NotEqual("#ffffff", fills[1]);
    }

    [Fact]
    public void Missing_negative_and_infinite_sizes_count_as_zero()
    {
        var chart = Draw(new StackedBar("Phone", [double.NaN, -5, 10]), new StackedBar("Chat", [5, double.PositiveInfinity, 5]));

        Assert.Equal(["100%", "50%", "50%"], chart.WithClass("ev-part-label").Select(l => l.Value));
    }

    [Fact]
    public void A_bar_with_nothing_in_it_is_a_placeholder_and_notes_are_shown()
    {
        var chart = Draw(new StackedBar("Phone", [2, 3, 5]) { Note = "n = 10" }, new StackedBar("Fax", [0, 0, 0]) { Note = "n = 0" });

        var rows = chart.WithClass("ev-row");
        Assert.Single(ChartXml.WithClass(rows[1], "ev-placeholder"));
        Assert.Empty(ChartXml.WithClass(rows[1], "ev-part"));
        Assert.Equal(["n = 10", "n = 0"], chart.WithClass("ev-note").Select(n => n.Value));
    }

    [Fact]
    public void The_legend_names_the_parts_in_order()
    {
        var chart = Draw(new StackedBar("Phone", [2, 3, 5]));

        Assert.Equal(s_nps, chart.WithClass("ev-legend-label").Select(l => l.Value));
        Assert.Equal(3, chart.WithClass("ev-legend-swatch").Select(s => (string?)s.Attribute("fill")).Distinct().Count());
    }

    [Fact]
    public void Bars_without_any_size_or_no_bars_give_a_chart_saying_no_data()
    {
        Assert.Single(Draw().Texts("no data"));
        Assert.Single(Draw(new StackedBar("Fax", [0, 0, 0])).Texts("no data"));
    }

    [Fact]
    public void A_bar_with_a_part_count_unlike_the_names_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SvgCharts.StackedBars(new StackedBarChart("NPS", s_nps, [new StackedBar("Phone", [1, 2])])));
    }

    [Fact]
    public void The_description_gives_every_share()
    {
        var chart = Draw(new StackedBar("Phone", [1, 1, 2]) { Note = "n = 4" });

        Assert.Equal("Stacked 100% bar chart of Detractors, Passives, Promoters. Phone: Detractors 25%, Passives 25%, Promoters 50% (n = 4).", chart.Description);
    }
}
