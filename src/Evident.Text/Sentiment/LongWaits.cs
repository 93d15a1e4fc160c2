using System.Runtime.InteropServices;
using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>
/// "On hold for 40 minutes", "took 3 weeks", "two hours later": a stated span of time spent waiting is negative
/// although no word in it is. The longer the wait, the stronger (logarithmically), from a quarter of an hour.
/// </summary>
internal static class LongWaits
{
    private const double ThresholdMinutes = 15;
    private const int CueWordsBefore = 8;
    private const int CueWordsAfter = 6;

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
            if (minutes >= ThresholdMinutes && valences[i] == 0 && !WordBefore(tokens, i, g.Within) && !IsRate(tokens, i, g) && !IsQuick(tokens, i, end, g) &&
                !Describes(tokens, end, g) && !NotSpentNow(tokens, i, g) && (InWaitingContext(tokens, i, end, g) || WordBefore(tokens, i, g.Been)))
            {
                valences[i] = (float)-Math.Clamp(1.0 + 0.5 * Math.Log2(minutes / ThresholdMinutes), 1.0, 3.0);
                rules[i] = ValenceRule.LongWait;
            }
            i = end - 1;
        }
    }

    /// <summary>
    /// "paid out in 2 days", "fixed in 5 min", "only 2 weeks later", "in just 5 minutes", "in under an hour", "less than 20
    /// minutes": how soon a thing was done, a quick span and not a wait. <paramref name="end"/> is one past the duration.
    /// </summary>
    private static bool IsQuick(ReadOnlySpan<Token> tokens, int first, int end, GrammarWords g) =>
        WordBefore(tokens, first, g.In) && !(end < tokens.Length && tokens[end].Entry == g.Ago) || // not "moved in 2 weeks ago"
        first > 0 && tokens[first - 1].Kind == TokenKind.Word && Array.IndexOf(g.QuickLeads, tokens[first - 1].Entry) >= 0 ||
        first > 1 && WordBefore(tokens, first, g.Than) && WordBefore(tokens, first - 1, g.Less);

    /// <summary>
    /// "used to take my old bank 3 days", "called expecting a 2 hr hold": a wait in a "used to" clause, up to five words
    /// before the duration in its sentence, is how things were, told to praise how they are now; one after "expecting" (two
    /// words before it at most) was feared and did not happen.
    /// </summary>
    private static bool NotSpentNow(ReadOnlySpan<Token> tokens, int first, GrammarWords g)
    {
        for (int k = first - 1; k >= 0 && k >= first - 7 && tokens[k].Sentence == tokens[first].Sentence; k--)
        {
            if (tokens[k].Kind != TokenKind.Word)
            {
                continue;
            }
            if (tokens[k].Entry == g.Used && g.Used >= 0 && k + 1 < first && tokens[k + 1].Entry == g.To ||
                k >= first - 3 && Array.IndexOf(g.Expecting, tokens[k].Entry) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the rules read a long wait anywhere in the text: a vectorised byte search, since it runs for every text.</summary>
    public static bool AnyIn(ReadOnlySpan<ValenceRule> rules) => MemoryMarshal.Cast<ValenceRule, byte>(rules).Contains((byte)ValenceRule.LongWait);

    /// <summary>Whether the word right before token <paramref name="first"/> is <paramref name="entry"/> (a <see cref="GrammarWords"/> id).</summary>
    private static bool WordBefore(ReadOnlySpan<Token> tokens, int first, int entry) =>
        first > 0 && tokens[first - 1].Kind == TokenKind.Word && tokens[first - 1].Entry == entry && entry >= 0;

    /// <summary>"once a week", "every three months", "every 15 min", "$140 a month": how often or how much per span of time.</summary>
    private static bool IsRate(ReadOnlySpan<Token> tokens, int first, GrammarWords g) =>
        first > 0 && (tokens[first].Kind == TokenKind.Word && tokens[first - 1].Kind == TokenKind.Number ||
            (tokens[first - 1].Kind == TokenKind.Word && Array.IndexOf(g.RateWords, tokens[first - 1].Entry) >= 0));

    /// <summary>
    /// "a 90 day warranty", "a 1 month subscription": the duration says how long the thing after it lasts; "13 hours left",
    /// "45 minutes prior to departure": time not spent waiting.
    /// </summary>
    private static bool Describes(ReadOnlySpan<Token> tokens, int end, GrammarWords g) =>
        end < tokens.Length && tokens[end].Kind == TokenKind.Word && tokens[end].Sentence == tokens[end - 1].Sentence &&
        (Array.IndexOf(g.DurationNouns, tokens[end].Entry) >= 0 || Array.IndexOf(g.DurationNouns, tokens[end].Lemma) >= 0 ||
         Array.IndexOf(g.NotWaitedAfters, tokens[end].Entry) >= 0);

    /// <summary>
    /// A wait cue close to the duration in its sentence: up to <see cref="CueWordsBefore"/> words before it ("sat on the
    /// runway for an hour", "still can't make a reservation after 1 hour") or <see cref="CueWordsAfter"/> after ("25 min of
    /// being on hold", "a week ago, but you still remain silent"). A cue further off belongs to another part of the
    /// sentence: "I got my camera three days back, and although …, I still rate myself a beginner". "Later" right after
    /// the duration counts only beside a negation ("twenty minutes later I'm told I never ordered") or after the thing it
    /// moved ("a flight 2 days later"): alone it tells a story ("a couple of months later, I returned", "two months later
    /// he was dismissed").
    /// </summary>
    private static bool InWaitingContext(ReadOnlySpan<Token> tokens, int first, int end, GrammarWords g)
    {
        ushort sentence = tokens[first].Sentence;
        int words = 0;
        for (int j = first - 1; j >= 0 && tokens[j].Sentence == sentence && words < CueWordsBefore; j--)
        {
            if (tokens[j].Kind == TokenKind.Punctuation)
            {
                continue;
            }
            words++;
            if (HasRole(tokens[j], WordRole.WaitCue) || words <= 2 && tokens[j].Kind == TokenKind.Word && tokens[j].Entry == g.Taking && g.Taking >= 0)
            {
                return true; // "taking" only right before the duration ("it's taking 3 weeks", "taking over an hour")
            }
        }
        words = 0;
        for (int j = end; j < tokens.Length && tokens[j].Sentence == sentence && words < CueWordsAfter; j++)
        {
            if (tokens[j].Kind == TokenKind.Punctuation)
            {
                continue;
            }
            words++;
            if (HasRole(tokens[j], WordRole.WaitCue) &&
                (tokens[j].Entry != g.Later || (j == end && (HasNegation(tokens, sentence) || AfterNamedThing(tokens, first, g)))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"rebooked on a flight 2 days later", "an appointment six weeks later": the thing moved, one or two words after a determiner.</summary>
    private static bool AfterNamedThing(ReadOnlySpan<Token> tokens, int first, GrammarWords g)
    {
        for (int j = first - 2; j >= 0 && j >= first - 3; j--)
        {
            if (tokens[j + 1].Kind != TokenKind.Word || tokens[j].Kind != TokenKind.Word || tokens[j].Sentence != tokens[first].Sentence)
            {
                return false;
            }
            if (Array.IndexOf(g.Determiners, tokens[j].Entry) >= 0)
            {
                return Array.IndexOf(g.Determiners, tokens[first - 1].Entry) < 0;
            }
        }
        return false;
    }

    private static bool HasNegation(ReadOnlySpan<Token> tokens, ushort sentence)
    {
        foreach (ref readonly Token t in tokens)
        {
            if (t.Sentence == sentence && HasRole(t, WordRole.Negator | WordRole.Nobody))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasRole(in Token t, WordRole role) => t.Kind == TokenKind.Word && (t.Role & role) != 0;
}
