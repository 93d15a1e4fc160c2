namespace Evident.Core.Reporting.Charts;

/// <summary>A value axis: its ends, its ticks and how a value maps onto it.</summary>
internal sealed class ValueAxis
{
    private readonly string _tickFormat;

    private ValueAxis(double min, double max, IReadOnlyList<double> ticks, int decimals)
    {
        Min = min;
        Max = max;
        Ticks = ticks;
        _tickFormat = decimals == 0 ? "0" : "0." + new string('0', decimals);
    }

    public double Min { get; }

    public double Max { get; }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>The fixed range when there is one, else round ticks covering the data.</summary>
    public static ValueAxis For(AxisRange? range, double low, double high, int maxTicks = 6)
    {
        if (range is { } fixedRange)
        {
            var scale = NiceScale.For(fixedRange.Min, fixedRange.Max, maxTicks);
            var inside = new List<double>();
            foreach (double tick in scale.Ticks())
            {
                if (tick >= fixedRange.Min - 1e-9 && tick <= fixedRange.Max + 1e-9)
                {
                    inside.Add(tick);
                }
            }

            return new ValueAxis(fixedRange.Min, fixedRange.Max, inside, scale.Decimals);
        }

        var nice = NiceScale.For(low, high, maxTicks);
        return new ValueAxis(nice.Min, nice.Max, nice.Ticks(), nice.Decimals);
    }

    /// <summary>Where a value falls, from 0 at <see cref="Min"/> to 1 at <see cref="Max"/>; values outside are held at the ends.</summary>
    public double Fraction(double value) => Math.Clamp((value - Min) / (Max - Min), 0, 1);

    public bool Contains(double value) => value >= Min && value <= Max;

    public string TickLabel(double tick) => SvgText.Value(tick, _tickFormat);
}
