using System.Text;
using static Evident.Core.Reporting.Charts.ChartValues;

namespace Evident.Core.Reporting.Charts;

internal static class LineChartSvg
{
    private const double Width = 640;
    private const double PlotHeight = 220;
    private const double EndLabelRoom = 44;
    private const int PointsForEveryPeriodUpTo = 24;

    private sealed record Layout(ValueAxis Axis, double Left, double Right, double Top, double Bottom, int Periods)
    {
        public double Slot => (Right - Left) / Periods;

        public double X(int index) => Left + (Slot * (index + 0.5));

        public double Y(double value) => Bottom - (Axis.Fraction(value) * (Bottom - Top));
    }

    public static string Render(LineChart chart)
    {
        Validate(chart);
        if (!TryValueRange(chart, out double low, out double high))
        {
            return SvgWriter.NoData("lines", chart.Title);
        }

        var axis = ValueAxis.For(chart.Range, low, high);
        var legend = Legend.ForSeries(chart.Series, Width);
        var markers = MarkersAtKnownPeriods(chart);
        double top = legend.Height + (markers.Count > 0 ? 18 : 0) + 10;
        double tickWidth = 0;
        foreach (double tick in axis.Ticks)
        {
            tickWidth = Math.Max(tickWidth, SvgText.Width(axis.TickLabel(tick), 11));
        }

        double left = Math.Max(32, tickWidth + 12) + (chart.AxisLabel is null ? 0 : 16);
        var layout = new Layout(axis, left, Width - EndLabelRoom, top, top + PlotHeight, chart.Periods.Count);

        var svg = new SvgWriter("lines", Width, chart.Title, chart.Description ?? Describe(chart, markers));
        legend.Draw(svg);
        DrawAxes(svg, chart, layout);
        for (int s = 0; s < chart.Series.Count; s++)
        {
            DrawBand(svg, chart.Series[s], s, layout);
        }

        foreach (var (index, label) in markers)
        {
            DrawMarker(svg, index, label, layout, legend.Height);
        }

        for (int s = 0; s < chart.Series.Count; s++)
        {
            DrawSeries(svg, chart, s, layout);
        }

        DrawEndLabels(svg, chart, layout);
        return svg.Finish(layout.Bottom + 26);
    }

    private static void Validate(LineChart chart)
    {
        foreach (var series in chart.Series)
        {
            if (series.Values.Count != chart.Periods.Count
                || (series.Low is not null && series.Low.Count != chart.Periods.Count)
                || (series.High is not null && series.High.Count != chart.Periods.Count))
            {
                throw new ArgumentException(
                    $"series \"{series.Name}\" needs one value (and one low and high, when given) for each of the {chart.Periods.Count} periods",
                    nameof(chart));
            }
        }
    }

    private static bool TryValueRange(LineChart chart, out double low, out double high)
    {
        low = double.PositiveInfinity;
        high = double.NegativeInfinity;
        bool anyValue = false;
        foreach (var series in chart.Series)
        {
            for (int i = 0; i < chart.Periods.Count; i++)
            {
                // A band counts only where both of its ends are known, as only there is it drawn.
                bool band = At(series.Low, i) is not null && At(series.High, i) is not null;
                foreach (double? candidate in (ReadOnlySpan<double?>)[At(series.Values, i), band ? At(series.Low, i) : null, band ? At(series.High, i) : null])
                {
                    if (candidate is { } v)
                    {
                        low = Math.Min(low, v);
                        high = Math.Max(high, v);
                    }
                }

                anyValue |= At(series.Values, i) is not null;
            }
        }

        return anyValue;
    }

    private static List<(int Index, string Label)> MarkersAtKnownPeriods(LineChart chart)
    {
        var found = new List<(int, string)>();
        foreach (var marker in chart.Markers)
        {
            int index = IndexOf(chart.Periods, marker.Period);
            if (index >= 0)
            {
                found.Add((index, marker.Label));
            }
        }

        return found;
    }

    private static int IndexOf(IReadOnlyList<string> periods, string period)
    {
        for (int i = 0; i < periods.Count; i++)
        {
            if (string.Equals(periods[i], period, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void DrawAxes(SvgWriter svg, LineChart chart, Layout layout)
    {
        foreach (double tick in layout.Axis.Ticks)
        {
            double y = layout.Y(tick);
            bool isZero = tick == 0 && layout.Axis.Min < 0;
            svg.Line(layout.Left, y, layout.Right, y, isZero ? "ev-zero" : "ev-grid", isZero ? ChartPalette.Zero : ChartPalette.Grid);
            svg.Text(layout.Left - 6, y + 4, layout.Axis.TickLabel(tick), "ev-tick", TextAnchor.End, $"fill=\"{ChartPalette.Muted}\" font-size=\"11\"");
        }

        svg.Line(layout.Left, layout.Bottom, layout.Right, layout.Bottom, "ev-axis", ChartPalette.Axis);
        if (chart.AxisLabel is { } axisLabel)
        {
            double middle = (layout.Top + layout.Bottom) / 2;
            svg.Label(12, middle, axisLabel, 32, "ev-axis-label", TextAnchor.Middle,
                $"fill=\"{ChartPalette.Muted}\" transform=\"rotate(-90 12 {SvgText.Number(middle)})\"");
        }

        const int MaxPeriodChars = 12;
        double longest = 0;
        foreach (string period in chart.Periods)
        {
            longest = Math.Max(longest, SvgText.Width(SvgText.Fit(period, MaxPeriodChars), 11));
        }

        // Label every k-th period so that the labels never overlap.
        int every = Math.Max(1, (int)Math.Ceiling((longest + 8) / layout.Slot));
        for (int i = 0; i < chart.Periods.Count; i += every)
        {
            svg.Line(layout.X(i), layout.Bottom, layout.X(i), layout.Bottom + 4, "ev-tick-mark", ChartPalette.Axis);
            svg.Label(layout.X(i), layout.Bottom + 17, chart.Periods[i], MaxPeriodChars, "ev-period", TextAnchor.Middle,
                $"fill=\"{ChartPalette.Muted}\" font-size=\"11\"");
        }
    }

    private static void DrawBand(SvgWriter svg, LineSeries series, int seriesIndex, Layout layout)
    {
        if (series.Low is null || series.High is null)
        {
            return;
        }

        string colour = ChartPalette.SeriesColour(seriesIndex);
        foreach (var (start, end) in Runs(i => At(series.Low, i) is not null && At(series.High, i) is not null, layout.Periods))
        {
            if (start == end)
            {
                double x = layout.X(start);
                double top = layout.Y(Math.Max(At(series.Low, start)!.Value, At(series.High, start)!.Value));
                double bottom = layout.Y(Math.Min(At(series.Low, start)!.Value, At(series.High, start)!.Value));
                svg.Rect(x - 3, top, 6, bottom - top, "ev-band", colour, "fill-opacity=\"0.18\"");
                continue;
            }

            var band = new PathData();
            for (int i = start; i <= end; i++)
            {
                double y = layout.Y(At(series.High, i)!.Value);
                _ = i == start ? band.MoveTo(layout.X(i), y) : band.LineTo(layout.X(i), y);
            }

            for (int i = end; i >= start; i--)
            {
                band.LineTo(layout.X(i), layout.Y(At(series.Low, i)!.Value));
            }

            svg.Path("ev-band", band.Close(), $"fill=\"{colour}\" fill-opacity=\"0.18\" stroke=\"none\"");
        }
    }

    private static void DrawMarker(SvgWriter svg, int index, string label, Layout layout, double legendHeight)
    {
        double x = layout.X(index);
        svg.OpenGroup("ev-marker", label);
        svg.Line(x, legendHeight + 6, x, layout.Bottom, "ev-marker-line", ChartPalette.Muted, 1.25, "4 3");
        bool leftHalf = x < (layout.Left + layout.Right) / 2;
        double room = leftHalf ? Width - x - 8 : x - 8;
        svg.Label(leftHalf ? x + 4 : x - 4, legendHeight + 18, label, (int)(room / (11 * 0.6)), "ev-marker-label",
            leftHalf ? TextAnchor.Start : TextAnchor.End, $"fill=\"{ChartPalette.Muted}\" font-size=\"11\"");
        svg.CloseGroup();
    }

    private static void DrawSeries(SvgWriter svg, LineChart chart, int seriesIndex, Layout layout)
    {
        var series = chart.Series[seriesIndex];
        string colour = ChartPalette.SeriesColour(seriesIndex);
        string? dash = ChartPalette.Dash(seriesIndex);
        string stroke = $"fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-linejoin=\"round\"" +
            (dash is null ? "" : $" stroke-dasharray=\"{dash}\"");
        svg.OpenGroup("ev-series", series.Name);
        var runs = Runs(i => At(series.Values, i) is not null, layout.Periods);
        foreach (var (start, end) in runs)
        {
            if (end > start)
            {
                var line = new PathData();
                for (int i = start; i <= end; i++)
                {
                    double y = layout.Y(At(series.Values, i)!.Value);
                    _ = i == start ? line.MoveTo(layout.X(i), y) : line.LineTo(layout.X(i), y);
                }

                svg.Path("ev-line", line, stroke);
            }
        }

        int last = runs.Count > 0 ? runs[^1].End : -1;
        for (int i = 0; i < layout.Periods; i++)
        {
            if (At(series.Values, i) is not { } value)
            {
                continue;
            }

            bool isolated = (i == 0 || At(series.Values, i - 1) is null) && (i == layout.Periods - 1 || At(series.Values, i + 1) is null);
            if (layout.Periods <= PointsForEveryPeriodUpTo || isolated || i == last)
            {
                PointShape.Draw(svg, seriesIndex, layout.X(i), layout.Y(value), colour, PointTooltip(chart, series, i, value));
            }
        }

        svg.CloseGroup();
    }

    private static string PointTooltip(LineChart chart, LineSeries series, int index, double value)
    {
        string text = $"{series.Name}, {chart.Periods[index]}: {SvgText.Value(value, chart.ValueFormat)}";
        return At(series.Low, index) is { } low && At(series.High, index) is { } high
            ? $"{text} ({SvgText.Value(low, chart.ValueFormat)} to {SvgText.Value(high, chart.ValueFormat)})"
            : text;
    }

    /// <summary>The latest value of each series, beside its last point, nudged apart so that labels never overlap.</summary>
    private static void DrawEndLabels(SvgWriter svg, LineChart chart, Layout layout)
    {
        var labels = new List<(double Y, double X, string Text, int Series)>();
        for (int s = 0; s < chart.Series.Count; s++)
        {
            var values = chart.Series[s].Values;
            for (int i = layout.Periods - 1; i >= 0; i--)
            {
                if (At(values, i) is { } value)
                {
                    labels.Add((layout.Y(value) + 4, layout.X(i) + 8, SvgText.Value(value, chart.ValueFormat), s));
                    break;
                }
            }
        }

        labels.Sort((a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.Series.CompareTo(b.Series));
        const double Gap = 12;
        for (int k = 1; k < labels.Count; k++)
        {
            if (labels[k].Y - labels[k - 1].Y < Gap)
            {
                labels[k] = labels[k] with { Y = labels[k - 1].Y + Gap };
            }
        }

        double overflow = labels.Count > 0 ? labels[^1].Y - (layout.Bottom + 4) : 0;
        foreach (var label in labels)
        {
            double y = overflow > 0 ? label.Y - overflow : label.Y;
            svg.Text(label.X, y, label.Text, "ev-value", TextAnchor.Start,
                $"fill=\"{ChartPalette.SeriesColour(label.Series)}\" font-weight=\"600\" font-size=\"11\"");
        }
    }

    /// <summary>The stretches of consecutive indexes where <paramref name="present"/> holds, as inclusive (start, end) pairs.</summary>
    internal static List<(int Start, int End)> Runs(Func<int, bool> present, int count)
    {
        var runs = new List<(int, int)>();
        int start = -1;
        for (int i = 0; i <= count; i++)
        {
            bool here = i < count && present(i);
            if (here && start < 0)
            {
                start = i;
            }
            else if (!here && start >= 0)
            {
                runs.Add((start, i - 1));
                start = -1;
            }
        }

        return runs;
    }

    private static string Describe(LineChart chart, List<(int Index, string Label)> markers)
    {
        var text = new StringBuilder();
        text.Append("Line chart over ").Append(chart.Periods.Count).Append(" periods, ")
            .Append(chart.Periods[0]).Append(" to ").Append(chart.Periods[^1]).Append('.');
        foreach (var series in chart.Series)
        {
            int first = -1, last = -1;
            for (int i = 0; i < chart.Periods.Count; i++)
            {
                if (At(series.Values, i) is not null)
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            text.Append(' ').Append(series.Name).Append(": ");
            if (first < 0)
            {
                text.Append("no data.");
                continue;
            }

            text.Append(SvgText.Value(At(series.Values, first)!.Value, chart.ValueFormat)).Append(" in ").Append(chart.Periods[first])
                .Append(", ").Append(SvgText.Value(At(series.Values, last)!.Value, chart.ValueFormat)).Append(" in ").Append(chart.Periods[last]).Append('.');
        }

        foreach (var (index, label) in markers)
        {
            text.Append(" Marked at ").Append(chart.Periods[index]).Append(": ").Append(label).Append('.');
        }

        return text.ToString();
    }
}
