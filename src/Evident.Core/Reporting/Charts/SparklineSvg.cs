using static Evident.Core.Reporting.Charts.ChartValues;

namespace Evident.Core.Reporting.Charts;

internal static class SparklineSvg
{
    private const double Width = 96;
    private const double Height = 24;
    private const double Pad = 3;

    public static string Render(SparklineChart chart)
    {
        var values = chart.Values;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        int count = 0, first = -1, last = -1;
        for (int i = 0; i < values.Count; i++)
        {
            if (Finite(values[i]) is { } value)
            {
                low = Math.Min(low, value);
                high = Math.Max(high, value);
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }

        if (count == 0)
        {
            return SvgWriter.NoData("sparkline", chart.Title, Width, Height);
        }

        (double min, double max) = chart.Range is { } range ? (range.Min, range.Max) : (low, high);
        double step = values.Count > 1 ? (Width - (2 * Pad)) / (values.Count - 1) : 0;
        double X(int index) => values.Count > 1 ? Pad + (index * step) : Width / 2;
        // A flat series sits in the middle rather than on an edge.
        double Y(double value) => max > min ? Height - Pad - (Math.Clamp((value - min) / (max - min), 0, 1) * (Height - (2 * Pad))) : Height / 2;

        string description = $"{count} values from {SvgText.Value(Finite(values[first])!.Value, chart.ValueFormat)} to " +
            $"{SvgText.Value(Finite(values[last])!.Value, chart.ValueFormat)}; lowest {SvgText.Value(low, chart.ValueFormat)}, highest {SvgText.Value(high, chart.ValueFormat)}.";
        var svg = new SvgWriter("sparkline", Width, chart.Title, description);
        string colour = ChartPalette.SeriesColour(0);
        foreach (var (start, end) in LineChartSvg.Runs(i => Finite(values[i]) is not null, values.Count))
        {
            if (start == end)
            {
                svg.Circle(X(start), Y(Finite(values[start])!.Value), 1.3, "ev-point", colour);
                continue;
            }

            var line = new PathData();
            for (int i = start; i <= end; i++)
            {
                double y = Y(Finite(values[i])!.Value);
                _ = i == start ? line.MoveTo(X(i), y) : line.LineTo(X(i), y);
            }

            svg.Path("ev-line", line, $"fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        }

        svg.Circle(X(last), Y(Finite(values[last])!.Value), 2.2, "ev-last", colour);
        return svg.Finish(Height, fixedSize: true);
    }
}
