using Evident.Text.Phrases;
using Evident.Text.Sentiment;
using Evident.Text.Tokens;

namespace Evident.Text;

/// <summary>
/// Per-thread working buffers, grown on demand and reused, so analysing a text allocates nothing but its result.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? t_current;

    public Token[] Tokens = new Token[256];
    public float[] Valences = new float[256];
    public ValenceRule[] Rules = new ValenceRule[256];
    public PhraseMatch[] Matches = new PhraseMatch[256];
    public int[] PhraseAt = new int[256];
    public int[] ToneFeatures = new int[ToneModel.MaxFeatures(256)];

    // The findings' evidence is gathered in these lists and kept as arrays of its size (ThemeFinder, SignalFinder): one
    // list a theme being made, one per signal label with a flag for the labels this text filled, and the hits by kind.
    public readonly List<Evidence> ThemeEvidence = [];
    public List<Evidence>[] SignalEvidence = [];
    public bool[] SignalFilled = [];
    public readonly List<EmotionHit> Emotions = [];
    public readonly List<FrictionHit> Friction = [];
    public readonly List<SignalHit> Signals = [];

    /// <summary>The per-label evidence lists for <paramref name="labels"/> signal labels, none of them marked filled yet.</summary>
    public (List<Evidence>[] ByLabel, bool[] Filled) SignalLabels(int labels)
    {
        if (SignalEvidence.Length < labels)
        {
            SignalEvidence = new List<Evidence>[labels];
            for (int i = 0; i < labels; i++)
            {
                SignalEvidence[i] = [];
            }
            SignalFilled = new bool[labels];
        }
        Array.Clear(SignalFilled); // cleared when taken, so nothing from an earlier text (or a failed one) is left
        return (SignalEvidence, SignalFilled);
    }

    public static Scratch For(int textLength)
    {
        var s = t_current ??= new Scratch();
        int needed = Tokenizer.MaxTokens(textLength);
        if (s.Tokens.Length < needed)
        {
            int size = (int)Math.Min(Array.MaxLength, Math.Max(needed, s.Tokens.Length * 2L));
            s.Tokens = new Token[size];
            s.Valences = new float[size];
            s.Rules = new ValenceRule[size];
            s.Matches = new PhraseMatch[size];
            s.PhraseAt = new int[size];
            s.ToneFeatures = new int[ToneModel.MaxFeatures(size)];
        }
        return s;
    }
}
