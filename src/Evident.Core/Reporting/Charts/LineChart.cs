namespace Evident.Core.Reporting.Charts;

/// <summary>
/// One line: a value per period (null, NaN or infinite where there is none, which breaks the line), with an optional
/// interval band from <see cref="Low"/> to <see cref="High"/> (such as a 95% confidence interval), aligned the same way.
/// </summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values)
{
    public IReadOnlyList<double?>? Low { get; init; }

    public IReadOnlyList<double?>? High { get; init; }
}

/// <summary>A labelled vertical line at one period, such as the week a new phone menu went live.</summary>
public sealed record PeriodMarker(string Period, string Label);

/// <summary>Lines over ordered periods ("2026-01", "2026-W05"); every series has one value per period.</summary>
public sealed record LineChart(string Title, IReadOnlyList<string> Periods, IReadOnlyList<LineSeries> Series)
{
    /// <summary>For screen readers; a summary of each series when not set.</summary>
    public string? Description { get; init; }

    /// <summary>A fixed value axis; when not set, round ticks covering the values and bands.</summary>
    public AxisRange? Range { get; init; }

    /// <summary>A .NET number format for the value labels, written in the invariant culture.</summary>
    public string ValueFormat { get; init; } = "0.#";

    /// <summary>A caption for the value axis, such as "CSAT %".</summary>
    public string? AxisLabel { get; init; }

    /// <summary>Events to mark; a marker whose period is not among <see cref="Periods"/> is left out.</summary>
    public IReadOnlyList<PeriodMarker> Markers { get; init; } = [];
}
