namespace Evident.Core.Reporting.Charts;

/// <summary>
/// One bar: a value with an optional interval (<paramref name="Low"/>..<paramref name="High"/>, drawn as an error bar).
/// A bar without a value (null, NaN or infinite) is drawn as a grey hatched placeholder saying <see cref="Placeholder"/>.
/// </summary>
public sealed record Bar(string Label, double? Value, double? Low = null, double? High = null)
{
    /// <summary>Drawn darker, e.g. a difference that is statistically significant.</summary>
    public bool Highlight { get; init; }

    /// <summary>What a placeholder says instead of a value; "no data" when not set.</summary>
    public string? Placeholder { get; init; }

    /// <summary>A bar for a group with too few responses to show a value.</summary>
    public static Bar TooFew(string label, string note = "n < 30") => new(label, null) { Placeholder = note };
}

/// <summary>A horizontal bar chart, one row per bar, with a zero line when the axis spans zero.</summary>
public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    /// <summary>For screen readers; a summary of every bar when not set.</summary>
    public string? Description { get; init; }

    /// <summary>A fixed axis (e.g. −100..100 for NPS); when not set, round ticks covering zero and the data.</summary>
    public AxisRange? Range { get; init; }

    /// <summary>A .NET number format for the value labels, written in the invariant culture (e.g. "0.0", "0'%'").</summary>
    public string ValueFormat { get; init; } = "0.#";

    /// <summary>A caption under the axis, such as "NPS" or "% satisfied".</summary>
    public string? AxisLabel { get; init; }
}
