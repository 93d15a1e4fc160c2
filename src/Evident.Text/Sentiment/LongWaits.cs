using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>
/// "On hold for 40 minutes", "took 3 weeks", "two hours later": a stated span of time spent waiting is negative
/// although no word in it is. The longer the wait, the stronger (logarithmically), from a quarter of an hour.
/// </summary>
internal static class LongWaits
{
    private const double ThresholdMinutes = 15;

    public static void Apply(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Vocabulary vocabulary, Span<float> valences, Span<ValenceRule> rules)
    {
        var g = vocabulary.Grammar;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!Durations.TryRead(text, tokens, i, vocabulary, out double minutes, out int end))
            {
                continue;
            }
            // "within a day": a promise kept or a limit; "it's been 24 hours now", "we've been 2 hours on the tarmac": time waited
            if (minutes >= ThresholdMinutes && valences[i] == 0 && !WordBefore(tokens, i, g.Within) && !Describes(tokens, end, g) &&
                (InWaitingContext(tokens, i, end) || WordBefore(tokens, i, g.Been)))
            {
                valences[i] = (float)-Math.Clamp(1.0 + 0.5 * Math.Log2(minutes / ThresholdMinutes), 1.0, 3.0);
                rules[i] = ValenceRule.LongWait;
            }
            i = end - 1;
        }
    }

    /// <summary>Whether the word right before token <paramref name="first"/> is <paramref name="entry"/> (a <see cref="GrammarWords"/> id).</summary>
    private static bool WordBefore(ReadOnlySpan<Token> tokens, int first, int entry) =>
        first > 0 && tokens[first - 1].Kind == TokenKind.Word && tokens[first - 1].Entry == entry && entry >= 0;

    /// <summary>"a 90 day warranty", "a 1 month subscription": the duration says how long the thing after it lasts.</summary>
    private static bool Describes(ReadOnlySpan<Token> tokens, int end, GrammarWords g) =>
        end < tokens.Length && tokens[end].Kind == TokenKind.Word && tokens[end].Sentence == tokens[end - 1].Sentence &&
        (Array.IndexOf(g.DurationNouns, tokens[end].Entry) >= 0 || Array.IndexOf(g.DurationNouns, tokens[end].Lemma) >= 0);

    /// <summary>A wait cue anywhere in the same sentence ("hold", "took", "still", "later").</summary>
    private static bool InWaitingContext(ReadOnlySpan<Token> tokens, int first, int end)
    {
        ushort sentence = tokens[first].Sentence;
        for (int j = first - 1; j >= 0 && tokens[j].Sentence == sentence; j--)
        {
            if (HasRole(tokens[j], WordRole.WaitCue))
            {
                return true;
            }
        }
        for (int j = end; j < tokens.Length && tokens[j].Sentence == sentence; j++)
        {
            if (HasRole(tokens[j], WordRole.WaitCue))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasRole(in Token t, WordRole role) => t.Kind == TokenKind.Word && (t.Role & role) != 0;
}
