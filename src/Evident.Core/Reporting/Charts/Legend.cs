namespace Evident.Core.Reporting.Charts;

/// <summary>A legend across the top of a chart, wrapping onto more rows when its entries do not fit.</summary>
internal sealed class Legend
{
    private const double RowHeight = 18;
    private const double FontSize = 12;
    private const int MaxNameChars = 40;

    private readonly List<(double X, double Y, string Name, int Index)> _entries;
    private readonly bool _lines;

    private Legend(List<(double, double, string, int)> entries, bool lines, double height)
    {
        _entries = entries;
        _lines = lines;
        Height = height;
    }

    public double Height { get; }

    /// <summary>Entries that show each series' line, dash and point shape beside its name.</summary>
    public static Legend ForSeries(IReadOnlyList<LineSeries> series, double width)
    {
        var names = new string[series.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = series[i].Name;
        }

        return Lay(names, width, lines: true);
    }

    /// <summary>Entries that show each part's colour swatch beside its name.</summary>
    public static Legend ForParts(IReadOnlyList<string> names, double width) => Lay(names, width, lines: false);

    public void Draw(SvgWriter svg)
    {
        svg.OpenGroup("ev-legend");
        foreach (var (x, y, name, index) in _entries)
        {
            double middle = y + (RowHeight / 2);
            if (_lines)
            {
                string colour = ChartPalette.SeriesColour(index);
                svg.Line(x, middle, x + 26, middle, "ev-legend-line", colour, 2, ChartPalette.Dash(index));
                PointShape.Draw(svg, index, x + 13, middle, colour, null, "ev-legend-point");
            }
            else
            {
                svg.Rect(x, middle - 6, 12, 12, "ev-legend-swatch", ChartPalette.PartColour(index));
            }

            svg.Label(x + SampleWidth(_lines) + 5, middle + 4, name, MaxNameChars, "ev-legend-label");
        }

        svg.CloseGroup();
    }

    private static Legend Lay(IReadOnlyList<string> names, double width, bool lines)
    {
        var entries = new List<(double, double, string, int)>();
        double x = 0, y = 0;
        for (int i = 0; i < names.Count; i++)
        {
            double entryWidth = SampleWidth(lines) + 5 + SvgText.Width(SvgText.Fit(names[i], MaxNameChars), FontSize) + 16;
            if (x > 0 && x + entryWidth > width)
            {
                x = 0;
                y += RowHeight;
            }

            entries.Add((x + 2, y, names[i], i));
            x += entryWidth;
        }

        return new Legend(entries, lines, entries.Count == 0 ? 0 : y + RowHeight);
    }

    private static double SampleWidth(bool lines) => lines ? 26 : 12;
}

/// <summary>The point shapes that tell series apart without colour: circle, square, triangle, diamond.</summary>
internal static class PointShape
{
    private const string Edge = "stroke=\"#ffffff\" stroke-width=\"1\"";

    public static void Draw(SvgWriter svg, int seriesIndex, double x, double y, string colour, string? tooltip, string cssClass = "ev-point")
    {
        switch (seriesIndex % 4)
        {
            case 0:
                svg.Circle(x, y, 3.8, cssClass, colour, Edge, tooltip);
                break;
            case 1:
                svg.Rect(x - 3.4, y - 3.4, 6.8, 6.8, cssClass, colour, Edge, tooltip);
                break;
            case 2:
                svg.Path(cssClass, new PathData().MoveTo(x, y - 4.5).LineTo(x + 4.2, y + 3).LineTo(x - 4.2, y + 3).Close(), $"fill=\"{colour}\" {Edge}", tooltip);
                break;
            default:
                svg.Path(cssClass, new PathData().MoveTo(x, y - 4.6).LineTo(x + 4.6, y).LineTo(x, y + 4.6).LineTo(x - 4.6, y).Close(), $"fill=\"{colour}\" {Edge}", tooltip);
                break;
        }
    }
}
