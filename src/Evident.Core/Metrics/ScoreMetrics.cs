namespace Evident.Core.Metrics;

/// <summary>
/// NPS, top-2-box, and means, each with its 95 % interval, from <see cref="ScoreCounts"/>.
/// <list type="bullet">
/// <item>NPS = 100 (P − D) with P, D the promoter (9–10) and detractor (0–6) shares; its variance is
/// (P + D − (P − D)²) / n (each answer is +1, 0 or −1), and the interval uses Student's t with n − 1 degrees.</item>
/// <item>Top-2-box (CSAT 4–5 of 1–5) is a proportion, shown in %, with Wilson's interval.</item>
/// <item>CES, ratings and sentiment are means with t intervals.</item>
/// </list>
/// </summary>
public static class ScoreMetrics
{
    /// <summary>The headline figure of a score kind: NPS for nps/enps, top-2-box % for csat, the mean otherwise.</summary>
    public static Estimate For(string scoreKind, ScoreCounts counts, int minimum) => scoreKind switch
    {
        ScoreKinds.Nps or ScoreKinds.Enps => Nps(counts, minimum),
        ScoreKinds.Csat => TopTwoBox(counts, minimum),
        _ => Mean(counts.N, counts.Sum, counts.SquareSum, minimum),
    };

    public static Estimate Nps(ScoreCounts counts, int minimum)
    {
        long n = counts.N;
        if (n < Math.Max(minimum, 2))
        {
            return Estimate.TooFew(n, Math.Max(minimum, 2));
        }

        double promoters = (double)counts.Between(9, 10) / n;
        double detractors = (double)counts.Between(0, 6) / n;
        double nps = promoters - detractors;
        double se = Math.Sqrt(Math.Max(0, promoters + detractors - nps * nps) / n);
        double half = Statistics.T95(n - 1) * se;
        return new Estimate(100 * nps, Math.Max(-100, 100 * (nps - half)), Math.Min(100, 100 * (nps + half)), n, 100 * se);
    }

    /// <summary>The share (%) of answers of 4 or 5 on a 1–5 scale.</summary>
    public static Estimate TopTwoBox(ScoreCounts counts, int minimum)
    {
        long n = counts.N;
        if (n < Math.Max(minimum, 1))
        {
            return Estimate.TooFew(n, Math.Max(minimum, 1));
        }

        long top = counts.Between(4, 5);
        double p = (double)top / n;
        var (low, high) = Statistics.Wilson(top, n);
        return new Estimate(100 * p, 100 * low, 100 * high, n, 100 * Math.Sqrt(p * (1 - p) / n));
    }

    public static Estimate Mean(long n, double sum, double squareSum, int minimum)
    {
        if (n < Math.Max(minimum, 2))
        {
            return Estimate.TooFew(n, Math.Max(minimum, 2));
        }

        var (mean, low, high, se) = Statistics.MeanInterval(n, sum, squareSum);
        return new Estimate(mean, low, high, n, se);
    }

    public static Estimate Mean(MeanSums sums, int minimum) => Mean(sums.N, sums.Sum, sums.SquareSum, minimum);

    /// <summary>A proportion (%) with Wilson's interval: <paramref name="count"/> of <paramref name="n"/>.</summary>
    public static Estimate Share(long count, long n, int minimum)
    {
        if (n < Math.Max(minimum, 1))
        {
            return Estimate.TooFew(n, Math.Max(minimum, 1));
        }

        double p = (double)count / n;
        var (low, high) = Statistics.Wilson(count, n);
        return new Estimate(100 * p, 100 * low, 100 * high, n, 100 * Math.Sqrt(p * (1 - p) / n));
    }
}
