namespace Evident.Core.Reporting.Charts;

/// <summary>
/// Charts for the report as inline SVG: one <c>svg</c> element each, sized to its container, with a title and a
/// description for screen readers, no script and no external resource. The same input always gives the same text,
/// whatever the current culture. Empty input gives a small "no data" chart instead of an exception.
/// </summary>
public static class SvgCharts
{
    /// <summary>Horizontal bars with optional error bars, a zero line and placeholders for groups too small to show.</summary>
    public static string Bars(BarChart chart) => BarChartSvg.Render(chart);

    /// <summary>Lines over periods with optional interval bands, gaps where values are missing, and event markers.</summary>
    /// <exception cref="ArgumentException">A series does not have one value per period.</exception>
    public static string Lines(LineChart chart) => LineChartSvg.Render(chart);

    /// <summary>An importance × performance scatter split into four captioned quadrants; labels stay inside the plot.</summary>
    public static string Quadrant(QuadrantChart chart) => QuadrantChartSvg.Render(chart);

    /// <summary>Bars split into parts that add up to 100%, with the share written on each part wide enough to hold it.</summary>
    /// <exception cref="ArgumentException">A bar does not have one size per part name.</exception>
    public static string StackedBars(StackedBarChart chart) => StackedBarChartSvg.Render(chart);

    /// <summary>A tiny line for a table cell, 96 × 24 px, with its last value marked; no axes.</summary>
    public static string Sparkline(SparklineChart chart) => SparklineSvg.Render(chart);
}
