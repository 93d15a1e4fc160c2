using System.Globalization;
using System.Numerics;
using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>
/// The learnt tone of a text in which no word carries sentiment: "@united bag. still. not. here.", "DMd you guys 3 days
/// ago. nothing.", "rang 14 dentists, not one taking NHS patients". Customers state bad news flatly, and the lexicon and
/// its rules then leave the text neutral, where readers call it negative. Two naive Bayes models (negative against the
/// rest, positive against the rest) over the text's words (their lemmas), its pairs of adjacent words and whether it asks
/// a question, learnt from the hand-labelled probe sets (<c>evident bench accuracy --sets … --learn-tone-model</c>, which
/// writes tone_model.tsv), are read only when the lexicon left the text neutral; a text whose log-odds pass the model's
/// threshold gets a mild valence (<see cref="Valence"/>) on the words that weigh most, so that its label turns and the
/// cue names those words. A feature counts once in a text, however often it occurs.
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

    private readonly float[] _negative; // per feature id + Specials
    private readonly float[] _positive;
    private readonly ulong[] _pairKeys; // open addressing; 0 is empty (a pair's key is never 0: ids are shifted by Specials + 1)
    private readonly int[] _pairSlots; // the pair's index in _pairNegative/_pairPositive/_pairNames
    private readonly float[] _pairNegative;
    private readonly float[] _pairPositive;
    private readonly string[] _unigramNames;
    private readonly string[] _pairNames;
    private readonly float _priorNegative, _priorPositive, _questionNegative, _questionPositive;

    [ThreadStatic]
    private static int[]? t_seen;

    [ThreadStatic]
    private static int t_text;

    public static ToneModel Empty { get; } = new(0);

    private ToneModel(int vocabularyCount)
    {
        _negative = new float[vocabularyCount + Specials];
        _positive = new float[vocabularyCount + Specials];
        _unigramNames = new string[vocabularyCount + Specials];
        _pairKeys = [];
        _pairSlots = [];
        _pairNegative = [];
        _pairPositive = [];
        _pairNames = [];
    }

    private ToneModel(
        int vocabularyCount, List<(ulong Key, string Name, float Negative, float Positive)> pairs, float priorNegative, float priorPositive,
        float questionNegative, float questionPositive, float thresholdNegative, float thresholdPositive) : this(vocabularyCount)
    {
        _priorNegative = priorNegative;
        _priorPositive = priorPositive;
        _questionNegative = questionNegative;
        _questionPositive = questionPositive;
        ThresholdNegative = thresholdNegative;
        ThresholdPositive = thresholdPositive;
        IsEmpty = false;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, pairs.Count * 2));
        _pairKeys = new ulong[size];
        _pairSlots = new int[size];
        _pairNegative = new float[pairs.Count];
        _pairPositive = new float[pairs.Count];
        _pairNames = new string[pairs.Count];
        for (int p = 0; p < pairs.Count; p++)
        {
            _pairNegative[p] = pairs[p].Negative;
            _pairPositive[p] = pairs[p].Positive;
            _pairNames[p] = pairs[p].Name;
            int slot = Slot(pairs[p].Key, size);
            while (_pairKeys[slot] != 0 && _pairKeys[slot] != pairs[p].Key)
            {
                slot = (slot + 1) & (size - 1);
            }
            _pairKeys[slot] = pairs[p].Key;
            _pairSlots[slot] = p;
        }
    }

    /// <summary>Whether no model was loaded: nothing is ever read.</summary>
    public bool IsEmpty { get; } = true;

    /// <summary>The log-odds a text must pass to be read as negative, or as positive.</summary>
    public float ThresholdNegative { get; }

    public float ThresholdPositive { get; }

    /// <summary>The log-odds of a complaint a text the lexicon reads as positive must pass to be read as irony (infinite: never).</summary>
    public float IronyNegative { get; private set; } = float.PositiveInfinity;

    /// <summary>The positive log-odds such a text must stay below.</summary>
    public float IronyPositive { get; private set; }

    /// <summary>Praise at or above this compound is never read as irony: the lexicon is sure enough.</summary>
    public const double IronyCeiling = 0.5;

    /// <summary>The log-odds below which a text reads as neither negative nor positive (<see cref="ReadsNeutral"/>; infinite: never).</summary>
    public float NeutralNegative { get; private set; } = float.NegativeInfinity;

    public float NeutralPositive { get; private set; } = float.NegativeInfinity;

    /// <summary>Only a text the lexicon reads below this compound, either way, is ever read as neutral.</summary>
    public const double NeutralCeiling = 0.3;

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
        Sum(tokens, question, out float negative, out float positive);
        // negative when it passes its threshold by at least as much as positive passes its own
        int sign = negative > ThresholdNegative && negative - ThresholdNegative >= positive - ThresholdPositive ? -1
            : positive > ThresholdPositive ? 1 : 0;
        if (sign != 0)
        {
            Strongest(tokens, sign < 0, out strongest, out pairEnd, out feature);
        }
        return sign;
    }

    /// <summary>
    /// Whether a text the lexicon reads as mildly positive reads as a complaint all the same, its praise then irony
    /// ("thanks for the warm welcome" after an agent rolled her eyes): the negative log-odds pass <see cref="IronyNegative"/>
    /// and the positive stay below <see cref="IronyPositive"/>. <paramref name="feature"/> is the feature that weighed most.
    /// </summary>
    public bool ReadsIrony(ReadOnlySpan<Token> tokens, bool question, out string feature)
    {
        feature = "";
        if (IsEmpty || float.IsPositiveInfinity(IronyNegative))
        {
            return false;
        }
        Sum(tokens, question, out float negative, out float positive);
        if (negative <= IronyNegative || positive >= IronyPositive)
        {
            return false;
        }
        Strongest(tokens, negative: true, out _, out _, out feature);
        return true;
    }

    /// <summary>
    /// Whether the text reads as neither a complaint nor praise: both log-odds below their <c>&lt;neutral&gt;</c> bounds. A text
    /// the lexicon reads as mildly good or bad for one word ("can I cancel the order I placed by mistake?") is then neutral.
    /// </summary>
    public bool ReadsNeutral(ReadOnlySpan<Token> tokens, bool question)
    {
        if (IsEmpty || float.IsNegativeInfinity(NeutralNegative))
        {
            return false;
        }
        Sum(tokens, question, out float negative, out float positive);
        return negative < NeutralNegative && positive < NeutralPositive;
    }

    private void Sum(ReadOnlySpan<Token> tokens, bool question, out float negative, out float positive)
    {
        negative = _priorNegative;
        positive = _priorPositive;
        if (question)
        {
            negative += _questionNegative;
            positive += _questionPositive;
        }
        // a feature counts once however often it occurs ("@a @b @c …" is one mention and one pair of mentions):
        // each thread stamps the features it has counted with the text's number
        var seen = t_seen;
        if (seen is null || seen.Length != _negative.Length + _pairNames.Length)
        {
            t_seen = seen = new int[_negative.Length + _pairNames.Length];
            t_text = 0;
        }
        int stamp = ++t_text;
        if (stamp == int.MaxValue)
        {
            Array.Clear(seen);
            t_text = stamp = 1;
        }
        int previous = None;
        for (int i = 0; i < tokens.Length; i++)
        {
            int id = FeatureId(tokens[i]);
            if (id == None)
            {
                continue;
            }
            if (seen[id + Specials] != stamp)
            {
                seen[id + Specials] = stamp;
                negative += _negative[id + Specials];
                positive += _positive[id + Specials];
            }
            if (previous != None)
            {
                int pair = FindPair(previous, id);
                if (pair >= 0 && seen[_negative.Length + pair] != stamp)
                {
                    seen[_negative.Length + pair] = stamp;
                    negative += _pairNegative[pair];
                    positive += _pairPositive[pair];
                }
            }
            previous = id;
        }
    }

    /// <summary>The feature that pushed hardest toward the reading (negative or positive), found in a second pass: readings are rare.</summary>
    private void Strongest(ReadOnlySpan<Token> tokens, bool negative, out int strongest, out int pairEnd, out string feature)
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
            float w = negative ? _negative[id + Specials] : _positive[id + Specials];
            if (w > best && id != Mention && _unigramNames[id + Specials] is string name) // an @handle counts for nothing in the sum
            {
                best = w;
                strongest = i;
                pairEnd = -1;
                feature = name;
            }
            if (previous != None)
            {
                int pair = FindPair(previous, id);
                if (pair >= 0 && (negative ? _pairNegative[pair] : _pairPositive[pair]) > best)
                {
                    best = negative ? _pairNegative[pair] : _pairPositive[pair];
                    bool afterHandle = previous == Mention; // "@acmeair booked": the valence goes on the word
                    strongest = afterHandle ? i : previousAt;
                    pairEnd = afterHandle ? -1 : i;
                    feature = _pairNames[pair];
                }
            }
            previous = id;
            previousAt = i;
        }
    }

    private int FindPair(int first, int second)
    {
        ulong key = PairKey(first, second);
        int mask = _pairKeys.Length - 1;
        for (int slot = Slot(key, _pairKeys.Length); ; slot = (slot + 1) & mask)
        {
            ulong k = _pairKeys[slot];
            if (k == key)
            {
                return _pairSlots[slot];
            }
            if (k == 0)
            {
                return -1;
            }
        }
    }

    private static ulong PairKey(int first, int second) => (ulong)(uint)(first + Specials + 1) << 32 | (uint)(second + Specials + 1);

    private static int Slot(ulong key, int size) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & (size - 1);

    /// <summary>
    /// Reads tone_model.tsv: lines "feature TAB negative weight TAB positive weight", a feature being a word's lemma, one of
    /// the special names, or two of them with a space between; and the lines "&lt;prior&gt;" and "&lt;threshold&gt;" with
    /// the same two columns, and optionally "&lt;irony&gt;" (<see cref="ReadsIrony"/>) and "&lt;neutral&gt;" (<see cref="ReadsNeutral"/>). A word the vocabulary does not know (the lexicons changed since the model was learnt) is skipped.
    /// </summary>
    public static ToneModel Parse(string text, Vocabulary vocabulary, string source)
    {
        var unigrams = new List<(int Id, string Name, float Negative, float Positive)>();
        var pairs = new List<(ulong Key, string Name, float Negative, float Positive)>();
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
            if (f.Length != 3 || !float.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float negative) ||
                !float.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float positive))
            {
                throw new FormatException($"{source}:{number}: expected feature TAB negative weight TAB positive weight, found \"{line}\"");
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
                case QuestionName:
                    (questionNegative, questionPositive) = (negative, positive);
                    continue;
            }
            int space = f[0].IndexOf(' ');
            if (space < 0)
            {
                int id = Id(f[0], vocabulary);
                if (id != None)
                {
                    unigrams.Add((id, f[0], negative, positive));
                }
                continue;
            }
            int first = Id(f[0][..space], vocabulary), second = Id(f[0][(space + 1)..], vocabulary);
            if (first != None && second != None)
            {
                pairs.Add((PairKey(first, second), f[0], negative, positive));
            }
        }
        if (thresholdNegative is null || thresholdPositive is null)
        {
            throw new FormatException($"{source}: no <threshold> line");
        }
        var model = new ToneModel(vocabulary.Count, pairs, priorNegative, priorPositive, questionNegative, questionPositive, thresholdNegative.Value, thresholdPositive.Value);
        if (neutralNegative is not null)
        {
            model.NeutralNegative = neutralNegative.Value;
            model.NeutralPositive = neutralPositive!.Value;
        }
        if (ironyNegative is not null)
        {
            model.IronyNegative = ironyNegative.Value;
            model.IronyPositive = ironyPositive!.Value;
        }
        foreach (var (id, name, negative, positive) in unigrams)
        {
            model._negative[id + Specials] = negative;
            model._positive[id + Specials] = positive;
            model._unigramNames[id + Specials] = name;
        }
        return model;
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
