using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>
/// The learnt tone of a text in which no word carries sentiment: "@united bag. still. not. here.", "DMd you guys 3 days
/// ago. nothing.", "rang 14 dentists, not one taking NHS patients". Customers state bad news flatly, and the lexicon and
/// its rules then leave the text neutral, where readers call it negative. Two naive Bayes models (negative against the
/// rest, positive against the rest) over the text's words (their lemmas), its pairs of adjacent words and whether it asks
/// a question, learnt from the hand-labelled probe sets (<c>evident bench accuracy --sets … --learn-tone-model</c>, which
/// writes tone_model.tsv), read a text three ways, each only where the lexicon and the rules were unsure
/// (SentimentScorer.ReadTone): a neutral text whose log-odds pass the model's threshold gets a mild valence
/// (<see cref="Valence"/>) on the word that weighs most, so that its label turns and the cue names it; a mildly positive
/// text about a service that reads as a strong complaint is irony (<see cref="IsIrony"/>); a mildly good or bad one that
/// reads as neither is neutral (<see cref="IsNeutral"/>). The same features also weigh, per theme, which of the themes
/// found is the main one (<see cref="MainOf(ReadOnlySpan{Token}, IReadOnlyList{ThemeHit})"/>), and a logistic regression
/// over them which theme a text names when no phrase named one
/// (<see cref="LearntTheme(ReadOnlySpan{Token}, out int, out int, out string)"/>). A feature counts once in a text, however
/// often it occurs; a text's features are listed once (<see cref="Features"/>) and read by every reading.
/// </summary>
public sealed class ToneModel
{
    /// <summary>What a reading adds to the text's valence sum: a compound near ±0.1 alone, enough to turn the label and no more.</summary>
    public const float Valence = 0.4f;

    /// <summary>Feature ids of tokens that have no lemma: an @handle, a number the vocabulary does not know, an unknown word.</summary>
    public const int Mention = -2, Number = -3, Unknown = -4;

    /// <summary>A token that is no feature (punctuation, emoji, a link, an unknown hashtag).</summary>
    public const int None = -1;

    private const int Specials = 4; // ids -4 … -1 sit at the start of the unigram arrays

    /// <summary>The names the file gives the features that are not words.</summary>
    public const string MentionName = "<mention>", NumberName = "<number>", UnknownName = "<unknown>", QuestionName = "<question>";

    // Laid out for the cache: a text's features touch a 2-byte index per word, an 8 KB filter and a 128 KB table per pair
    // of words, and the weights (interleaved, negative then positive) only of the features the model holds.
    private readonly ushort[] _unigrams; // per feature id + Specials: the feature's index + 1, or 0
    private readonly ulong[] _pairTable; // open addressing: the pair's key << 32 | its feature's index + 1; 0 is empty
    private readonly ulong[] _pairFilter; // one bit per hash of a pair's key: most pairs of a text are not in the model
    private readonly float[] _weights; // per feature: negative, positive
    private readonly string[] _names; // per feature
    private float _priorNegative, _priorPositive, _questionNegative, _questionPositive;

    // the main theme's weights (MainOf): per feature f, the themes it weighs for as bits and where their weights start in
    // _mainDelta, in theme order. A text's common words weigh for every theme, so MainOf reads only the weights of the
    // themes the text was found to have, by the bits below each one, not a feature's whole run (docs/benchmarks.md,
    // thirty-eighth session: the run walked with a test per theme cost a fifth of the full analysis of comments naming
    // several themes)
    private readonly MainRun[] _mainRuns;
    private readonly float[] _mainDelta;
    // the learnt theme's weights (LearntTheme): per feature f, its themes and weights, at [_foundStart[f], _foundStart[f + 1]),
    // each theme beside its weight in 4 bytes: about 32,000 of them, read for every text no phrase names a theme in, where
    // separate arrays of themes and weights cost a cache miss each (docs/benchmarks.md, thirty-seventh session)
    private readonly int[] _foundStart;
    private readonly PackedWeight[] _found;
    // the same weights again, as one row of _foundWidth hundredths (a slot per theme, zero where the feature weighs nothing)
    // for each feature with at least DenseRun of them: a text's common words weigh for most themes, and a row is added with
    // a few vector additions where its run took a load and an indexed add per theme. _foundRow[f] is where f's row starts
    // in _foundDense, or -1. (A tweet's features held about 157 weights; summing them took about 310 ns a text, the rows
    // of runs of 4 or more about 155 ns: docs/benchmarks.md, forty-third session.)
    private readonly int[] _foundRow;
    private readonly short[] _foundDense;
    private readonly int _foundWidth;
    private const int DenseRun = 4;
    private string[] _foundIds = [];
    private float[] _foundBias = [];
    private Dictionary<string, int> _mainIndex = [];
    private double[] _mainPrior = [], _mainPerFeature = [];

    [ThreadStatic]
    private static byte[]? t_seen;

    [ThreadStatic]
    private static byte t_text;

    public static ToneModel Empty { get; } = new(0, [], []);

    private ToneModel(int vocabularyCount, List<(int Id, string Name, float Negative, float Positive, ThemeWeight[] Themes, ThemeWeight[] Found)> unigrams, List<(uint Key, string Name, float Negative, float Positive, ThemeWeight[] Themes, ThemeWeight[] Found)> pairs)
    {
        int features = unigrams.Count + pairs.Count;
        if (features >= ushort.MaxValue)
        {
            throw new FormatException($"a tone model holds at most {ushort.MaxValue - 1} features; this one {features}");
        }
        _unigrams = new ushort[vocabularyCount + Specials];
        _weights = new float[2 * features];
        _names = new string[features];
        _mainRuns = new MainRun[features];
        _foundStart = new int[features + 1];
        var mainWeights = new List<float>();
        var foundWeights = new List<ThemeWeight>();
        int f = 0;
        foreach (var (id, name, negative, positive, themes, found) in unigrams)
        {
            _unigrams[id + Specials] = (ushort)(f + 1);
            (_weights[2 * f], _weights[2 * f + 1], _names[f]) = (negative, positive, name);
            _mainRuns[f] = AddMainRun(mainWeights, themes);
            foundWeights.AddRange(found);
            _foundStart[++f] = foundWeights.Count;
        }
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, pairs.Count * 2));
        _pairTable = new ulong[size];
        _pairFilter = new ulong[pairs.Count == 0 ? 1 : FilterWords];
        foreach (var (key, name, negative, positive, themes, found) in pairs)
        {
            (_weights[2 * f], _weights[2 * f + 1], _names[f]) = (negative, positive, name);
            _mainRuns[f] = AddMainRun(mainWeights, themes);
            foundWeights.AddRange(found);
            _foundStart[f + 1] = foundWeights.Count;
            ulong hash = Hash(key);
            int slot = (int)(hash >> 32) & (size - 1);
            while (_pairTable[slot] != 0 && (uint)(_pairTable[slot] >> 32) != key)
            {
                slot = (slot + 1) & (size - 1);
            }
            _pairTable[slot] = (ulong)key << 32 | (uint)(f + 1);
            SetFilter(hash);
            f++;
        }
        _mainDelta = [.. mainWeights];
        _found = [.. foundWeights.Select(w => new PackedWeight(checked((short)MathF.Round(w.Delta * 100)), w.Theme))];
        (_foundRow, _foundDense, _foundWidth) = DenseRows(_foundStart, _found);
    }

    /// <summary>The rows of the features whose runs hold at least <see cref="DenseRun"/> weights (see <see cref="_foundRow"/>).</summary>
    private static (int[] Rows, short[] Dense, int Width) DenseRows(int[] starts, PackedWeight[] found)
    {
        int themes = 0;
        foreach (var w in found)
        {
            themes = Math.Max(themes, w.Theme + 1);
        }
        int width = (themes + Vector256<short>.Count - 1) / Vector256<short>.Count * Vector256<short>.Count;
        var rows = new int[starts.Length - 1];
        var dense = new List<short>();
        for (int f = 0; f < rows.Length; f++)
        {
            rows[f] = -1;
            if (starts[f + 1] - starts[f] < DenseRun)
            {
                continue;
            }
            rows[f] = dense.Count;
            dense.AddRange(new short[width]);
            foreach (var w in found.AsSpan(starts[f], starts[f + 1] - starts[f]))
            {
                dense[rows[f] + w.Theme] = w.Hundredths;
            }
        }
        return (rows, [.. dense], width);
    }

    /// <summary>Where a feature's main-theme weights start and, one bit each, the themes they are for (in theme order from there).</summary>
    private readonly record struct MainRun(int Start, ulong Themes);

    private static MainRun AddMainRun(List<float> weights, ThemeWeight[] themes)
    {
        int start = weights.Count;
        ulong bits = 0;
        foreach (var w in themes.OrderBy(w => w.Theme))
        {
            bits |= 1UL << w.Theme; // ThemeWeights refuses a theme named twice and Parse more than 64 main themes
            weights.Add(w.Delta);
        }
        return new MainRun(start, bits);
    }

    /// <summary>A learnt theme's weight in hundredths (as the file writes it) and the theme's index: summed as integers.</summary>
    private readonly record struct PackedWeight(short Hundredths, byte Theme);

    /// <summary>What a feature adds to one theme's score (the theme by the order of its <c>&lt;main theme&gt;</c> or <c>&lt;learnt theme&gt;</c> line).</summary>
    private readonly record struct ThemeWeight(byte Theme, float Delta);

    private const int FilterWords = 1024; // 65,536 bits

    private const int MaxMainThemes = 64; // a feature's main themes are the bits of a ulong

    // the filter takes the hash's top 16 bits (10 for the word, 6 for the bit), the table its bits from 32 up: a
    // multiplicative hash mixes upward
    private void SetFilter(ulong hash) => _pairFilter[(int)(hash >> 54)] |= 1UL << (int)((hash >> 48) & 63);

    private bool MayHold(ulong hash) => (_pairFilter[(int)(hash >> 54) & (_pairFilter.Length - 1)] & 1UL << (int)((hash >> 48) & 63)) != 0;

    private static ulong Hash(uint key) => key * 0x9E3779B97F4A7C15UL;

    /// <summary>Whether no model was loaded: nothing is ever read.</summary>
    public bool IsEmpty { get; private init; } = true;

    /// <summary>The log-odds a text must pass to be read as negative, or as positive.</summary>
    public float ThresholdNegative { get; private init; }

    public float ThresholdPositive { get; private init; }

    /// <summary>The log-odds of a complaint a text the lexicon reads as positive must pass to be read as irony (infinite: never).</summary>
    public float IronyNegative { get; private init; } = float.PositiveInfinity;

    /// <summary>The positive log-odds such a text must stay below.</summary>
    public float IronyPositive { get; private init; }

    /// <summary>Praise at or above this compound is never read as irony: the lexicon is sure enough.</summary>
    public const double IronyCeiling = 0.5;

    /// <summary>The log-odds below which a text reads as neither negative nor positive (<see cref="IsNeutral"/>; infinite: never).</summary>
    public float NeutralNegative { get; private init; } = float.NegativeInfinity;

    public float NeutralPositive { get; private init; } = float.NegativeInfinity;

    /// <summary>Only a text the lexicon reads below this compound, either way, is ever read as neutral.</summary>
    public const double NeutralCeiling = 0.3;

    /// <summary>How far the words must favour a found theme over the one listed first for it to go first (<see cref="MainOf(ReadOnlySpan{Token}, IReadOnlyList{ThemeHit})"/>; infinite: never).</summary>
    public float MainMargin { get; private init; } = float.PositiveInfinity;

    /// <summary>
    /// Of the themes found (<paramref name="hits"/>, in the order the phrases put them), the index of the one to list first:
    /// the one whose log-odds of being the theme a reader gives, over the text's words and pairs, pass the first's by more
    /// than <see cref="MainMargin"/>; else 0. Themes the model never saw (a workspace's own) are never moved, nor moved past.
    /// </summary>
    public int MainOf(ReadOnlySpan<Token> tokens, IReadOnlyList<ThemeHit> hits) => MainOf(FeaturesOf(tokens), hits);

    /// <summary>As above, over the text's features as <see cref="Features"/> listed them.</summary>
    public int MainOf(ReadOnlySpan<int> features, IReadOnlyList<ThemeHit> hits)
    {
        int count = hits.Count;
        if (IsEmpty || float.IsPositiveInfinity(MainMargin) || count < 2 || !_mainIndex.TryGetValue(hits[0].Id, out _))
        {
            return 0;
        }
        Span<int> model = count <= 16 ? stackalloc int[16] : new int[count];
        Span<int> slot = stackalloc int[MaxMainThemes];
        ulong found = 0; // the model's themes among the hits, one bit each
        for (int k = 0; k < count; k++)
        {
            model[k] = _mainIndex.TryGetValue(hits[k].Id, out int t) ? t : -1;
            if (model[k] >= 0)
            {
                slot[model[k]] = k;
                found |= 1UL << model[k];
            }
        }
        Span<double> score = count <= 16 ? stackalloc double[16] : new double[count];
        score.Clear();
        var runs = _mainRuns;
        var deltas = _mainDelta;
        foreach (int f in features)
        {
            var run = runs[f];
            for (ulong wanted = run.Themes & found; wanted != 0; wanted &= wanted - 1)
            {
                int t = BitOperations.TrailingZeroCount(wanted);
                // a feature's weights are in theme order: this theme's is after those of the themes below it
                score[slot[t]] += deltas[run.Start + BitOperations.PopCount(run.Themes & ((1UL << t) - 1))];
            }
        }
        int best = 0;
        for (int k = 0; k < count; k++)
        {
            if (model[k] < 0)
            {
                continue;
            }
            score[k] += _mainPrior[model[k]] + features.Length * _mainPerFeature[model[k]];
            if (score[k] > score[best])
            {
                best = k;
            }
        }
        return score[best] - score[0] > MainMargin ? best : 0;
    }

    /// <summary>The log-odds a learnt theme must pass (<see cref="LearntTheme(ReadOnlySpan{Token}, out int, out int, out string)"/>; infinite: never).</summary>
    public float LearntThemeLogit { get; private init; } = float.PositiveInfinity;

    /// <summary>
    /// The theme the words name when no phrase named one ("the carousel stopped and half of us are still standing here"):
    /// per theme the readers gave, a logistic regression over the text's features (that theme against the rest) gives its
    /// probability; the likeliest theme, when it passes <see cref="LearntThemeLogit"/>, else null. <paramref name="strongest"/>
    /// is the token where the feature that weighed most for it starts, <paramref name="pairEnd"/> the token its pair ends at
    /// (or -1), <paramref name="feature"/> its name; a theme no feature of the text weighs for is never given.
    /// </summary>
    public string? LearntTheme(ReadOnlySpan<Token> tokens, out int strongest, out int pairEnd, out string feature) =>
        LearntTheme(FeaturesOf(tokens), tokens, out strongest, out pairEnd, out feature);

    /// <summary>As above, over the text's features as <see cref="Features"/> listed them.</summary>
    public string? LearntTheme(ReadOnlySpan<int> features, ReadOnlySpan<Token> tokens, out int strongest, out int pairEnd, out string feature)
    {
        strongest = pairEnd = -1;
        feature = "";
        int count = _foundIds.Length;
        if (IsEmpty || count == 0 || float.IsPositiveInfinity(LearntThemeLogit))
        {
            return null;
        }
        int width = _foundWidth, size = Math.Max(width, count); // a theme no feature weighs for lies past the rows' width
        Span<int> sum = size <= 64 ? stackalloc int[64] : new int[size];
        sum.Clear();
        var starts = _foundStart;
        var found = _found;
        var rows = _foundRow;
        ref int total = ref MemoryMarshal.GetReference(sum);
        foreach (int f in features)
        {
            int row = rows[f];
            if (row >= 0)
            {
                ref short weights = ref _foundDense[row];
                for (int k = 0; k < width; k += Vector256<short>.Count)
                {
                    var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref weights, (nuint)k));
                    (Vector256.LoadUnsafe(ref total, (nuint)k) + low).StoreUnsafe(ref total, (nuint)k);
                    (Vector256.LoadUnsafe(ref total, (nuint)(k + Vector256<int>.Count)) + high).StoreUnsafe(ref total, (nuint)(k + Vector256<int>.Count));
                }
                continue;
            }
            foreach (var w in found.AsSpan(starts[f], starts[f + 1] - starts[f]))
            {
                sum[w.Theme] += w.Hundredths;
            }
        }
        int best = 0;
        float bestScore = float.MinValue;
        for (int k = 0; k < count; k++)
        {
            float score = _foundBias[k] + sum[k] * 0.01f;
            if (score > bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }
        if (bestScore <= LearntThemeLogit)
        {
            return null;
        }
        Strongest(tokens, side: 0, theme: best, out strongest, out pairEnd, out feature);
        return strongest < 0 ? null : _foundIds[best];
    }

    /// <summary>
    /// What feature <paramref name="f"/> weighs for learnt theme <paramref name="theme"/>, in hundredths (compared, not
    /// summed); the least float when nothing.
    /// </summary>
    private float FoundWeight(int f, int theme)
    {
        foreach (var w in _found.AsSpan(_foundStart[f], _foundStart[f + 1] - _foundStart[f]))
        {
            if (w.Theme == theme)
            {
                return w.Hundredths;
            }
        }
        return float.MinValue;
    }

    /// <summary>The feature id of a token: its lemma, or one of <see cref="Mention"/>, <see cref="Number"/>, <see cref="Unknown"/>, <see cref="None"/>.</summary>
    public static int FeatureId(in Token t) => t.Kind switch
    {
        TokenKind.Word or TokenKind.Number or TokenKind.Hashtag when t.Lemma >= 0 => t.Lemma,
        TokenKind.Word => Unknown,
        TokenKind.Number => Number,
        TokenKind.Mention => Mention,
        _ => None,
    };

    /// <summary>
    /// The text's features by name, as a learner counts them and the file writes them: each word's lemma (or a special name),
    /// each pair of adjacent features ("still nothing"), and <see cref="QuestionName"/> when the text asks.
    /// </summary>
    public static List<string> FeatureNames(ReadOnlySpan<Token> tokens, bool question, Vocabulary vocabulary)
    {
        var names = new List<string>();
        string? previous = null;
        foreach (ref readonly Token t in tokens)
        {
            int id = FeatureId(t);
            if (id == None)
            {
                continue;
            }
            string name = Name(id, vocabulary);
            names.Add(name);
            if (previous is not null)
            {
                names.Add(previous + " " + name);
            }
            previous = name;
        }
        if (question)
        {
            names.Add(QuestionName);
        }
        return names;
    }

    private static string Name(int id, Vocabulary vocabulary) => id switch
    {
        Mention => MentionName,
        Number => NumberName,
        Unknown => UnknownName,
        _ => vocabulary.Forms[id],
    };

    /// <summary>
    /// Reads the text: -1 when it reads as negative, 1 as positive, else 0; <paramref name="strongest"/> is then the token
    /// where the feature that weighed most for that reading starts (its word, when the pair opens with an @handle, which
    /// the sum skips), <paramref name="pairEnd"/> the token its pair ends at (or -1), and <paramref name="feature"/> its name.
    /// </summary>
    public int Read(ReadOnlySpan<Token> tokens, bool question, out int strongest, out int pairEnd, out string feature)
    {
        strongest = pairEnd = -1;
        feature = "";
        if (IsEmpty)
        {
            return 0;
        }
        var odds = Measure(tokens, question);
        int sign = Sign(odds);
        if (sign != 0)
        {
            Strongest(tokens, sign < 0, out strongest, out pairEnd, out feature);
        }
        return sign;
    }

    /// <summary>
    /// Whether a text the lexicon reads as mildly positive reads as a complaint all the same, its praise then irony
    /// ("thanks for the warm welcome" after an agent rolled her eyes) (<see cref="IsIrony"/>); <paramref name="feature"/> is
    /// the feature that weighed most.
    /// </summary>
    public bool ReadsIrony(ReadOnlySpan<Token> tokens, bool question, out string feature)
    {
        feature = "";
        if (IsEmpty || !IsIrony(Measure(tokens, question)))
        {
            return false;
        }
        Strongest(tokens, negative: true, out _, out _, out feature);
        return true;
    }

    /// <summary>A text's two log-odds, toward negative and toward positive: measured once, then read every way it is asked.</summary>
    public readonly record struct Odds(float Negative, float Positive);

    /// <summary>The text's log-odds (the priors alone for an empty model).</summary>
    public Odds Measure(ReadOnlySpan<Token> tokens, bool question) => Measure(FeaturesOf(tokens), question);

    /// <summary>As above, over the text's features as <see cref="Features"/> listed them.</summary>
    public Odds Measure(ReadOnlySpan<int> features, bool question)
    {
        float negative = _priorNegative, positive = _priorPositive;
        if (question)
        {
            negative += _questionNegative;
            positive += _questionPositive;
        }
        var weights = _weights;
        foreach (int f in features)
        {
            negative += weights[2 * f];
            positive += weights[2 * f + 1];
        }
        return new(negative, positive);
    }

    /// <summary>
    /// The model's features in a text, each once however often it occurs ("@a @b @c …" is one mention and one pair of
    /// mentions), written to <paramref name="into"/> (room for <see cref="MaxFeatures"/>); returns how many. Listed once per
    /// text and read by every reading (<see cref="Measure(ReadOnlySpan{int}, bool)"/>, <see cref="MainOf(ReadOnlySpan{int}, IReadOnlyList{ThemeHit})"/>,
    /// <see cref="LearntTheme(ReadOnlySpan{int}, ReadOnlySpan{Token}, out int, out int, out string)"/>): finding a feature
    /// costs lookups in tables bigger than the first-level cache.
    /// </summary>
    public int Features(ReadOnlySpan<Token> tokens, Span<int> into)
    {
        if (IsEmpty)
        {
            return 0;
        }
        var seen = Stamp(out byte stamp);
        var unigrams = _unigrams;
        int count = 0, previous = None;
        foreach (ref readonly Token t in tokens)
        {
            int id = FeatureId(t);
            if (id == None)
            {
                continue;
            }
            int word = unigrams[id + Specials] - 1;
            if (word >= 0 && seen[word] != stamp)
            {
                seen[word] = stamp;
                into[count++] = word;
            }
            if (previous != None && FindPair(previous, id) is int pair and >= 0 && seen[pair] != stamp)
            {
                seen[pair] = stamp; // the pair that ends at this word, after it
                into[count++] = pair;
            }
            previous = id;
        }
        return count;
    }

    /// <summary>The most features a text of <paramref name="tokens"/> tokens holds: a word and a pair per token.</summary>
    public static int MaxFeatures(int tokens) => 2 * tokens;

    /// <summary>The text's features in a buffer of their own, for the readings asked of tokens alone (tests, explanations).</summary>
    private int[] FeaturesOf(ReadOnlySpan<Token> tokens)
    {
        var into = new int[MaxFeatures(tokens.Length)];
        return into[..Features(tokens, into)];
    }

    /// <summary>-1 when the odds read negative (past its threshold by at least as much as positive past its own), 1 positive, else 0.</summary>
    public int Sign(Odds odds) =>
        odds.Negative > ThresholdNegative && odds.Negative - ThresholdNegative >= odds.Positive - ThresholdPositive ? -1
        : odds.Positive > ThresholdPositive ? 1 : 0;

    /// <summary>A complaint strong enough to make praise irony: negative past <see cref="IronyNegative"/>, positive below <see cref="IronyPositive"/>.</summary>
    public bool IsIrony(Odds odds) => odds.Negative > IronyNegative && odds.Positive < IronyPositive;

    /// <summary>
    /// Neither complaint nor praise: both below their <c>&lt;neutral&gt;</c> bounds. A text the lexicon reads as mildly good or
    /// bad for one word ("is there a problem with the app today?") is then neutral.
    /// </summary>
    public bool IsNeutral(Odds odds) => odds.Negative < NeutralNegative && odds.Positive < NeutralPositive;

    /// <summary>
    /// This thread's stamps for <see cref="Features"/>, one byte a feature, and the stamp of this text (its number): a feature
    /// met in the text is stamped, so it is listed once. The stamps wrap every 255 texts, when they are cleared.
    /// </summary>
    private byte[] Stamp(out byte stamp)
    {
        var seen = t_seen;
        if (seen is null || seen.Length != _names.Length)
        {
            t_seen = seen = new byte[_names.Length];
            t_text = 0;
        }
        stamp = ++t_text;
        if (stamp == 0)
        {
            Array.Clear(seen);
            t_text = stamp = 1;
        }
        return seen;
    }

    /// <summary>
    /// The feature that pushed hardest toward the reading (negative or positive), as <see cref="Read"/> gives it; found in a
    /// second pass, readings being rare.
    /// </summary>
    public void Strongest(ReadOnlySpan<Token> tokens, bool negative, out int strongest, out int pairEnd, out string feature) =>
        Strongest(tokens, negative ? 0 : 1, theme: -1, out strongest, out pairEnd, out feature);

    /// <summary>As above, for a side of the tone (0 negative, 1 positive), or for learnt theme <paramref name="theme"/> when not -1.</summary>
    private void Strongest(ReadOnlySpan<Token> tokens, int side, int theme, out int strongest, out int pairEnd, out string feature)
    {
        strongest = pairEnd = -1;
        feature = "";
        float best = float.MinValue;
        int previous = None, previousAt = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            int id = FeatureId(tokens[i]);
            if (id == None)
            {
                continue;
            }
            int f = _unigrams[id + Specials] - 1;
            float weight = f >= 0 && id != Mention ? Weight(f, side, theme) : float.MinValue; // an @handle counts for nothing in the sum
            if (weight > best)
            {
                best = weight;
                strongest = i;
                pairEnd = -1;
                feature = _names[f];
            }
            if (previous != None)
            {
                f = FindPair(previous, id);
                weight = f >= 0 ? Weight(f, side, theme) : float.MinValue;
                if (weight > best)
                {
                    best = weight;
                    bool afterHandle = previous == Mention; // "@acmeair booked": the valence goes on the word
                    strongest = afterHandle ? i : previousAt;
                    pairEnd = afterHandle ? -1 : i;
                    feature = _names[f];
                }
            }
            previous = id;
            previousAt = i;
        }
    }

    private float Weight(int f, int side, int theme) => theme < 0 ? _weights[2 * f + side] : FoundWeight(f, theme);

    /// <summary>The feature index of the pair (<paramref name="first"/>, <paramref name="second"/>), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindPair(int first, int second)
    {
        uint key = PairKey(first, second);
        ulong hash = Hash(key);
        if (!MayHold(hash))
        {
            return -1;
        }
        var table = _pairTable;
        int mask = table.Length - 1;
        for (int slot = (int)(hash >> 32) & mask; ; slot = (slot + 1) & mask)
        {
            ulong entry = table[slot];
            if (entry == 0)
            {
                return -1;
            }
            if ((uint)(entry >> 32) == key)
            {
                return (int)(uint)entry - 1;
            }
        }
    }

    /// <summary>Two feature ids in one key: each shifted past the specials (so a key is never 0), 16 bits each.</summary>
    private static uint PairKey(int first, int second) => (uint)(first + Specials + 1) << 16 | (uint)(second + Specials + 1);

    /// <summary>
    /// Reads tone_model.tsv: lines "feature TAB negative weight TAB positive weight", a feature being a word's lemma, one of
    /// the special names, or two of them with a space between; and the lines "&lt;prior&gt;" and "&lt;threshold&gt;" with
    /// the same two columns, and optionally "&lt;irony&gt;" (<see cref="IsIrony"/>) and "&lt;neutral&gt;" (<see cref="IsNeutral"/>).
    /// A feature may carry a fourth column of main-theme weights, "theme:weight …" (<see cref="MainOf(ReadOnlySpan{Token}, IReadOnlyList{ThemeHit})"/>), its themes named
    /// by "&lt;main theme&gt; TAB id TAB prior TAB weight per feature" lines above it, and "&lt;main margin&gt;" sets the margin;
    /// and a fifth of learnt-theme weights (<see cref="LearntTheme(ReadOnlySpan{Token}, out int, out int, out string)"/>, the fourth then possibly empty), its themes named by
    /// "&lt;learnt theme&gt; TAB id TAB bias" lines, the probability to pass by "&lt;learnt theme probability&gt;".
    /// A word the vocabulary does not know (the lexicons changed since the model was learnt) is skipped.
    /// </summary>
    public static ToneModel Parse(string text, Vocabulary vocabulary, string source)
    {
        var unigrams = new List<(int Id, string Name, float Negative, float Positive, ThemeWeight[] Themes, ThemeWeight[] Found)>();
        var pairs = new List<(uint Key, string Name, float Negative, float Positive, ThemeWeight[] Themes, ThemeWeight[] Found)>();
        var mainIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var mainThemes = new List<(string Id, double Prior, double PerFeature)>();
        var foundIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var foundThemes = new List<(string Id, float Bias)>();
        float? mainMargin = null, foundProbability = null;
        if (vocabulary.Count + Specials + 1 > ushort.MaxValue)
        {
            throw new InvalidOperationException($"the learnt tone keys a pair of words in 32 bits: a vocabulary of {vocabulary.Count} words needs wider keys");
        }
        float priorNegative = 0, priorPositive = 0, questionNegative = 0, questionPositive = 0;
        float? thresholdNegative = null, thresholdPositive = null, ironyNegative = null, ironyPositive = null, neutralNegative = null, neutralPositive = null;
        int number = 0;
        foreach (string raw in text.Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line == "#")
            {
                continue;
            }
            string[] f = line.Split('\t');
            if (f[0] == "<main theme>")
            {
                if (f.Length != 4 || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double prior) ||
                    !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double perFeature))
                {
                    throw new FormatException($"{source}:{number}: expected <main theme> TAB theme TAB prior TAB weight per feature, found \"{line}\"");
                }
                if (mainThemes.Count == MaxMainThemes)
                {
                    throw new FormatException($"{source}:{number}: at most {MaxMainThemes} main themes");
                }
                mainIndex[f[1]] = mainThemes.Count;
                mainThemes.Add((f[1], prior, perFeature));
                continue;
            }
            if (f[0] == "<learnt theme>")
            {
                if (f.Length != 3 || !float.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float bias))
                {
                    throw new FormatException($"{source}:{number}: expected <learnt theme> TAB theme TAB bias, found \"{line}\"");
                }
                if (foundThemes.Count == byte.MaxValue)
                {
                    throw new FormatException($"{source}:{number}: at most {byte.MaxValue} learnt themes");
                }
                foundIndex[f[1]] = foundThemes.Count;
                foundThemes.Add((f[1], bias));
                continue;
            }
            if (f.Length is < 3 or > 5 || !float.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float negative) ||
                !float.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float positive))
            {
                throw new FormatException($"{source}:{number}: expected feature TAB negative weight TAB positive weight [TAB theme:weight … [TAB theme:weight …]], found \"{line}\"");
            }
            switch (f[0])
            {
                case "<prior>":
                    (priorNegative, priorPositive) = (negative, positive);
                    continue;
                case "<threshold>":
                    (thresholdNegative, thresholdPositive) = (negative, positive);
                    continue;
                case "<irony>":
                    (ironyNegative, ironyPositive) = (negative, positive);
                    continue;
                case "<neutral>":
                    (neutralNegative, neutralPositive) = (negative, positive);
                    continue;
                case "<main margin>":
                    mainMargin = negative;
                    continue;
                case "<learnt theme probability>":
                    foundProbability = negative;
                    continue;
                case QuestionName:
                    (questionNegative, questionPositive) = (negative, positive);
                    continue;
            }
            var themes = f.Length >= 4 ? ThemeWeights(f[3], mainIndex, "<main theme>", source, number) : [];
            var found = f.Length == 5 ? ThemeWeights(f[4], foundIndex, "<learnt theme>", source, number) : [];
            int space = f[0].IndexOf(' ');
            if (space < 0)
            {
                int id = Id(f[0], vocabulary);
                if (id != None)
                {
                    unigrams.Add((id, f[0], negative, positive, themes, found));
                }
                continue;
            }
            int first = Id(f[0][..space], vocabulary), second = Id(f[0][(space + 1)..], vocabulary);
            if (first != None && second != None)
            {
                pairs.Add((PairKey(first, second), f[0], negative, positive, themes, found));
            }
        }
        if (thresholdNegative is null || thresholdPositive is null)
        {
            throw new FormatException($"{source}: no <threshold> line");
        }
        var model = new ToneModel(vocabulary.Count, unigrams, pairs)
        {
            IsEmpty = false,
            _priorNegative = priorNegative,
            _priorPositive = priorPositive,
            _questionNegative = questionNegative,
            _questionPositive = questionPositive,
            ThresholdNegative = thresholdNegative.Value,
            ThresholdPositive = thresholdPositive.Value,
            IronyNegative = ironyNegative ?? float.PositiveInfinity,
            IronyPositive = ironyPositive ?? 0,
            NeutralNegative = neutralNegative ?? float.NegativeInfinity,
            NeutralPositive = neutralPositive ?? float.NegativeInfinity,
            MainMargin = mainThemes.Count > 0 && mainMargin is float margin ? margin : float.PositiveInfinity,
            _mainIndex = mainIndex,
            _mainPrior = [.. mainThemes.Select(t => t.Prior)],
            _mainPerFeature = [.. mainThemes.Select(t => t.PerFeature)],
            // the file gives a probability; the scores are log-odds
            LearntThemeLogit = foundThemes.Count > 0 && foundProbability is float p && p is > 0 and < 1 ? MathF.Log(p / (1 - p)) : float.PositiveInfinity,
            _foundIds = [.. foundThemes.Select(t => t.Id)],
            _foundBias = [.. foundThemes.Select(t => t.Bias)],
        };
        return model;
    }

    /// <summary>A feature's weights for the main theme or the learnt theme, "theme:weight …", each theme named by a <paramref name="kind"/> line above.</summary>
    private static ThemeWeight[] ThemeWeights(string column, Dictionary<string, int> index, string kind, string source, int number)
    {
        // read through spans: a model holds about 100,000 of these, parsed at every start
        var themes = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var weights = new List<ThemeWeight>();
        Span<bool> named = stackalloc bool[byte.MaxValue + 1]; // Parse allows at most 255 themes of either kind
        var rest = column.AsSpan();
        foreach (var range in rest.Split(' '))
        {
            var pair = rest[range];
            if (pair.IsEmpty)
            {
                continue;
            }
            int colon = pair.LastIndexOf(':');
            if (colon <= 0 || !themes.TryGetValue(pair[..colon], out int theme) ||
                !float.TryParse(pair[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out float delta))
            {
                throw new FormatException($"{source}:{number}: \"{pair}\" is not theme:weight of a theme a {kind} line above names");
            }
            if (named[theme])
            {
                throw new FormatException($"{source}:{number}: \"{pair}\" names a theme this feature already weighs for");
            }
            named[theme] = true;
            weights.Add(new ThemeWeight((byte)theme, delta));
        }
        return [.. weights];
    }

    private static int Id(string name, Vocabulary vocabulary)
    {
        switch (name)
        {
            case MentionName:
                return Mention;
            case NumberName:
                return Number;
            case UnknownName:
                return Unknown;
        }
        int entry = vocabulary.Find(name);
        return entry < 0 ? None : vocabulary.Entries[entry].Lemma;
    }
}
