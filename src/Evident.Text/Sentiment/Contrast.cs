using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>Contrast: what follows "but" outweighs what precedes it; a concessive clause ("although …") weighs less.</summary>
internal static class Contrast
{
    private const float Before = 0.5f;
    private const float After = 1.5f;

    /// <summary>VADER's rule: the first "but" of the whole text halves everything before it and adds half to everything after.</summary>
    public static void ApplyVaderBut(ReadOnlySpan<Token> tokens, Span<float> valences, Vocabulary vocabulary)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && tokens[i].Entry >= 0 && tokens[i].Entry == vocabulary.Grammar.But)
            {
                Scale(valences[..i], Before);
                Scale(valences[(i + 1)..tokens.Length], After);
                return;
            }
        }
    }

    /// <summary>Within each sentence: the last "but"/"however" splits it; an "although" clause is halved.</summary>
    public static void ApplyPerSentence(ReadOnlySpan<Token> tokens, Span<float> valences)
    {
        int sentenceStart = 0;
        int previousStart = -1;
        while (sentenceStart < tokens.Length)
        {
            int end = sentenceStart;
            ushort sentence = tokens[sentenceStart].Sentence;
            int pivot = -1;
            while (end < tokens.Length && tokens[end].Sentence == sentence)
            {
                ref readonly Token t = ref tokens[end];
                if (t.Kind == TokenKind.Word)
                {
                    WordRole role = t.Role;
                    if ((role & WordRole.ContrastAfter) != 0)
                    {
                        pivot = end;
                    }
                    else if ((role & WordRole.ContrastConcessive) != 0)
                    {
                        int clauseEnd = ClauseWords.End(tokens, end);
                        Scale(valences[(end + 1)..clauseEnd], Before);
                    }
                }
                end++;
            }
            if (pivot >= 0)
            {
                // a sentence that opens with "But" answers the one before it: "Breakfast was excellent. But the bathroom had mould."
                int from = previousStart >= 0 && SentimentScorer.FirstWord(tokens, sentenceStart, end) == pivot ? previousStart : sentenceStart;
                Scale(valences[from..pivot], Before);
                Scale(valences[(pivot + 1)..end], After);
            }
            previousStart = sentenceStart;
            sentenceStart = end;
        }
    }

    private static void Scale(Span<float> values, float factor)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }
}
