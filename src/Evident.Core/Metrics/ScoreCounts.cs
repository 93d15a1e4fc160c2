namespace Evident.Core.Metrics;

/// <summary>
/// The aggregate every score metric is computed from: how many answers fell on each whole value 0..10, and their sum
/// and sum of squares (what the store's rollups keep). Adding and subtracting counts is how groups, periods and
/// "everyone without this theme" are formed without going back to the rows.
/// </summary>
public sealed class ScoreCounts
{
    public const int Buckets = 11;

    private readonly long[] _counts = new long[Buckets];

    public long N { get; private set; }

    public double Sum { get; private set; }

    public double SquareSum { get; private set; }

    public long this[int value] => _counts[value];

    public static ScoreCounts Of(params int[] answers)
    {
        var counts = new ScoreCounts();
        foreach (int answer in answers)
        {
            counts.AddAnswer(answer);
        }

        return counts;
    }

    public void AddAnswer(double score)
    {
        int bucket = Math.Clamp((int)Math.Round(score, MidpointRounding.AwayFromZero), 0, Buckets - 1);
        _counts[bucket]++;
        N++;
        Sum += score;
        SquareSum += score * score;
    }

    /// <summary>Adds a stored aggregate: <paramref name="distribution"/> holds the counts of 0..10.</summary>
    public void Add(ReadOnlySpan<long> distribution, double sum, double squareSum)
    {
        long n = 0;
        for (int i = 0; i < Buckets; i++)
        {
            _counts[i] += distribution[i];
            n += distribution[i];
        }

        N += n;
        Sum += sum;
        SquareSum += squareSum;
    }

    public void Add(ScoreCounts other) => Add(other._counts, other.Sum, other.SquareSum);

    public ScoreCounts Plus(ScoreCounts other)
    {
        var result = new ScoreCounts();
        result.Add(this);
        result.Add(other);
        return result;
    }

    /// <summary>These answers without <paramref name="part"/>, which must be a subset of them.</summary>
    public ScoreCounts Minus(ScoreCounts part)
    {
        var result = new ScoreCounts();
        Span<long> distribution = stackalloc long[Buckets];
        for (int i = 0; i < Buckets; i++)
        {
            distribution[i] = _counts[i] - part._counts[i];
            if (distribution[i] < 0)
            {
                throw new ArgumentException("the part holds more answers than the whole", nameof(part));
            }
        }

        result.Add(distribution, Sum - part.Sum, SquareSum - part.SquareSum);
        return result;
    }

    /// <summary>
    /// The same answers gathered into the classes NPS and top-2-box read — 0–3 in bucket 0, 4–5 in 4, 6, 7–8 in 7,
    /// 9–10 in 9 — so that counts read coarsened (the store's topic rows) and counts read whole can be subtracted.
    /// </summary>
    public ScoreCounts InClasses()
    {
        Span<long> classes = stackalloc long[Buckets];
        classes[0] = Between(0, 3);
        classes[4] = Between(4, 5);
        classes[6] = _counts[6];
        classes[7] = Between(7, 8);
        classes[9] = Between(9, 10);
        var result = new ScoreCounts();
        result.Add(classes, Sum, SquareSum);
        return result;
    }

    /// <summary>Answers from <paramref name="low"/> to <paramref name="high"/> inclusive.</summary>
    public long Between(int low, int high)
    {
        long n = 0;
        for (int i = Math.Max(low, 0); i <= Math.Min(high, Buckets - 1); i++)
        {
            n += _counts[i];
        }

        return n;
    }
}

/// <summary>Sums of a sentiment (or any bounded measure) over texts: n, sum and sum of squares.</summary>
public readonly record struct MeanSums(long N, double Sum, double SquareSum)
{
    public static MeanSums operator +(MeanSums a, MeanSums b) => new(a.N + b.N, a.Sum + b.Sum, a.SquareSum + b.SquareSum);

    public static MeanSums operator -(MeanSums a, MeanSums b) => new(a.N - b.N, a.Sum - b.Sum, a.SquareSum - b.SquareSum);

    public static MeanSums Of(params double[] values) => new(values.Length, values.Sum(), values.Sum(v => v * v));
}
