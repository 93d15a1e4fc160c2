namespace Evident.Text.Tokens;

/// <summary>The rules' common look around a token within its clause (bounded by , ; : dashes and the sentence).</summary>
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

    /// <summary>The first token of the clause holding token <paramref name="i"/>: just after a clause end, or the sentence's first.</summary>
    public static int Start(ReadOnlySpan<Token> tokens, int i)
    {
        int from = i;
        while (from > 0 && tokens[from - 1].Sentence == tokens[i].Sentence && (tokens[from - 1].Flags & TokenMarks.ClauseEnd) == 0)
        {
            from--;
        }
        return from;
    }

    /// <summary>One past token <paramref name="i"/>'s clause: the next clause end after it, the next sentence, or the text's end.</summary>
    public static int End(ReadOnlySpan<Token> tokens, int i)
    {
        int to = i + 1;
        while (to < tokens.Length && tokens[to].Sentence == tokens[i].Sentence && (tokens[to].Flags & TokenMarks.ClauseEnd) == 0)
        {
            to++;
        }
        return to;
    }
}
