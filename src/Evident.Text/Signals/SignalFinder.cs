using Evident.Text.Phrases;
using Evident.Text.Sentiment;
using Evident.Text.Tokens;

namespace Evident.Text.Signals;

/// <summary>Emotions, friction, audit and reply signals found in one text.</summary>
internal sealed record FoundSignals(EmotionHit[] Emotions, FrictionHit[] Friction, SignalHit[] Signals);

/// <summary>
/// Matches the signal phrases (signals.tsv) and groups them by label. A phrase right after a negator does not
/// count ("I'm not angry", "no wait at all"). Stated waits add their duration in minutes.
/// </summary>
internal static class SignalFinder
{
    private const string Emotion = "emotion";
    private const string Friction = "friction";
    private const string Wait = "wait";

    private static readonly FoundSignals s_none = new([], [], []);

    public static FoundSignals Find(in AnalysisContext c, Scratch scratch, RuleNames rules)
    {
        var buffer = scratch.Matches.AsSpan();
        var index = c.Lexicons.SignalPhrases;
        int n = index.FindAll(c.Tokens, buffer);
        if (n == 0 && !LongWaits.AnyIn(c.Rules))
        {
            return s_none;
        }
        // evidence per label, indexed by label: labels are few, so an array beats a dictionary; the thread's, reused
        var (byLabel, filled) = scratch.SignalLabels(c.Lexicons.SignalLabels.Count);
        // the longest match, in tokens and in characters: a match inside another starts no further back than that, so
        // the searches below look at a window, not at every match (a long text held thousands, and took seconds)
        int widest = 0, longest = 0;
        foreach (var match in buffer[..n])
        {
            widest = Math.Max(widest, match.EndToken - match.FirstToken);
            longest = Math.Max(longest, c.SpanOf(match.FirstToken, match.EndToken).Length);
        }
        for (int m = 0; m < n; m++)
        {
            var match = buffer[m];
            if (IsNegated(c.Tokens, match.FirstToken, c.Lexicons.Vocabulary.Grammar) || IsInsideLonger(buffer[..n], m, widest, c.Lexicons))
            {
                continue;
            }
            int label = index.Payloads[match.Phrase];
            var evidence = Taken(byLabel, filled, label);
            var span = c.SpanOf(match.FirstToken, match.EndToken);
            if (!Contains(evidence, span, longest))
            {
                evidence.Add(new Evidence(span, rules.Signals[match.Phrase]));
            }
        }
        AddLongWaits(c, byLabel, filled);

        var (emotions, friction, signals) = (scratch.Emotions, scratch.Friction, scratch.Signals);
        emotions.Clear();
        friction.Clear();
        signals.Clear();
        for (int label = 0; label < c.Lexicons.SignalLabels.Count; label++)
        {
            if (!filled[label])
            {
                continue;
            }
            var evidence = byLabel[label];
            evidence.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            var (category, name) = c.Lexicons.SignalLabels[label];
            switch (category)
            {
                case Emotion:
                    emotions.Add(new EmotionHit(name, evidence.ToArray()));
                    break;
                case Friction:
                    friction.Add(new FrictionHit(name, name == Wait ? WaitMinutes(c, evidence) : null, evidence.ToArray()));
                    break;
                default:
                    signals.Add(new SignalHit(name, evidence.ToArray()));
                    break;
            }
        }
        return new FoundSignals([.. emotions], [.. friction], [.. signals]);
    }

    /// <summary>The label's evidence list, emptied the first time the text takes it.</summary>
    private static List<Evidence> Taken(List<Evidence>[] byLabel, bool[] filled, int label)
    {
        var evidence = byLabel[label];
        if (!filled[label])
        {
            evidence.Clear();
            filled[label] = true;
        }
        return evidence;
    }

    /// <summary>
    /// "Thanks for nothing" is not gratitude: a longer phrase of the same family silences the ones inside it — except
    /// that thanking staff is both gratitude and employee focus ("thank you to our nurses").
    /// </summary>
    /// <param name="matches">In the order of their first token, as <see cref="PhraseIndex.FindAll"/> finds them.</param>
    /// <param name="widest">The most tokens any of <paramref name="matches"/> covers.</param>
    private static bool IsInsideLonger(ReadOnlySpan<PhraseMatch> matches, int m, int widest, LexiconSet lexicons)
    {
        var index = lexicons.SignalPhrases;
        var match = matches[m];
        var (category, name) = lexicons.SignalLabels[index.Payloads[match.Phrase]];
        // a match that holds this one starts at or before it and ends at or after it, so no earlier than its end less the widest
        int first = m;
        while (first > 0 && matches[first - 1].FirstToken >= match.EndToken - widest)
        {
            first--;
        }
        for (int o = first; o < matches.Length && matches[o].FirstToken <= match.FirstToken; o++)
        {
            var other = matches[o];
            var otherLabel = lexicons.SignalLabels[index.Payloads[other.Phrase]];
            if (other.FirstToken <= match.FirstToken && other.EndToken >= match.EndToken &&
                other.EndToken - other.FirstToken > match.EndToken - match.FirstToken &&
                index.Payloads[other.Phrase] != index.Payloads[match.Phrase] &&
                otherLabel.Category == category &&
                !(name == "gratitude" && otherLabel.Label == "employee-focus"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a span of <paramref name="evidence"/> holds <paramref name="span"/>.</summary>
    /// <param name="evidence">Spans in the order of their start, none longer than <paramref name="longest"/>, none starting after <paramref name="span"/>.</param>
    private static bool Contains(List<Evidence> evidence, TextSpan span, int longest)
    {
        var spans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(evidence);
        for (int i = spans.Length - 1; i >= 0; i--)
        {
            var e = spans[i].Span;
            if (e.Start + longest < span.End)
            {
                return false; // this one and every earlier one end before the span does
            }
            if (span.Start >= e.Start && span.End <= e.End)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A negator or "no" one or two words before, in the same clause; not "despite", whose signal happened
    /// ("no update despite emailing three times" is a repeat contact).</summary>
    private static bool IsNegated(ReadOnlySpan<Token> tokens, int first, GrammarWords g)
    {
        Span<int> before = stackalloc int[2];
        foreach (int j in before[..ClauseWords.Before(tokens, first, before)])
        {
            if ((tokens[j].Role & (WordRole.Negator | WordRole.No)) != 0 && tokens[j].Entry != g.Despite)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A wait the sentiment rules read from a stated duration is friction even without a wait phrase.</summary>
    private static void AddLongWaits(in AnalysisContext c, List<Evidence>[] byLabel, bool[] filled)
    {
        for (int i = 0; i < c.Tokens.Length; i++)
        {
            if (c.Rules[i] != ValenceRule.LongWait || !Durations.TryRead(c.Text, c.Tokens, i, c.Lexicons.Vocabulary, out _, out int end))
            {
                continue;
            }
            int label = WaitLabel(c.Lexicons);
            if (label < 0)
            {
                return;
            }
            Taken(byLabel, filled, label).Add(new Evidence(c.SpanOf(i, end), RuleNames.LongWait));
        }
    }

    private static int WaitLabel(LexiconSet lexicons)
    {
        for (int i = 0; i < lexicons.SignalLabels.Count; i++)
        {
            if (lexicons.SignalLabels[i] is { Category: Friction, Label: Wait })
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The first token that starts at <paramref name="start"/>, or -1: tokens are in the order of their start.</summary>
    private static int TokenAt(ReadOnlySpan<Token> tokens, int start)
    {
        int low = 0, high = tokens.Length - 1, found = -1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            if (tokens[middle].Start < start)
            {
                low = middle + 1;
            }
            else
            {
                found = tokens[middle].Start == start ? middle : found;
                high = middle - 1;
            }
        }
        return found;
    }

    /// <summary>The longest duration stated in a sentence that mentions the wait.</summary>
    private static double? WaitMinutes(in AnalysisContext c, List<Evidence> evidence)
    {
        var tokens = c.Tokens;
        if (tokens.Length == 0)
        {
            return null;
        }
        // the sentences the evidence starts in, one bit each (a set and a sorted copy of the starts cost two allocations a wait)
        int words = (tokens[^1].Sentence >> 6) + 1;
        Span<ulong> sentences = words <= 8 ? stackalloc ulong[8] : new ulong[words];
        sentences.Clear();
        foreach (var x in evidence)
        {
            if (TokenAt(tokens, x.Span.Start) is int i and >= 0)
            {
                sentences[tokens[i].Sentence >> 6] |= 1UL << tokens[i].Sentence;
            }
        }
        double longest = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if ((sentences[tokens[i].Sentence >> 6] & 1UL << tokens[i].Sentence) == 0 || !Durations.TryRead(c.Text, tokens, i, c.Lexicons.Vocabulary, out double minutes, out int end))
            {
                continue;
            }
            longest = Math.Max(longest, minutes);
            i = end - 1;
        }
        return longest > 0 ? Math.Round(longest, 1) : null;
    }
}
