namespace Evident.Core.Reporting.Charts;

/// <summary>One item on a quadrant chart; <paramref name="Size"/> (e.g. the number of mentions) scales its dot by area.</summary>
public sealed record QuadrantPoint(string Label, double X, double Y, double? Size = null);

/// <summary>The four corner captions of a quadrant chart, by where they sit (x grows right, y grows up).</summary>
public sealed record QuadrantCaptions(string TopLeft, string TopRight, string BottomLeft, string BottomRight)
{
    /// <summary>
    /// For importance (x) against performance (y): important and weak is "fix first", important and strong "keep up",
    /// less important and strong "maintain", less important and weak "watch".
    /// </summary>
    public static QuadrantCaptions ImportancePerformance { get; } = new("maintain", "keep up", "watch", "fix first");
}

/// <summary>
/// An importance × performance chart: points split into four quadrants by a vertical line at
/// <see cref="XDivider"/> and a horizontal line at <see cref="YDivider"/> (the means of the points when not set).
/// </summary>
public sealed record QuadrantChart(string Title, IReadOnlyList<QuadrantPoint> Points)
{
    public string? Description { get; init; }

    public string XAxisLabel { get; init; } = "Importance";

    public string YAxisLabel { get; init; } = "Performance";

    public double? XDivider { get; init; }

    public double? YDivider { get; init; }

    public AxisRange? XRange { get; init; }

    public AxisRange? YRange { get; init; }

    public QuadrantCaptions Captions { get; init; } = QuadrantCaptions.ImportancePerformance;

    /// <summary>Tints the bottom-right quadrant (high x, low y: "fix first"), the one a reader should look at first.</summary>
    public bool ShadeBottomRight { get; init; } = true;

    /// <summary>A .NET number format for x and y in tooltips and the description.</summary>
    public string ValueFormat { get; init; } = "0.##";
}
