namespace Evident.Text.Tokens;

/// <summary>The rules' common look back: the word tokens before a token, nearest first, within its clause.</summary>
internal static class ClauseWords
{
    /// <summary>
    /// Fills <paramref name="into"/> with the indices of up to its length of word tokens before token <paramref name="i"/>,
    /// stopping at a clause end (, ; : dash), a sentence end or the start; returns how many.
    /// </summary>
    public static int Before(ReadOnlySpan<Token> tokens, int i, Span<int> into)
    {
        int found = 0;
        for (int j = i - 1; j >= 0 && found < into.Length; j--)
        {
            ref readonly Token t = ref tokens[j];
            if (t.Sentence != tokens[i].Sentence || t.Kind == TokenKind.Punctuation && (t.Flags & TokenMarks.ClauseEnd) != 0)
            {
                break;
            }
            if (t.Kind == TokenKind.Word)
            {
                into[found++] = j;
            }
        }
        return found;
    }
}
