using Evident.Text.Tokens;

namespace Evident.Text.Signals;

/// <summary>Counts we-words, you-words and I-words: whether a text speaks about the organisation or to its reader.</summary>
internal static class Perspective
{
    public static PerspectiveCounts Count(ReadOnlySpan<Token> tokens, WordEntry[] entries)
    {
        int we = 0, you = 0, i = 0, words = 0;
        foreach (ref readonly Token t in tokens)
        {
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }
            words++;
            if (t.Entry < 0)
            {
                continue;
            }
            WordRole role = entries[t.Entry].Role;
            if ((role & WordRole.FirstPersonPlural) != 0)
            {
                we++;
            }
            else if ((role & WordRole.SecondPerson) != 0)
            {
                you++;
            }
            else if ((role & WordRole.FirstPersonSingular) != 0)
            {
                i++;
            }
        }
        return new PerspectiveCounts(we, you, i, words);
    }
}
