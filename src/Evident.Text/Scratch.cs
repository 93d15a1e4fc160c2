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
