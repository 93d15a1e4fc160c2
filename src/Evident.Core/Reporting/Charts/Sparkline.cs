namespace Evident.Core.Reporting.Charts;

/// <summary>A tiny line for a table cell, without axes; null, NaN and infinite values break the line.</summary>
public sealed record SparklineChart(string Title, IReadOnlyList<double?> Values)
{
    /// <summary>A fixed vertical range, so that the sparklines of one table compare; the values' own range when not set.</summary>
    public AxisRange? Range { get; init; }

    /// <summary>A .NET number format for the values in the description.</summary>
    public string ValueFormat { get; init; } = "0.#";
}
