namespace Evident.Core.Reporting.Charts;

/// <summary>
/// One 100% bar: the size of each part (counts or shares, in the order of the chart's part names), drawn as shares of
/// their total. A missing, negative or infinite size counts as zero; a bar whose parts add up to nothing is a placeholder.
/// </summary>
public sealed record StackedBar(string Label, IReadOnlyList<double> Parts)
{
    /// <summary>A note at the end of the bar, such as "n = 412".</summary>
    public string? Note { get; init; }
}

/// <summary>Bars split into parts that add up to 100% (e.g. detractors, passives and promoters per segment).</summary>
public sealed record StackedBarChart(string Title, IReadOnlyList<string> PartNames, IReadOnlyList<StackedBar> Bars)
{
    public string? Description { get; init; }
}
