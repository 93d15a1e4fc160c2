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
    /// <summary>Scored rows per rounded score 0-10, inside the object (one cache line fewer to fetch per row summed).</summary>
    public ScoreCounts Distribution;
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
        for (int i = 0; i < ScoreCounts.Length; i++)
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

/// <summary>Eleven counts, one per score 0-10, held inline.</summary>
[System.Runtime.CompilerServices.InlineArray(Length)]
public struct ScoreCounts
{
    public const int Length = 11;

    private long _first;
}

/// <summary>
/// Sums newly inserted feedback per rollup group, in memory until the transaction commits: every row counts once
/// under theme '' (with its channel) and once under each of its themes and friction kinds (channel ''). An import sums
/// its records in the analysis stage, off the writer's thread (<see cref="IngestBatch.Rollup"/>); the writer takes out
/// the few it then finds stored already.
/// <para>
/// A group is found by a number rather than by its seven-field key: the record's source, subject, segment, channel and
/// score kind are numbered once per record (a small table, and most records repeat the last one), its themes by a
/// table of theme ids, and day, context and theme packed into one <see cref="long"/>. Hashing and comparing the six
/// strings of a <see cref="RollupKey"/> for each of a row's three groups or so was the costliest line of a 1M-row
/// import's profile (5.8 % of all samples, on the analysis stage's one serial step; 3.4 % since).
/// </para>
/// </summary>
public sealed class FeedbackRollup
{
    /// <summary>Rollup rows whose theme starts with this sum the rows showing a friction kind.</summary>
    public const string FrictionPrefix = "friction:";

    /// <summary>A group's number: day number, then context number, then theme number (20 bits each of the last two).</summary>
    private const int ThemeBits = 20;
    private const int ContextBits = 20;
    private const long ThemeMask = (1L << ThemeBits) - 1;
    private const long ContextMask = (1L << ContextBits) - 1;

    private readonly Dictionary<long, RollupSums> _sums = [];
    private readonly Dictionary<Context, int> _contextIds = [];
    private readonly List<Context> _contexts = [];
    private readonly Dictionary<string, int> _themeIds = new(StringComparer.Ordinal) { [""] = 0 };
    private readonly List<string> _themes = [""];
    private Context _lastContext;
    private int _lastContextId = -1;

    /// <summary>The source, subject, segment, channel and score kind of a group: what a record's groups share.</summary>
    private readonly record struct Context(string Source, string Subject, string Segment, string Channel, string ScoreKind);

    /// <summary>How many groups some record was added to (including those whose records were all taken out again).</summary>
    public int Count => _sums.Count;

    /// <summary><see cref="NonEmpty"/> summed per span (<see cref="Rollups.SpanStart"/>), for <c>feedback_rollup_span</c>.</summary>
    public Dictionary<RollupKey, RollupSums> BySpan()
    {
        var spans = new Dictionary<RollupKey, RollupSums>(_sums.Count / 4);
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
        foreach (var (packed, sums) in _sums)
        {
            if (sums.N != 0)
            {
                var context = _contexts[(int)((packed >> ThemeBits) & ContextMask)];
                var day = DateOnly.FromDayNumber((int)(packed >> (ThemeBits + ContextBits)));
                string theme = _themes[(int)(packed & ThemeMask)];
                yield return new(new RollupKey(day, context.Source, context.Subject, context.Segment, context.Channel, theme, context.ScoreKind), sums);
            }
        }
    }

    private void Add(FeedbackRecord record, int sign)
    {
        long day = (long)DateOnly.FromDateTime(record.CreatedAt.UtcDateTime).DayNumber << (ThemeBits + ContextBits);
        string segment = record.Segment ?? "";
        string scoreKind = record.ScoreKind ?? "";
        string channel = record.Channel ?? "";
        long all = day | ((long)ContextId(new Context(record.Source, record.Subject, segment, channel, scoreKind)) << ThemeBits);
        Add(all, record, null, sign);
        if (record.Analysis is { } analysis && (analysis.Themes.Count > 0 || analysis.Friction.Count > 0))
        {
            long themed = channel.Length == 0 ? all : day | ((long)ContextId(new Context(record.Source, record.Subject, segment, "", scoreKind)) << ThemeBits);
            // indexed: a foreach over the lists' interface would make an enumerator for every row
            var themes = analysis.Themes;
            for (int i = 0; i < themes.Count; i++)
            {
                Add(themed | (uint)ThemeId(themes[i].Theme), record, themes[i].Sentiment, sign);
            }

            var friction = analysis.Friction;
            for (int i = 0; i < friction.Count; i++)
            {
                Add(themed | (uint)ThemeId(FrictionKey(friction[i].Kind)), record, analysis.Sentiment.Compound, sign);
            }
        }
    }

    private int ContextId(Context context)
    {
        if (_lastContextId >= 0 && _lastContext == context)
        {
            return _lastContextId;
        }

        if (!_contextIds.TryGetValue(context, out int id))
        {
            id = _contexts.Count;
            if (id > ContextMask)
            {
                throw new InvalidOperationException($"more than {ContextMask:N0} source, segment and channel combinations in one transaction");
            }

            _contextIds.Add(context, id);
            _contexts.Add(context);
        }

        _lastContext = context;
        _lastContextId = id;
        return id;
    }

    private int ThemeId(string theme)
    {
        if (!_themeIds.TryGetValue(theme, out int id))
        {
            id = _themes.Count;
            _themeIds.Add(theme, id);
            _themes.Add(theme);
        }

        return id;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_frictionKeys = new(StringComparer.Ordinal);

    private static string FrictionKey(string kind) => s_frictionKeys.GetOrAdd(kind, static k => FrictionPrefix + k);

    private void Add(long key, FeedbackRecord record, double? themeSentiment, int sign)
    {
        if (!_sums.TryGetValue(key, out var sums))
        {
            sums = new RollupSums();
            _sums.Add(key, sums);
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
