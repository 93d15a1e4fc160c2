namespace Evident.Core.Demo;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the same seed gives the same numbers on every runtime and machine,
/// which <see cref="Random"/> does not promise across .NET versions. Each part of the demo draws from its own
/// stream, so that changing how many numbers one part draws leaves the others as they were.
/// </summary>
internal sealed class DemoRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DemoRandom(int seed, string stream)
    {
        ulong state = (ulong)(uint)seed;
        foreach (char c in stream)
        {
            state = (state ^ c) * 0x100000001B3UL;
        }

        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)((NextULong() >> 33) * (ulong)count >> 31);

    /// <summary>A whole number in [<paramref name="low"/>, <paramref name="high"/>], both included.</summary>
    public int Between(int low, int high) => low + Next(high - low + 1);

    public double Between(double low, double high) => low + (NextDouble() * (high - low));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn in proportion to <paramref name="weights"/>.</summary>
    public int Weighted(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double x = NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A standard normal number (Box–Muller).</summary>
    public double Normal()
    {
        double u = 1.0 - NextDouble();
        double v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    public double Normal(double mean, double deviation) => mean + (deviation * Normal());

    /// <summary>A log-normal number with the given median; <paramref name="spread"/> is the deviation of its log.</summary>
    public double LogNormal(double median, double spread) => median * Math.Exp(spread * Normal());

    /// <summary>The gap to the next event of a process that happens <paramref name="mean"/> apart on average.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());
}
