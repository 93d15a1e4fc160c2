using Evident.Core.Records;

namespace Evident.Store.Ingest;

/// <summary>
/// The key of one rollup row: day × source × subject × segment × channel × theme × score kind ('' for none/all). The
/// theme is a theme id, <c>friction:KIND</c> for a friction kind (<see cref="FeedbackRollup.FrictionPrefix"/>), or ''
/// for all rows; only the rows for all rows (theme '') are kept per channel.
/// </summary>
public readonly record struct RollupKey(DateOnly Day, string Source, string Subject, string Segment, string Channel, string Theme, string ScoreKind);

/// <summary>Sums of one rollup row; added to the stored row at ingest.</summary>
public sealed class RollupSums
{
    public long N;
    public long WithText;
    public long Scored;
    public double ScoreSum;
    public double ScoreSquareSum;
    public readonly long[] Distribution = new long[11];
    public double SentimentSum;
    public double SentimentSquareSum;
    public long Positive;
    public long Negative;
    public double ThemeSentimentSum;
    public double EffortSum;
    public long WithFriction;

    /// <summary>Adds another group's sums to these.</summary>
    public void Add(RollupSums other)
    {
        N += other.N;
        WithText += other.WithText;
        Scored += other.Scored;
        ScoreSum += other.ScoreSum;
        ScoreSquareSum += other.ScoreSquareSum;
        for (int i = 0; i < Distribution.Length; i++)
        {
            Distribution[i] += other.Distribution[i];
        }

        SentimentSum += other.SentimentSum;
        SentimentSquareSum += other.SentimentSquareSum;
        Positive += other.Positive;
        Negative += other.Negative;
        ThemeSentimentSum += other.ThemeSentimentSum;
        EffortSum += other.EffortSum;
        WithFriction += other.WithFriction;
    }
}

/// <summary>
/// Sums newly inserted feedback per rollup group, in memory until the transaction commits: every row counts once
/// under theme '' (with its channel) and once under each of its themes and friction kinds (channel ''). An import sums
/// its records in the analysis stage, off the writer's thread (<see cref="IngestBatch.Rollup"/>); the writer takes out
/// the few it then finds stored already.
/// </summary>
public sealed class FeedbackRollup
{
    /// <summary>Rollup rows whose theme starts with this sum the rows showing a friction kind.</summary>
    public const string FrictionPrefix = "friction:";

    public Dictionary<RollupKey, RollupSums> Rows { get; } = [];

    /// <summary><see cref="Rows"/> summed per span (<see cref="Rollups.SpanStart"/>), for <c>feedback_rollup_span</c>.</summary>
    public Dictionary<RollupKey, RollupSums> BySpan()
    {
        var spans = new Dictionary<RollupKey, RollupSums>(Rows.Count / 4);
        foreach (var (key, sums) in NonEmpty())
        {
            var span = key with { Day = Rollups.SpanStart(key.Day) };
            if (!spans.TryGetValue(span, out var total))
            {
                total = new RollupSums();
                spans.Add(span, total);
            }

            total.Add(sums);
        }

        return spans;
    }

    public void Add(FeedbackRecord record) => Add(record, 1);

    /// <summary>Takes a record added before out again: the writer did not insert it after all (its key was stored).</summary>
    public void Remove(FeedbackRecord record) => Add(record, -1);

    /// <summary>The groups to write: those some record still counts in.</summary>
    public IEnumerable<KeyValuePair<RollupKey, RollupSums>> NonEmpty()
    {
        foreach (var row in Rows)
        {
            if (row.Value.N != 0)
            {
                yield return row;
            }
        }
    }

    private void Add(FeedbackRecord record, int sign)
    {
        var day = DateOnly.FromDateTime(record.CreatedAt.UtcDateTime);
        string segment = record.Segment ?? "";
        string scoreKind = record.ScoreKind ?? "";
        Add(new RollupKey(day, record.Source, record.Subject, segment, record.Channel ?? "", "", scoreKind), record, null, sign);
        if (record.Analysis is { } analysis)
        {
            foreach (var theme in analysis.Themes)
            {
                Add(new RollupKey(day, record.Source, record.Subject, segment, "", theme.Theme, scoreKind), record, theme.Sentiment, sign);
            }

            foreach (var friction in analysis.Friction)
            {
                Add(new RollupKey(day, record.Source, record.Subject, segment, "", FrictionKey(friction.Kind), scoreKind), record, analysis.Sentiment.Compound, sign);
            }
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_frictionKeys = new(StringComparer.Ordinal);

    private static string FrictionKey(string kind) => s_frictionKeys.GetOrAdd(kind, static k => FrictionPrefix + k);

    private void Add(RollupKey key, FeedbackRecord record, double? themeSentiment, int sign)
    {
        if (!Rows.TryGetValue(key, out var sums))
        {
            sums = new RollupSums();
            Rows.Add(key, sums);
        }

        sums.N += sign;
        if (record.Score is double score)
        {
            sums.Scored += sign;
            sums.ScoreSum += sign * score;
            sums.ScoreSquareSum += sign * score * score;
            // Halves away from zero, as SQL's round() does in the migrations that sum stored rows.
            sums.Distribution[Math.Clamp((int)Math.Round(score, MidpointRounding.AwayFromZero), 0, 10)] += sign;
        }

        if (record.Analysis is { } analysis)
        {
            double compound = analysis.Sentiment.Compound;
            sums.WithText += sign;
            sums.SentimentSum += sign * compound;
            sums.SentimentSquareSum += sign * compound * compound;
            sums.Positive += compound >= Evident.Text.SentimentScore.PositiveThreshold ? sign : 0;
            sums.Negative += compound <= Evident.Text.SentimentScore.NegativeThreshold ? sign : 0;
            sums.EffortSum += sign * analysis.Effort;
            sums.WithFriction += analysis.Friction.Count > 0 ? sign : 0;
            sums.ThemeSentimentSum += sign * (themeSentiment ?? 0);
        }
    }
}
