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
/// <para>
/// The sums are rows of one array, not objects: a day and context's groups lie together in a block of
/// <see cref="BlockRows"/> rows, one per theme number, found by one look-up per record; a group outside any block (the
/// rows for all themes of a channel, a theme numbered past the block, every group of a day and context that came after
/// <see cref="DefaultMaxBlocks"/> blocks were made) has a row of its own. A million comments fill
/// about 70,000 groups touched at random: summed into objects found one by one, they took 7.4 % of a PostgreSQL
/// import's samples (docs/benchmarks.md, forty-fifth session). Counts are 32-bit: a transaction holds fewer rows.
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

    /// <summary>Theme numbers a block holds (theme '' is 0): the taxonomy's themes and the friction kinds fit.</summary>
    private const int BlockRows = 64;

    /// <summary>
    /// Blocks made at most (each 7.5 KB, 30 MB in all: a year of days in eleven contexts); the day and context pairs past
    /// them have a row per group, so that ten years in fifty segments, a few comments each, do not fill 1.4 GB with
    /// blocks of empty rows.
    /// </summary>
    internal const int DefaultMaxBlocks = 4_096;

    private readonly int _maxBlocks;

    public FeedbackRollup()
        : this(DefaultMaxBlocks)
    {
    }

    internal FeedbackRollup(int maxBlocks) => _maxBlocks = maxBlocks;

    private readonly Dictionary<long, int> _blocks = [];  // day and context, packed → the block's first row
    private readonly Dictionary<long, int> _singles = []; // a group outside any block, packed → its row
    // Grown at the first sum: every chunk is read with a rollup that the commit plan replaces, and 1,024 rows made at
    // once (123 KB, zeroed on the reading thread) were 9 % of a re-import's reading.
    private Row[] _rows = [];
    private int _rowCount;
    private int _groups;
    private readonly Dictionary<Context, int> _contextIds = [];
    private readonly List<Context> _contexts = [];
    private readonly Dictionary<string, int> _themeIds = new(StringComparer.Ordinal) { [""] = 0 };
    private readonly List<string> _themes = [""];
    private Context _lastContext;
    private int _lastContextId = -1;

    /// <summary>The source, subject, segment, channel and score kind of a group: what a record's groups share.</summary>
    private readonly record struct Context(string Source, string Subject, string Segment, string Channel, string ScoreKind);

    /// <summary>One group's sums, as <see cref="RollupSums"/> holds them, packed: 120 bytes against its 216.</summary>
    private struct Row
    {
        public int N;
        public int WithText;
        public int Scored;
        public int Positive;
        public int Negative;
        public int WithFriction;
        public bool Used;
        public Distribution11 Distribution;
        public double ScoreSum;
        public double ScoreSquareSum;
        public double SentimentSum;
        public double SentimentSquareSum;
        public double ThemeSentimentSum;
        public double EffortSum;
    }

    [System.Runtime.CompilerServices.InlineArray(ScoreCounts.Length)]
    private struct Distribution11
    {
        private int _first;
    }

    /// <summary>How many groups some record was added to (including those whose records were all taken out again).</summary>
    public int Count => _groups;

    /// <summary><see cref="NonEmpty"/> summed per span (<see cref="Rollups.SpanStart"/>), for <c>feedback_rollup_span</c>.</summary>
    public Dictionary<RollupKey, RollupSums> BySpan()
    {
        var spans = new Dictionary<RollupKey, RollupSums>(_groups / 4);
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
        foreach (var (dayContext, first) in _blocks)
        {
            for (int theme = 0; theme < BlockRows; theme++)
            {
                if (_rows[first + theme].N != 0)
                {
                    yield return new(KeyOf(dayContext | (uint)theme), SumsOf(first + theme));
                }
            }
        }

        foreach (var (packed, row) in _singles)
        {
            if (_rows[row].N != 0)
            {
                yield return new(KeyOf(packed), SumsOf(row));
            }
        }
    }

    private RollupKey KeyOf(long packed)
    {
        var context = _contexts[(int)((packed >> ThemeBits) & ContextMask)];
        var day = DateOnly.FromDayNumber((int)(packed >> (ThemeBits + ContextBits)));
        string theme = _themes[(int)(packed & ThemeMask)];
        return new RollupKey(day, context.Source, context.Subject, context.Segment, context.Channel, theme, context.ScoreKind);
    }

    private RollupSums SumsOf(int row)
    {
        ref readonly var r = ref _rows[row];
        var sums = new RollupSums
        {
            N = r.N,
            WithText = r.WithText,
            Scored = r.Scored,
            ScoreSum = r.ScoreSum,
            ScoreSquareSum = r.ScoreSquareSum,
            SentimentSum = r.SentimentSum,
            SentimentSquareSum = r.SentimentSquareSum,
            Positive = r.Positive,
            Negative = r.Negative,
            ThemeSentimentSum = r.ThemeSentimentSum,
            EffortSum = r.EffortSum,
            WithFriction = r.WithFriction,
        };
        for (int i = 0; i < ScoreCounts.Length; i++)
        {
            sums.Distribution[i] = r.Distribution[i];
        }

        return sums;
    }

    private void Add(FeedbackRecord record, int sign)
    {
        long day = (long)DateOnly.FromDateTime(record.CreatedAt.UtcDateTime).DayNumber << (ThemeBits + ContextBits);
        string segment = record.Segment ?? "";
        string scoreKind = record.ScoreKind ?? "";
        string channel = record.Channel ?? "";
        long all = day | ((long)ContextId(new Context(record.Source, record.Subject, segment, channel, scoreKind)) << ThemeBits);
        bool themed = record.Analysis is { } analysis && (analysis.Themes.Count > 0 || analysis.Friction.Count > 0);
        if (channel.Length > 0)
        {
            AddTo(Single(all), record, null, sign); // a channel's rows for all themes: the only group of its context
            if (!themed)
            {
                return;
            }
        }

        long themedContext = channel.Length == 0 ? all : day | ((long)ContextId(new Context(record.Source, record.Subject, segment, "", scoreKind)) << ThemeBits);
        int block = Block(themedContext);
        if (channel.Length == 0)
        {
            AddTo(RowOf(block, themedContext, 0), record, null, sign);
        }

        if (themed)
        {
            var summary = record.Analysis!;
            // indexed: a foreach over the lists' interface would make an enumerator for every row
            var themes = summary.Themes;
            for (int i = 0; i < themes.Count; i++)
            {
                AddTo(RowOf(block, themedContext, ThemeId(themes[i].Theme)), record, themes[i].Sentiment, sign);
            }

            var friction = summary.Friction;
            for (int i = 0; i < friction.Count; i++)
            {
                AddTo(RowOf(block, themedContext, ThemeId(FrictionKey(friction[i].Kind))), record, summary.Sentiment.Compound, sign);
            }
        }
    }

    /// <param name="block">The first row of the day and context's block, or -1 when it has none.</param>
    private int RowOf(int block, long dayContext, int theme) =>
        block >= 0 && theme < BlockRows ? block + theme : Single(dayContext | (uint)theme);

    /// <summary>The first row of the block of a day and context, made when first asked; -1 once the blocks made are
    /// <see cref="DefaultMaxBlocks"/> and this pair has none.</summary>
    private int Block(long dayContext)
    {
        if (_blocks.TryGetValue(dayContext, out int first))
        {
            return first;
        }

        if (_blocks.Count >= _maxBlocks)
        {
            return -1;
        }

        first = NewRows(BlockRows);
        _blocks.Add(dayContext, first);
        return first;
    }

    /// <summary>The row of a group outside any block, made when first asked.</summary>
    private int Single(long packed)
    {
        ref int row = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_singles, packed, out bool exists);
        if (!exists)
        {
            row = NewRows(1);
        }

        return row;
    }

    private int NewRows(int count)
    {
        if (_rowCount + count > _rows.Length)
        {
            Array.Resize(ref _rows, Math.Max(_rows.Length * 2, _rowCount + count));
        }

        int first = _rowCount;
        _rowCount += count;
        return first;
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

    private void AddTo(int row, FeedbackRecord record, double? themeSentiment, int sign)
    {
        ref var sums = ref _rows[row];
        if (!sums.Used)
        {
            sums.Used = true;
            _groups++;
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
