namespace Evident.Core.Reporting.Charts;

/// <summary>A fixed value range for an axis, such as −100..100 for a net promoter score.</summary>
public readonly record struct AxisRange
{
    public AxisRange(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min >= max)
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"an axis range needs finite bounds with min < max, got {min}..{max}");
        }

        Min = min;
        Max = max;
    }

    public double Min { get; }

    public double Max { get; }
}
