namespace Evident.Core.Evidence;

/// <summary>
/// One group of feedback as the store sums it (a rollup row, or the same sums computed over raw rows): the day, the
/// group it belongs to (a source, segment, team, … or '' when not grouped), the theme (a theme id,
/// <c>friction:KIND</c>, or '' for every row), the score kind ('' for unscored), and the sums.
/// </summary>
public sealed record FeedbackSums(
    DateOnly Day,
    string Group,
    string Theme,
    string ScoreKind,
    long N,
    long WithText,
    double ScoreSum,
    double ScoreSquareSum,
    long[] Distribution,
    double SentimentSum,
    double SentimentSquareSum,
    long Positive,
    long Negative,
    double ThemeSentimentSum,
    double EffortSum,
    long WithFriction)
{
    public const string FrictionPrefix = "friction:";

    public bool IsFriction => Theme.StartsWith(FrictionPrefix, StringComparison.Ordinal);
}

/// <summary>Feedback sums added up over any set of <see cref="FeedbackSums"/>: per score kind, sentiment and counts.</summary>
public sealed class FeedbackTotals
{
    private readonly Dictionary<string, Metrics.ScoreCounts> _scores = new(StringComparer.Ordinal);

    public long N { get; private set; }

    public long WithText { get; private set; }

    public Metrics.MeanSums Sentiment { get; private set; }

    public long Positive { get; private set; }

    public long Negative { get; private set; }

    public double ThemeSentimentSum { get; private set; }

    public double EffortSum { get; private set; }

    public long WithFriction { get; private set; }

    public IReadOnlyDictionary<string, Metrics.ScoreCounts> Scores => _scores;

    /// <summary>The answers of a score kind (empty counts when there are none).</summary>
    public Metrics.ScoreCounts ScoresOf(string kind) => _scores.TryGetValue(kind, out var counts) ? counts : new Metrics.ScoreCounts();

    public double? MeanThemeSentiment => WithText > 0 ? ThemeSentimentSum / WithText : null;

    public double? MeanEffort => WithText > 0 ? EffortSum / WithText : null;

    public void Add(FeedbackSums row)
    {
        N += row.N;
        WithText += row.WithText;
        Sentiment += new Metrics.MeanSums(row.WithText, row.SentimentSum, row.SentimentSquareSum);
        Positive += row.Positive;
        Negative += row.Negative;
        ThemeSentimentSum += row.ThemeSentimentSum;
        EffortSum += row.EffortSum;
        WithFriction += row.WithFriction;
        if (row.ScoreKind.Length > 0)
        {
            if (!_scores.TryGetValue(row.ScoreKind, out var counts))
            {
                _scores[row.ScoreKind] = counts = new Metrics.ScoreCounts();
            }

            counts.Add(row.Distribution, row.ScoreSum, row.ScoreSquareSum);
        }
    }

    /// <summary>These totals without <paramref name="part"/>, a subset of them (e.g. everyone but one group).</summary>
    public FeedbackTotals Minus(FeedbackTotals part)
    {
        var result = new FeedbackTotals
        {
            N = N - part.N,
            WithText = WithText - part.WithText,
            Sentiment = Sentiment - part.Sentiment,
            Positive = Positive - part.Positive,
            Negative = Negative - part.Negative,
            ThemeSentimentSum = ThemeSentimentSum - part.ThemeSentimentSum,
            EffortSum = EffortSum - part.EffortSum,
            WithFriction = WithFriction - part.WithFriction,
        };
        foreach (var (kind, counts) in _scores)
        {
            result._scores[kind] = part._scores.TryGetValue(kind, out var partCounts) ? counts.Minus(partCounts) : counts.Plus(new Metrics.ScoreCounts());
        }

        return result;
    }

    public static FeedbackTotals Of(IEnumerable<FeedbackSums> rows)
    {
        var totals = new FeedbackTotals();
        foreach (var row in rows)
        {
            totals.Add(row);
        }

        return totals;
    }
}
