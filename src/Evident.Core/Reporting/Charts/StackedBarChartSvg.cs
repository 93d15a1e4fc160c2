using System.Globalization;
using System.Text;

namespace Evident.Core.Reporting.Charts;

internal static class StackedBarChartSvg
{
    private const double Width = 640;
    private const double RowHeight = 28;
    private const double BarThickness = 18;
    private const double FontSize = 12;

    public static string Render(StackedBarChart chart)
    {
        foreach (var bar in chart.Bars)
        {
            if (bar.Parts.Count != chart.PartNames.Count)
            {
                throw new ArgumentException($"bar \"{bar.Label}\" has {bar.Parts.Count} parts, the chart names {chart.PartNames.Count}", nameof(chart));
            }
        }

        bool anyTotal = false;
        foreach (var bar in chart.Bars)
        {
            anyTotal |= Total(bar) > 0;
        }

        if (!anyTotal)
        {
            return SvgWriter.NoData("stacked", chart.Title);
        }

        var legend = Legend.ForParts(chart.PartNames, Width);
        double top = legend.Height + 6;
        int longestLabel = 0;
        double noteWidth = 0;
        foreach (var bar in chart.Bars)
        {
            longestLabel = Math.Max(longestLabel, bar.Label.Length);
            noteWidth = Math.Max(noteWidth, bar.Note is null ? 0 : SvgText.Width(SvgText.Fit(bar.Note, 14), 11));
        }

        double labelWidth = Math.Clamp((longestLabel * FontSize * 0.6) + 12, 48, 200);
        int labelChars = (int)((labelWidth - 12) / (FontSize * 0.6));
        double plotLeft = labelWidth;
        double plotRight = Width - (noteWidth > 0 ? noteWidth + 14 : 8);
        double plotBottom = top + (chart.Bars.Count * RowHeight);

        var svg = new SvgWriter("stacked", Width, chart.Title, chart.Description ?? Describe(chart));
        legend.Draw(svg);
        for (int i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            double rowTop = top + (i * RowHeight);
            double barTop = rowTop + ((RowHeight - BarThickness) / 2);
            double middle = rowTop + (RowHeight / 2);
            svg.OpenGroup("ev-row");
            svg.Label(labelWidth - 8, middle + 4, bar.Label, labelChars, "ev-label", TextAnchor.End);
            if (Total(bar) > 0)
            {
                DrawParts(svg, chart, bar, plotLeft, plotRight, barTop);
            }
            else
            {
                svg.Placeholder(plotLeft, barTop, plotRight - plotLeft, BarThickness, "no data", $"{bar.Label}: no data");
            }

            if (bar.Note is { } note)
            {
                svg.Label(plotRight + 6, middle + 4, note, 14, "ev-note", TextAnchor.Start, $"fill=\"{ChartPalette.Muted}\" font-size=\"11\"");
            }

            svg.CloseGroup();
        }

        for (int percent = 0; percent <= 100; percent += 25)
        {
            double x = plotLeft + ((plotRight - plotLeft) * percent / 100);
            svg.Line(x, plotBottom, x, plotBottom + 4, "ev-tick-mark", ChartPalette.Axis);
            svg.Text(x, plotBottom + 16, Percent(percent), "ev-tick", TextAnchor.Middle, $"fill=\"{ChartPalette.Muted}\" font-size=\"11\"");
        }

        return svg.Finish(plotBottom + 24);
    }

    private static void DrawParts(SvgWriter svg, StackedBarChart chart, StackedBar bar, double left, double right, double barTop)
    {
        double total = Total(bar);
        int[] percents = WholePercents(bar);
        double cumulative = 0;
        for (int p = 0; p < bar.Parts.Count; p++)
        {
            double size = Size(bar.Parts[p]);
            // Edges from the running total, so that the parts meet without gaps whatever the rounding.
            double x0 = left + ((right - left) * cumulative / total);
            cumulative += size;
            double x1 = left + ((right - left) * cumulative / total);
            if (size <= 0)
            {
                continue;
            }

            string colour = ChartPalette.PartColour(p);
            string share = Percent(percents[p]);
            svg.Rect(x0, barTop, x1 - x0, BarThickness, "ev-part", colour, $"stroke=\"{ChartPalette.Paper}\" stroke-width=\"1\"",
                $"{bar.Label}, {chart.PartNames[p]}: {share} ({SvgText.Value(size, "0.##")})");
            if (x1 - x0 >= SvgText.Width(share, 11) + 6)
            {
                svg.Text((x0 + x1) / 2, barTop + (BarThickness / 2) + 4, share, "ev-part-label", TextAnchor.Middle,
                    $"fill=\"{ChartPalette.TextOn(colour)}\" font-size=\"11\"");
            }
        }
    }

    /// <summary>Each part's share in whole percent, adding up to exactly 100 (largest remainders get the leftover points).</summary>
    internal static int[] WholePercents(StackedBar bar)
    {
        double total = Total(bar);
        var percents = new int[bar.Parts.Count];
        var remainders = new (double Remainder, int Index)[bar.Parts.Count];
        int given = 0;
        for (int p = 0; p < percents.Length; p++)
        {
            double exact = Size(bar.Parts[p]) * 100 / total;
            percents[p] = (int)Math.Floor(exact);
            remainders[p] = (exact - percents[p], p);
            given += percents[p];
        }

        Array.Sort(remainders, (a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
        for (int k = 0; k < 100 - given && k < remainders.Length; k++)
        {
            percents[remainders[k].Index]++;
        }

        return percents;
    }

    private static string Percent(int percent) => percent.ToString(CultureInfo.InvariantCulture) + "%";

    private static double Size(double part) => double.IsFinite(part) && part > 0 ? part : 0;

    private static double Total(StackedBar bar)
    {
        double total = 0;
        foreach (double part in bar.Parts)
        {
            total += Size(part);
        }

        return double.IsFinite(total) ? total : 0;
    }

    private static string Describe(StackedBarChart chart)
    {
        var text = new StringBuilder("Stacked 100% bar chart of ").AppendJoin(", ", chart.PartNames).Append('.');
        foreach (var bar in chart.Bars)
        {
            text.Append(' ').Append(bar.Label).Append(": ");
            if (Total(bar) <= 0)
            {
                text.Append("no data.");
                continue;
            }

            int[] percents = WholePercents(bar);
            for (int p = 0; p < percents.Length; p++)
            {
                text.Append(p == 0 ? "" : ", ").Append(chart.PartNames[p]).Append(' ').Append(Percent(percents[p]));
            }

            text.Append(bar.Note is null ? "" : $" ({bar.Note})").Append('.');
        }

        return text.ToString();
    }
}
