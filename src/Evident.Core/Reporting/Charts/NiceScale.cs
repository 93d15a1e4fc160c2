using System.Globalization;

namespace Evident.Core.Reporting.Charts;

/// <summary>
/// An axis scale whose ticks are round numbers (steps of 1, 2 or 5 times a power of ten) covering a data range,
/// after Heckbert's "nice numbers for graph labels" (Graphics Gems, 1990).
/// </summary>
public readonly record struct NiceScale(double Min, double Max, double Step)
{
    /// <summary>The smallest scale of round steps that covers <paramref name="low"/>..<paramref name="high"/> in about <paramref name="maxTicks"/> ticks.</summary>
    public static NiceScale For(double low, double high, int maxTicks = 6)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            (low, high) = (0, 1);
        }

        if (low > high)
        {
            (low, high) = (high, low);
        }

        if (low == high)
        {
            // A single value still needs an axis: pad it by a tenth of itself (or to 0..1 at zero).
            double pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = low == 0 ? (0, 1) : (low - pad, high + pad);
        }

        maxTicks = Math.Max(2, maxTicks);
        double span = NiceNumber(high - low, round: false);
        double step = NiceNumber(span / (maxTicks - 1), round: true);
        int decimals = DecimalsOf(step);

        // The small slack keeps 0.30000000000000004 / 0.1 from adding a whole extra step.
        double min = Math.Round(Math.Floor((low / step) + 1e-9) * step, decimals);
        double max = Math.Round(Math.Ceiling((high / step) - 1e-9) * step, decimals);
        return new NiceScale(min, max, step);
    }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>, each rounded to the step's decimals.</summary>
    public IReadOnlyList<double> Ticks()
    {
        int count = (int)Math.Round((Max - Min) / Step) + 1;
        int decimals = DecimalsOf(Step);
        var ticks = new double[count];
        for (int i = 0; i < count; i++)
        {
            ticks[i] = Math.Round(Min + (i * Step), decimals);
        }

        return ticks;
    }

    private static double NiceNumber(double value, bool round)
    {
        double exponent = Math.Floor(Math.Log10(value));
        double magnitude = Math.Pow(10, exponent);
        double fraction = value / magnitude;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>How many decimals a tick of this step needs (0 for 20, 1 for 0.5).</summary>
    internal int Decimals => DecimalsOf(Step);

    private static int DecimalsOf(double step) =>
        Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 12);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Min}..{Max} by {Step}");
}
