using System.Text;
using static Evident.Core.Reporting.Charts.ChartValues;

namespace Evident.Core.Reporting.Charts;

internal static class BarChartSvg
{
    private const double Width = 640;
    private const double Top = 6;
    private const double RowHeight = 28;
    private const double BarThickness = 18;
    private const double ValueRoom = 56;
    private const double NegativeValueRoom = 44;
    private const double FontSize = 12;

    public static string Render(BarChart chart)
    {
        var bars = chart.Bars;
        if (!HasAnythingToShow(bars))
        {
            return SvgWriter.NoData("bars", chart.Title);
        }

        double low = 0, high = 0;
        foreach (var bar in bars)
        {
            if (Finite(bar.Value) is { } value)
            {
                // An interval counts only when both of its ends are known, as only then is it drawn.
                bool interval = Finite(bar.Low) is not null && Finite(bar.High) is not null;
                low = Math.Min(low, interval ? Math.Min(value, Math.Min(bar.Low!.Value, bar.High!.Value)) : value);
                high = Math.Max(high, interval ? Math.Max(value, Math.Max(bar.Low!.Value, bar.High!.Value)) : value);
            }
        }

        var axis = ValueAxis.For(chart.Range, low, high);
        int longestLabel = 0;
        foreach (var bar in bars)
        {
            longestLabel = Math.Max(longestLabel, bar.Label.Length);
        }

        double labelWidth = Math.Clamp((longestLabel * FontSize * 0.6) + 12, 48, 200);
        int labelChars = (int)((labelWidth - 12) / (FontSize * 0.6));
        double plotLeft = labelWidth + (axis.Min < 0 ? NegativeValueRoom : 0);
        double plotRight = Width - ValueRoom;
        double plotBottom = Top + (bars.Count * RowHeight);
        double X(double value) => plotLeft + (axis.Fraction(value) * (plotRight - plotLeft));

        var svg = new SvgWriter("bars", Width, chart.Title, chart.Description ?? Describe(chart));
        DrawAxis(svg, axis, X, plotBottom, chart.AxisLabel);

        for (int i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            double rowTop = Top + (i * RowHeight);
            double middle = rowTop + (RowHeight / 2);
            svg.OpenGroup(bar.Highlight ? "ev-row ev-highlight" : "ev-row");
            svg.Label(labelWidth - 8, middle + 4, bar.Label, labelChars, "ev-label", TextAnchor.End);
            if (Finite(bar.Value) is { } value)
            {
                DrawBar(svg, chart, bar, value, X, rowTop, middle);
            }
            else
            {
                svg.Placeholder(plotLeft, rowTop + ((RowHeight - BarThickness) / 2), plotRight - plotLeft, BarThickness,
                    bar.Placeholder ?? "no data", $"{bar.Label}: {bar.Placeholder ?? "no data"}");
            }

            svg.CloseGroup();
        }

        if (axis.Contains(0))
        {
            svg.Line(X(0), Top - 2, X(0), plotBottom + 2, "ev-zero", ChartPalette.Zero, 1.25);
        }

        double height = plotBottom + 22 + (chart.AxisLabel is null ? 0 : 16);
        return svg.Finish(height);
    }

    private static void DrawAxis(SvgWriter svg, ValueAxis axis, Func<double, double> x, double plotBottom, string? axisLabel)
    {
        foreach (double tick in axis.Ticks)
        {
            svg.Line(x(tick), Top - 2, x(tick), plotBottom, "ev-grid", ChartPalette.Grid);
            svg.Text(x(tick), plotBottom + 15, axis.TickLabel(tick), "ev-tick", TextAnchor.Middle, $"fill=\"{ChartPalette.Muted}\" font-size=\"11\"");
        }

        if (axisLabel is not null)
        {
            double middle = (x(axis.Min) + x(axis.Max)) / 2;
            svg.Label(middle, plotBottom + 32, axisLabel, 60, "ev-axis-label", TextAnchor.Middle, $"fill=\"{ChartPalette.Muted}\"");
        }
    }

    private static void DrawBar(SvgWriter svg, BarChart chart, Bar bar, double value, Func<double, double> x, double rowTop, double middle)
    {
        double start = x(Math.Min(0, value));
        double end = x(Math.Max(0, value));
        string text = SvgText.Value(value, chart.ValueFormat);
        double? low = Finite(bar.Low);
        double? high = Finite(bar.High);
        string tooltip = low is { } l && high is { } h
            ? $"{bar.Label}: {text} ({SvgText.Value(l, chart.ValueFormat)} to {SvgText.Value(h, chart.ValueFormat)})"
            : $"{bar.Label}: {text}";
        svg.Rect(start, rowTop + ((RowHeight - BarThickness) / 2), end - start, BarThickness,
            "ev-bar", bar.Highlight ? ChartPalette.BarHighlight : ChartPalette.Bar, null, tooltip);

        double outer = value < 0 ? start : end;
        if (low is { } lowValue && high is { } highValue)
        {
            double lx = x(lowValue), hx = x(highValue);
            svg.OpenGroup("ev-error");
            svg.Line(lx, middle, hx, middle, "ev-error-line", ChartPalette.Ink, 1.25);
            svg.Line(lx, middle - 5, lx, middle + 5, "ev-error-low", ChartPalette.Ink, 1.25);
            svg.Line(hx, middle - 5, hx, middle + 5, "ev-error-high", ChartPalette.Ink, 1.25);
            svg.CloseGroup();
            outer = value < 0 ? Math.Min(outer, Math.Min(lx, hx)) : Math.Max(outer, Math.Max(lx, hx));
        }

        string? weight = bar.Highlight ? "font-weight=\"600\"" : null;
        if (value < 0)
        {
            svg.Text(outer - 4, middle + 4, text, "ev-value", TextAnchor.End, weight);
        }
        else
        {
            svg.Text(outer + 4, middle + 4, text, "ev-value", TextAnchor.Start, weight);
        }
    }

    private static bool HasAnythingToShow(IReadOnlyList<Bar> bars)
    {
        foreach (var bar in bars)
        {
            if (Finite(bar.Value) is not null || bar.Placeholder is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(BarChart chart)
    {
        var text = new StringBuilder("Bar chart.");
        foreach (var bar in chart.Bars)
        {
            text.Append(' ').Append(bar.Label).Append(": ");
            if (Finite(bar.Value) is { } value)
            {
                text.Append(SvgText.Value(value, chart.ValueFormat));
                if (Finite(bar.Low) is { } low && Finite(bar.High) is { } high)
                {
                    text.Append(" (").Append(SvgText.Value(low, chart.ValueFormat)).Append(" to ").Append(SvgText.Value(high, chart.ValueFormat)).Append(')');
                }
            }
            else
            {
                text.Append(bar.Placeholder ?? "no data");
            }

            text.Append(';');
        }

        return text.ToString().TrimEnd(';') + ".";
    }
}
