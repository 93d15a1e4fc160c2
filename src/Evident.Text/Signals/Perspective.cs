using Evident.Text.Tokens;

namespace Evident.Text.Signals;

/// <summary>Counts we-words, you-words and I-words: whether a text speaks about the organisation or to its reader.</summary>
internal static class Perspective
{
    public static PerspectiveCounts Count(ReadOnlySpan<Token> tokens)
    {
        int we = 0, you = 0, i = 0, words = 0;
        foreach (ref readonly Token t in tokens)
        {
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }
            words++;
            WordRole role = t.Role; // the token carries its entry's role: no entry read per word
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
