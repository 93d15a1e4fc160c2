using System.Xml.Linq;
using Evident.Core.Reporting;

namespace Evident.Core.Tests.Reporting;

public sealed class HtmlTests
{
    private const string Text = "Hold & wait <script>alert(1)</script> then \"bye\"";

    [Fact]
    public void Escape_makes_markup_plain_text()
    {
        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Html.Escape("a <b> & \"c\" 'd'"));
        Assert.Equal("", Html.Escape(null));
    }

    [Fact]
    public void Without_spans_the_text_is_only_escaped()
    {
        Assert.Equal(Html.Escape(Text), Html.Highlight(Text, []));
    }

    [Fact]
    public void Spans_are_wrapped_in_marks_and_everything_inside_and_outside_is_escaped()
    {
        string html = Html.Highlight(Text, [new HighlightSpan(0, 11, "wait"), new HighlightSpan(12, 8, "a <b> \"tag\"")]);

        Assert.Equal(
            "<mark title=\"wait\">Hold &amp; wait</mark> <mark title=\"a &lt;b&gt; &quot;tag&quot;\">&lt;script&gt;</mark>" +
            "alert(1)&lt;/script&gt; then &quot;bye&quot;",
            html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Spans_out_of_order_come_out_in_text_order()
    {
        string html = Html.Highlight("one two three", [new HighlightSpan(8, 5, "c"), new HighlightSpan(0, 3, "a"), new HighlightSpan(4, 3, "b")]);

        Assert.Equal("<mark title=\"a\">one</mark> <mark title=\"b\">two</mark> <mark title=\"c\">three</mark>", html);
    }

    [Fact]
    public void Overlapping_spans_are_merged_into_one_mark_with_both_titles()
    {
        string html = Html.Highlight("minutes on hold today", [new HighlightSpan(8, 7, "on hold"), new HighlightSpan(0, 10, "wait"), new HighlightSpan(11, 4, "on hold")]);

        Assert.Equal("<mark title=\"wait; on hold\">minutes on hold</mark> today", html);
    }

    [Fact]
    public void A_span_inside_another_leaves_one_mark()
    {
        Assert.Equal("<mark title=\"outer; inner\">abcdef</mark>g", Html.Highlight("abcdefg", [new HighlightSpan(2, 2, "inner"), new HighlightSpan(0, 6, "outer")]));
    }

    [Fact]
    public void Touching_spans_stay_separate_marks()
    {
        Assert.Equal("<mark title=\"a\">ab</mark><mark title=\"b\">cd</mark>", Html.Highlight("abcd", [new HighlightSpan(0, 2, "a"), new HighlightSpan(2, 2, "b")]));
    }

    [Fact]
    public void Spans_outside_the_text_are_cut_to_it_and_empty_ones_dropped()
    {
        string html = Html.Highlight("abc", [new HighlightSpan(-2, 3, "start"), new HighlightSpan(2, 50, "end"), new HighlightSpan(1, 0, "empty"), new HighlightSpan(9, 2, "past")]);

        Assert.Equal("<mark title=\"start\">a</mark>b<mark title=\"end\">c</mark>", html);
    }

    [Fact]
    public void A_span_never_splits_a_surrogate_pair()
    {
        string text = "ok \U0001F600 fine";

        string html = Html.Highlight(text, [new HighlightSpan(4, 1, "emoji")]);

        Assert.Equal("ok <mark title=\"emoji\">" + Html.Escape("\U0001F600") + "</mark> fine", html);
    }

    [Fact]
    public void A_mark_without_a_title_has_no_title_attribute()
    {
        Assert.Equal("<mark>ab</mark>c", Html.Highlight("abc", [new HighlightSpan(0, 2, "")]));
    }

    [Fact]
    public void The_result_is_well_formed_markup_whose_text_is_the_original()
    {
        string html = Html.Highlight(Text, [new HighlightSpan(5, 20, "x & y"), new HighlightSpan(10, 20, "<z>")]);

        var paragraph = XElement.Parse("<p>" + html + "</p>");
        Assert.Equal(Text, paragraph.Value);
        Assert.Equal("x & y; <z>", (string?)Assert.Single(paragraph.Elements("mark")).Attribute("title"));
    }
}
