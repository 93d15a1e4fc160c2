using System.Text;
using static Evident.Core.Reporting.Charts.ChartValues;

namespace Evident.Core.Reporting.Charts;

internal static class QuadrantChartSvg
{
    private const double Width = 640;
    private const double PlotHeight = 360;
    private const double Top = 8;
    private const double Right = Width - 12;
    private const double LabelSize = 11;
    private const int LabelChars = 30;

    private readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }

    private sealed record Layout(ValueAxis XAxis, ValueAxis YAxis, double Left, double Bottom)
    {
        public double X(double value) => Left + (XAxis.Fraction(value) * (Right - Left));

        public double Y(double value) => Bottom - (YAxis.Fraction(value) * (Bottom - Top));
    }

    public static string Render(QuadrantChart chart)
    {
        var points = new List<QuadrantPoint>();
        foreach (var point in chart.Points)
        {
            if (double.IsFinite(point.X) && double.IsFinite(point.Y))
            {
                points.Add(point);
            }
        }

        if (points.Count == 0)
        {
            return SvgWriter.NoData("quadrant", chart.Title);
        }

        double xMean = 0, yMean = 0;
        foreach (var point in points)
        {
            xMean += point.X / points.Count;
            yMean += point.Y / points.Count;
        }

        double xDivider = Finite(chart.XDivider) ?? xMean;
        double yDivider = Finite(chart.YDivider) ?? yMean;
        var xAxis = AxisOver(chart.XRange, points, p => p.X, xDivider);
        var yAxis = AxisOver(chart.YRange, points, p => p.Y, yDivider);
        double tickWidth = 0;
        foreach (double tick in yAxis.Ticks)
        {
            tickWidth = Math.Max(tickWidth, SvgText.Width(yAxis.TickLabel(tick), 11));
        }

        var layout = new Layout(xAxis, yAxis, tickWidth + 12 + 20, Top + PlotHeight);
        var svg = new SvgWriter("quadrant", Width, chart.Title, chart.Description ?? Describe(chart, points, xDivider, yDivider));
        DrawFrame(svg, chart, layout, xDivider, yDivider);
        DrawPoints(svg, chart, points, layout);
        return svg.Finish(layout.Bottom + 44);
    }

    private static ValueAxis AxisOver(AxisRange? range, List<QuadrantPoint> points, Func<QuadrantPoint, double> value, double divider)
    {
        double low = divider, high = divider;
        foreach (var point in points)
        {
            low = Math.Min(low, value(point));
            high = Math.Max(high, value(point));
        }

        return ValueAxis.For(range, low, high);
    }

    private static void DrawFrame(SvgWriter svg, QuadrantChart chart, Layout layout, double xDivider, double yDivider)
    {
        double left = layout.Left, bottom = layout.Bottom;
        double dividerX = layout.X(xDivider), dividerY = layout.Y(yDivider);
        if (chart.ShadeBottomRight)
        {
            svg.Rect(dividerX, dividerY, Right - dividerX, bottom - dividerY, "ev-quadrant-shade", ChartPalette.Emphasis);
        }

        const string TickStyle = "fill=\"" + ChartPalette.Muted + "\" font-size=\"11\"";
        foreach (double tick in layout.XAxis.Ticks)
        {
            svg.Line(layout.X(tick), Top, layout.X(tick), bottom, "ev-grid", ChartPalette.Grid);
            svg.Text(layout.X(tick), bottom + 15, layout.XAxis.TickLabel(tick), "ev-tick", TextAnchor.Middle, TickStyle);
        }

        foreach (double tick in layout.YAxis.Ticks)
        {
            svg.Line(left, layout.Y(tick), Right, layout.Y(tick), "ev-grid", ChartPalette.Grid);
            svg.Text(left - 6, layout.Y(tick) + 4, layout.YAxis.TickLabel(tick), "ev-tick", TextAnchor.End, TickStyle);
        }

        svg.Rect(left, Top, Right - left, bottom - Top, "ev-frame", "none", $"stroke=\"{ChartPalette.Axis}\"");
        svg.Label((left + Right) / 2, bottom + 34, chart.XAxisLabel, 60, "ev-axis-label", TextAnchor.Middle, $"fill=\"{ChartPalette.Muted}\"");
        double middle = (Top + bottom) / 2;
        svg.Label(12, middle, chart.YAxisLabel, 40, "ev-axis-label", TextAnchor.Middle,
            $"fill=\"{ChartPalette.Muted}\" transform=\"rotate(-90 12 {SvgText.Number(middle)})\"");

        svg.Line(dividerX, Top, dividerX, bottom, "ev-divider-x", ChartPalette.Muted, 1.25, "5 4");
        svg.Line(left, dividerY, Right, dividerY, "ev-divider-y", ChartPalette.Muted, 1.25, "5 4");

        const string CaptionStyle = "fill=\"" + ChartPalette.Muted + "\" font-style=\"italic\" font-weight=\"600\"";
        int captionChars = (int)((Right - left) / 2 / (12 * 0.6)) - 1;
        svg.Label(left + 6, Top + 16, chart.Captions.TopLeft, captionChars, "ev-caption", TextAnchor.Start, CaptionStyle);
        svg.Label(Right - 6, Top + 16, chart.Captions.TopRight, captionChars, "ev-caption", TextAnchor.End, CaptionStyle);
        svg.Label(left + 6, bottom - 8, chart.Captions.BottomLeft, captionChars, "ev-caption", TextAnchor.Start, CaptionStyle);
        svg.Label(Right - 6, bottom - 8, chart.Captions.BottomRight, captionChars, "ev-caption", TextAnchor.End, CaptionStyle);
    }

    private static void DrawPoints(SvgWriter svg, QuadrantChart chart, List<QuadrantPoint> points, Layout layout)
    {
        double largest = 0;
        foreach (var point in points)
        {
            largest = Math.Max(largest, Finite(point.Size) ?? 0);
        }

        var radii = new double[points.Count];
        var taken = new List<Box>();
        for (int i = 0; i < points.Count; i++)
        {
            // Area, not radius, follows size; without sizes every dot is alike.
            radii[i] = largest > 0 ? 4 + (9 * Math.Sqrt(Math.Max(0, Finite(points[i].Size) ?? 0) / largest)) : 5.5;
            double cx = layout.X(points[i].X), cy = layout.Y(points[i].Y);
            taken.Add(new Box(cx - radii[i], cy - radii[i], cx + radii[i], cy + radii[i]));
        }

        // Larger dots first, so that a small dot is never hidden under a big one.
        var order = Enumerable.Range(0, points.Count).OrderByDescending(i => radii[i]).ToArray();
        svg.OpenGroup("ev-points");
        foreach (int i in order)
        {
            var point = points[i];
            string tooltip = $"{point.Label}: {chart.XAxisLabel} {SvgText.Value(point.X, chart.ValueFormat)}, {chart.YAxisLabel} {SvgText.Value(point.Y, chart.ValueFormat)}";
            svg.Circle(layout.X(point.X), layout.Y(point.Y), radii[i], "ev-point", ChartPalette.SeriesColour(0),
                $"fill-opacity=\"0.8\" stroke=\"{ChartPalette.Paper}\" stroke-width=\"1\"", tooltip);
        }

        svg.CloseGroup();
        svg.OpenGroup("ev-point-labels");
        for (int i = 0; i < points.Count; i++)
        {
            string text = SvgText.Fit(points[i].Label, LabelChars);
            var (box, anchor) = PlaceLabel(layout.X(points[i].X), layout.Y(points[i].Y), radii[i], SvgText.Width(text, LabelSize), layout, taken);
            taken.Add(box);
            double x = anchor switch { TextAnchor.Start => box.Left, TextAnchor.End => box.Right, _ => (box.Left + box.Right) / 2 };
            svg.Label(x, box.Bottom - 3, points[i].Label, LabelChars, "ev-point-label", anchor, "font-size=\"11\"");
        }

        svg.CloseGroup();
    }

    /// <summary>
    /// Right of the dot, else left, above or below: the first place that overlaps nothing, always inside the plot.
    /// The text is anchored at the side nearest its dot, so that a wrong guess of its width errs away from the dot.
    /// </summary>
    private static (Box Box, TextAnchor Anchor) PlaceLabel(double cx, double cy, double r, double width, Layout layout, List<Box> taken)
    {
        const double Height = LabelSize + 2;
        Span<(double Left, double Top, TextAnchor Anchor)> candidates =
        [
            (cx + r + 3, cy - (Height / 2), TextAnchor.Start),
            (cx - r - 3 - width, cy - (Height / 2), TextAnchor.End),
            (cx - (width / 2), cy - r - 2 - Height, TextAnchor.Middle),
            (cx - (width / 2), cy + r + 2, TextAnchor.Middle),
        ];

        (Box, TextAnchor)? first = null;
        foreach (var (candidateLeft, candidateTop, anchor) in candidates)
        {
            double left = Math.Clamp(candidateLeft, layout.Left + 2, Math.Max(layout.Left + 2, Right - 2 - width));
            double top = Math.Clamp(candidateTop, Top + 2, layout.Bottom - 2 - Height);
            var box = new Box(left, top, left + width, top + Height);
            first ??= (box, anchor);
            bool free = true;
            for (int k = 0; k < taken.Count && free; k++)
            {
                free = !taken[k].Overlaps(box);
            }

            if (free)
            {
                return (box, anchor);
            }
        }

        return first!.Value;
    }

    private static string Describe(QuadrantChart chart, List<QuadrantPoint> points, double xDivider, double yDivider)
    {
        var text = new StringBuilder();
        text.Append("Quadrant chart of ").Append(chart.YAxisLabel).Append(" against ").Append(chart.XAxisLabel)
            .Append(", divided at ").Append(SvgText.Value(xDivider, chart.ValueFormat)).Append(" and ").Append(SvgText.Value(yDivider, chart.ValueFormat)).Append('.');
        Span<(string Caption, bool Right, bool Upper)> corners =
        [
            (chart.Captions.BottomRight, true, false),
            (chart.Captions.TopRight, true, true),
            (chart.Captions.TopLeft, false, true),
            (chart.Captions.BottomLeft, false, false),
        ];
        foreach (var (caption, right, upper) in corners)
        {
            var names = new List<string>();
            foreach (var point in points)
            {
                if ((point.X >= xDivider) == right && (point.Y >= yDivider) == upper)
                {
                    names.Add(point.Label);
                }
            }

            if (names.Count > 0)
            {
                text.Append(' ').Append(caption).Append(": ").AppendJoin(", ", names).Append('.');
            }
        }

        return text.ToString();
    }
}
