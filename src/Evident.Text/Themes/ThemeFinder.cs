using Evident.Text.Phrases;
using Evident.Text.Sentiment;
using Evident.Text.Tokens;

namespace Evident.Text.Themes;

/// <summary>Finds the taxonomy's themes in a text, each with its spans and the sentiment of the clauses that mention it.</summary>
internal static class ThemeFinder
{
    public static ThemeHit[] Find(in AnalysisContext c, Scratch scratch, RuleNames rules)
    {
        var buffer = scratch.Matches.AsSpan();
        var index = c.Lexicons.ThemePhrases;
        int themes = c.Lexicons.Taxonomy.Themes.Count;
        int found = index.FindAll(c.Tokens, buffer);
        // an exception that matched says what the text is not about ("train ... delay" in a workspace that keeps trains
        // apart): the learnt words must not bring it back
        bool excepted = AnyException(buffer[..found], index, themes);
        int n = excepted ? RemoveExcepted(buffer[..found], index, themes) : found;
        n = ResolveFallbacks(buffer[..n], index, themes);
        var hits = WithTimePassed(c, WithLongWait(c, FromPhrases(c, buffer[..n], scratch.ThemeEvidence, rules)));
        if (hits.Length == 0)
        {
            return c.Options.LearntTheme && !c.IsForeign && !excepted ? Learnt(c) : hits;
        }
        if (c.Options.LearntMainTheme && hits.Length > 1)
        {
            LearntFirst(hits, c.Lexicons.Tone.MainOf(c.ToneFeatures.Of(c.Tokens, c.Lexicons.Tone), hits));
        }
        return hits;
    }

    /// <summary>
    /// The theme the learnt words give a text that no phrase or rule named one in
    /// (<see cref="ToneModel.LearntTheme(ReadOnlySpan{Token}, out int, out int, out string)"/>), if the workspace's taxonomy
    /// holds it: its evidence is the word or pair that weighed most, with the rule "theme-learnt:" and that feature; its
    /// sentiment, the clauses around it. Not asked when a theme's exception matched (<see cref="Find"/>).
    /// </summary>
    private static ThemeHit[] Learnt(in AnalysisContext c)
    {
        var tone = c.Lexicons.Tone;
        if (tone.LearntTheme(c.ToneFeatures.Of(c.Tokens, tone), c.Tokens, out int at, out int pairEnd, out string feature) is not { } id ||
            c.Lexicons.Taxonomy.Find(id) is not { } definition)
        {
            return [];
        }
        return [RuleHit(c, definition, at, Math.Max(at, pairEnd) + 1, RuleNames.LearntThemePrefix + feature) with { Learnt = true }];
    }

    /// <summary>
    /// Puts first the found theme the learnt words favour by a wide margin over the one the phrases put first
    /// (<see cref="ToneModel.MainOf(ReadOnlySpan{Token}, IReadOnlyList{ThemeHit})"/>): "the app keeps logging me out and I
    /// can't get into my account" names the app first, but is about the account. The others keep their order.
    /// </summary>
    private static void LearntFirst(ThemeHit[] hits, int main)
    {
        if (main <= 0)
        {
            return;
        }
        var hit = hits[main];
        Array.Copy(hits, 0, hits, 1, main);
        hits[0] = hit;
    }

    /// <param name="evidence">The thread's list to gather each theme's evidence in; each hit keeps an array of its size.</param>
    private static ThemeHit[] FromPhrases(in AnalysisContext c, Span<PhraseMatch> buffer, List<Evidence> evidence, RuleNames rules)
    {
        var index = c.Lexicons.ThemePhrases;
        int themes = c.Lexicons.Taxonomy.Themes.Count;
        int n = buffer.Length;
        if (n == 0)
        {
            return [];
        }
        // which themes the matches name, in the order first named: one look at each match (asking, for each, whether an
        // earlier one named its theme cost a long text's thousands of matches a pass over the ones before)
        Span<bool> named = themes <= 256 ? stackalloc bool[256] : new bool[themes];
        named.Clear();
        Span<int> order = themes <= 64 ? stackalloc int[64] : new int[themes];
        int distinct = 0;
        for (int m = 0; m < n; m++)
        {
            int theme = ThemeOf(index.Payloads[buffer[m].Phrase], themes);
            if (!named[theme])
            {
                named[theme] = true;
                order[distinct++] = m;
            }
        }
        var hits = new ThemeHit[distinct];
        Span<float> weights = distinct <= 32 ? stackalloc float[32] : new float[distinct];
        // per hit: its theme's index, twice, plus one when weak phrases alone name it (WeakBehind); moved with the hit
        Span<int> tags = distinct <= 32 ? stackalloc int[32] : new int[distinct];
        int h = 0;
        int longest = 0; // the longest passage of any theme, in characters (Passages)
        // a long text naming themes many times reads its clauses from a table made in one pass: scanning out from each
        // match to the clause's ends made a long sentence without commas cost its length once per match
        var clauses = n > ClauseTable.WorthMaking ? new ClauseTable(c.Tokens, c.Valences) : null;
        foreach (int m in order[..distinct])
        {
            int theme = ThemeOf(index.Payloads[buffer[m].Phrase], themes);
            evidence.Clear();
            bool judged = false, weak = true;
            var sentiment = default(SentimentAccumulator);
            int lastClauseStart = -1;
            int reach = int.MinValue; // where the passages taken so far end, at the furthest
            for (int k = m; k < n; k++)
            {
                var match = buffer[k];
                var span = c.SpanOf(match.FirstToken, match.EndToken);
                // the matches come in the order of their start, so a passage overlaps one taken before it exactly when
                // it starts before the furthest end so far
                if (ThemeOf(index.Payloads[match.Phrase], themes) != theme || span.Start < reach)
                {
                    continue;
                }
                reach = Math.Max(reach, span.End);
                longest = Math.Max(longest, span.Length);
                evidence.Add(new Evidence(span, rules.Themes[match.Phrase]));
                judged = judged || Judges(c.Valences, match.FirstToken, match.EndToken);
                weak = weak && c.Lexicons.IsWeakThemePhrase(match.Phrase);
                var (from, to) = clauses?.Around(match.FirstToken, match.EndToken) ?? Clauses.Around(c.Tokens, c.Valences, match.FirstToken, match.EndToken);
                if (from != lastClauseStart)
                {
                    sentiment.Add(c.Tokens, c.Valences, from, to);
                    lastClauseStart = from;
                }
            }
            var definition = c.Lexicons.Taxonomy.ByIndex[theme];
            weights[h] = definition.Specificity - NamedBefore(hits, h, evidence[0].Span.Start) + (judged ? JudgedWeight : 0);
            tags[h] = 2 * theme + (weak ? 1 : 0);
            hits[h++] = new ThemeHit(definition.Id, definition.Name, sentiment.ToScore(c.Options.Alpha), evidence.ToArray());
        }
        if (distinct > 1)
        {
            for (int k = 0; k < distinct; k++)
            {
                weights[k] += 4 * Passages(hits, k, longest);
            }
            MainFirst(hits, weights[..distinct], tags);
            LeadFirst(hits, tags, c.Lexicons.Taxonomy);
            WeakBehind(hits, tags);
        }
        return hits;
    }

    /// <summary>
    /// Puts first the theme that leads the one the points put first (<see cref="Theme.Leads"/>): "flight delayed 5 hours, I
    /// want a refund" is about the refund, whichever was named more; the first such theme in the points' order moves up,
    /// the others keep theirs.
    /// </summary>
    private static void LeadFirst(ThemeHit[] hits, Span<int> tags, ThemeTaxonomy taxonomy)
    {
        for (int k = 1; k < hits.Length; k++)
        {
            if (taxonomy.LeadsOver(tags[k] >> 1, tags[0] >> 1))
            {
                MoveTo(hits, tags, k, 0);
                return;
            }
        }
    }

    /// <summary>
    /// Puts the themes named by weak phrases alone (<see cref="LexiconSet.IsWeakThemePhrase(int)"/>) behind the others,
    /// each group in its order: "change the date" names a booking weakly (the probe readers gave a booking in under half the
    /// texts it was found in), so "changing the date means paying the fare difference PLUS a £45 admin fee" leads with
    /// the fee's policy. Only when the first is weak: otherwise the main theme stands.
    /// </summary>
    private static void WeakBehind(ThemeHit[] hits, Span<int> tags)
    {
        if ((tags[0] & 1) == 0)
        {
            return;
        }
        int strong = 0; // strong themes placed so far, each before every weak one
        for (int k = 0; k < hits.Length; k++)
        {
            if ((tags[k] & 1) == 0)
            {
                MoveTo(hits, tags, k, strong++);
            }
        }
    }

    /// <summary>Moves hit <paramref name="from"/> (and its tag) to <paramref name="to"/>, the ones between one place on.</summary>
    private static void MoveTo(ThemeHit[] hits, Span<int> tags, int from, int to)
    {
        var hit = hits[from];
        int tag = tags[from];
        for (int k = from; k > to; k--)
        {
            hits[k] = hits[k - 1];
            tags[k] = tags[k - 1];
        }
        hits[to] = hit;
        tags[to] = tag;
    }

    /// <summary>
    /// Half a point for a theme named by words that judge (a passage holding a word with sentiment: "spotless", "rolled
    /// her eyes", "locked out") over one only named ("the lounge", "the app", "on the ward"): between themes otherwise
    /// equal, the one the customer passed a verdict on leads the place it happened. Half, so it only breaks ties.
    /// </summary>
    private const float JudgedWeight = 0.5f;

    private static bool Judges(ReadOnlySpan<float> valences, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (valences[t] != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The themes among the first <paramref name="count"/> named before <paramref name="start"/>: one passage
    /// naming two themes ("the fraud team") puts neither behind the other.</summary>
    private static int NamedBefore(ThemeHit[] hits, int count, int start)
    {
        int before = 0;
        for (int k = 0; k < count; k++)
        {
            before += EvidenceOf(hits[k])[0].Span.Start < start ? 1 : 0;
        }
        return before;
    }

    /// <summary>
    /// The passages naming theme <paramref name="k"/> that are not inside a longer passage of another theme: in "the
    /// delivery driver lost my parcel", "parcel" is part of "lost my parcel", not a second mention of delivery.
    /// </summary>
    /// <param name="longest">The longest passage of any hit, in characters: one that holds a passage starts no earlier than
    /// that passage's end less this, and each hit's passages are in the order of their start, so only that stretch of
    /// them is looked at.</param>
    private static int Passages(ThemeHit[] hits, int k, int longest)
    {
        int passages = 0;
        var evidence = EvidenceOf(hits[k]);
        for (int i = 0; i < evidence.Length; i++)
        {
            var span = evidence[i].Span;
            bool inside = false;
            for (int o = 0; o < hits.Length && !inside; o++)
            {
                if (o == k)
                {
                    continue;
                }
                var others = EvidenceOf(hits[o]);
                for (int j = FirstStartingFrom(others, span.End - longest); j < others.Length && others[j].Span.Start <= span.Start; j++)
                {
                    var other = others[j].Span;
                    if (other.Length > span.Length && span.End <= other.End)
                    {
                        inside = true;
                        break;
                    }
                }
            }
            passages += inside ? 0 : 1;
        }
        return passages;
    }

    /// <summary>The first of <paramref name="evidence"/> (in the order of its start) that starts at or after <paramref name="start"/>.</summary>
    private static int FirstStartingFrom(ReadOnlySpan<Evidence> evidence, int start)
    {
        int low = 0, high = evidence.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (evidence[middle].Span.Start < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>
    /// A hit's evidence as the array <see cref="FromPhrases"/> made it: read through the list's interface, each count and
    /// each item was a call (the CLI runs without profile-guided tiers, which would have made them direct).
    /// </summary>
    private static ReadOnlySpan<Evidence> EvidenceOf(ThemeHit hit) => hit.Evidence as Evidence[] ?? [.. hit.Evidence];

    /// <summary>
    /// Orders the themes main one first: four points for each passage naming a theme, one for each step of its
    /// <see cref="Theme.Specificity"/>, less one for each theme named before it, half a point when a passage judges
    /// (<see cref="JudgedWeight"/>); ties keep the text's order. So the theme
    /// named most leads, and between themes named once a precise reason leads the area it happened in, unless named two
    /// themes later: "Charged twice on my card, someone used my details" is about fraud before billing. Chosen over the
    /// probe sets, the labelled TWCS tweets and two fresh airline sets (docs/language-engine.md).
    /// </summary>
    private static void MainFirst(ThemeHit[] hits, Span<float> weights, Span<int> tags)
    {
        for (int i = 1; i < hits.Length; i++) // insertion sort: stable, and a text names few themes
        {
            var hit = hits[i];
            float weight = weights[i];
            int tag = tags[i];
            int j = i - 1;
            for (; j >= 0 && weights[j] < weight; j--)
            {
                hits[j + 1] = hits[j];
                weights[j + 1] = weights[j];
                tags[j + 1] = tags[j];
            }
            hits[j + 1] = hit;
            weights[j + 1] = weight;
            tags[j + 1] = tag;
        }
    }

    private const string WaitTime = "wait-time";
    private const string Delay = "delay";

    /// <summary>Longest wait, in minutes, still read as waiting in place (<c>wait-time</c>) rather than as something late (<c>delay</c>).</summary>
    private const double WaitTimeMinutes = 24 * 60;

    /// <summary>
    /// A stated long wait (<see cref="ValenceRule.LongWait"/>) names a theme when no phrase did: "after 20 min hold" is
    /// <c>wait-time</c>, "8 days waiting for bag" and "3+ days processing" are <c>delay</c> (a day or less is waited
    /// through, longer is late). The first such duration decides; its evidence is the duration and the rule.
    /// </summary>
    private static ThemeHit[] WithLongWait(in AnalysisContext c, ThemeHit[] hits)
    {
        if (!LongWaits.AnyIn(c.Rules))
        {
            return hits;
        }
        if (NamesWaitOrDelay(hits))
        {
            return hits;
        }
        for (int i = 0; i < c.Tokens.Length; i++)
        {
            if (c.Rules[i] != ValenceRule.LongWait || !Durations.TryRead(c.Text, c.Tokens, i, c.Lexicons.Vocabulary, out double minutes, out int end))
            {
                continue;
            }
            if (c.Lexicons.Taxonomy.Find(minutes <= WaitTimeMinutes ? WaitTime : Delay) is not { } definition)
            {
                return hits;
            }
            return [.. hits, RuleHit(c, definition, i, end, RuleNames.LongWait)];
        }
        return hits;
    }

    /// <summary>
    /// A time past the one promised (<see cref="ValenceRule.TimePassed"/>: "booked 8-12 … its 3pm", "meant to complete on
    /// the 3rd. It's the 28th") names <c>delay</c> when no phrase named <c>delay</c> or <c>wait-time</c>; its evidence is the
    /// time, with that rule.
    /// </summary>
    private static ThemeHit[] WithTimePassed(in AnalysisContext c, ThemeHit[] hits)
    {
        int at = c.Rules.IndexOf(ValenceRule.TimePassed);
        if (at < 0)
        {
            return hits;
        }
        if (NamesWaitOrDelay(hits) || c.Lexicons.Taxonomy.Find(Delay) is not { } definition)
        {
            return hits;
        }
        return [.. hits, RuleHit(c, definition, at, at + 1, RuleNames.TimePassed)];
    }

    private static bool NamesWaitOrDelay(ThemeHit[] hits)
    {
        foreach (var hit in hits)
        {
            if (hit.Id is WaitTime or Delay)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A theme named by a sentiment rule over tokens [first, end): its sentiment is that of the clause around them.</summary>
    private static ThemeHit RuleHit(in AnalysisContext c, Theme definition, int first, int end, string rule)
    {
        var (from, to) = Clauses.Around(c.Tokens, c.Valences, first, end);
        var sentiment = default(SentimentAccumulator);
        sentiment.Add(c.Tokens, c.Valences, from, to);
        return new ThemeHit(definition.Id, definition.Name, sentiment.ToScore(c.Options.Alpha), [new Evidence(c.SpanOf(first, end), rule)]);
    }

    /// <summary>The theme a payload stands for: a theme's phrase, or one of its fallbacks (see <see cref="LexiconSet.ThemePhrases"/>).</summary>
    private static int ThemeOf(int payload, int themes) => payload >= 2 * themes ? payload - 2 * themes : payload;

    private static bool IsException(int payload, int themes) => payload >= themes && payload < 2 * themes;

    /// <summary>Whether a payload is one of a theme's fallback phrases (see <see cref="LexiconSet.ThemePhrases"/>).</summary>
    internal static bool IsFallback(int payload, int themes) => payload >= 2 * themes;

    /// <summary>
    /// Fallback phrases ("didn't work", "having issues") count only when no theme's own phrase was found: then they stay,
    /// otherwise they go. Returns how many matches remain, in order.
    /// </summary>
    internal static int ResolveFallbacks(Span<PhraseMatch> matches, PhraseIndex index, int themes)
    {
        bool fallback = false, named = false;
        foreach (var m in matches)
        {
            int payload = index.Payloads[m.Phrase];
            fallback |= IsFallback(payload, themes);
            named |= payload < themes;
        }
        if (!fallback || !named)
        {
            return matches.Length;
        }
        int kept = 0;
        for (int m = 0; m < matches.Length; m++)
        {
            if (index.Payloads[matches[m].Phrase] < themes)
            {
                matches[kept++] = matches[m];
            }
        }
        return kept;
    }

    /// <summary>
    /// Takes out the exceptions found and every match of their theme (by a phrase or a fallback) that lies inside one: "no
    /// complaints" leaves no complaint handling behind. Returns how many matches remain, in order.
    /// </summary>
    internal static int DropExcepted(Span<PhraseMatch> matches, PhraseIndex index, int themes) =>
        AnyException(matches, index, themes) ? RemoveExcepted(matches, index, themes) : matches.Length;

    /// <summary>As <see cref="DropExcepted"/>, once an exception is known to have matched.</summary>
    private static int RemoveExcepted(Span<PhraseMatch> matches, PhraseIndex index, int themes)
    {
        // Decided for every match first, then compacted: compacting as it went would write kept matches over
        // exceptions that later matches still have to be checked against.
        Span<bool> drop = matches.Length <= 256 ? stackalloc bool[matches.Length] : new bool[matches.Length];
        for (int m = 0; m < matches.Length; m++)
        {
            int payload = index.Payloads[matches[m].Phrase];
            drop[m] = IsException(payload, themes) || IsExcepted(matches, index, matches[m], ThemeOf(payload, themes) + themes);
        }
        int kept = 0;
        for (int m = 0; m < matches.Length; m++)
        {
            if (!drop[m])
            {
                matches[kept++] = matches[m];
            }
        }
        return kept;
    }

    private static bool AnyException(ReadOnlySpan<PhraseMatch> matches, PhraseIndex index, int themes)
    {
        bool any = false;
        foreach (var m in matches)
        {
            any |= IsException(index.Payloads[m.Phrase], themes);
        }
        return any;
    }

    private static bool IsExcepted(ReadOnlySpan<PhraseMatch> matches, PhraseIndex index, PhraseMatch match, int exception)
    {
        foreach (var e in matches)
        {
            if (index.Payloads[e.Phrase] == exception && e.FirstToken <= match.FirstToken && match.EndToken <= e.EndToken)
            {
                return true;
            }
        }
        return false;
    }

}

/// <summary>The clause a phrase sits in: bounded by , ; : and dashes, contrast words and the sentence.</summary>
internal static class Clauses
{
    /// <summary>The clause around tokens [first, end); the whole sentence when the clause itself carries no sentiment.</summary>
    public static (int From, int To) Around(ReadOnlySpan<Token> tokens, ReadOnlySpan<float> valences, int first, int end)
    {
        ushort sentence = tokens[first].Sentence;
        int from = first;
        while (from > 0 && tokens[from - 1].Sentence == sentence && !IsBoundary(tokens[from - 1]))
        {
            from--;
        }
        int to = end;
        while (to < tokens.Length && tokens[to].Sentence == sentence && !IsBoundary(tokens[to]))
        {
            to++;
        }
        if (HasSentiment(valences, from, to))
        {
            return (from, to);
        }
        from = first;
        while (from > 0 && tokens[from - 1].Sentence == sentence)
        {
            from--;
        }
        to = end;
        while (to < tokens.Length && tokens[to].Sentence == sentence)
        {
            to++;
        }
        return (from, to);
    }

    internal static bool IsBoundary(in Token t) =>
        t.Kind == TokenKind.Punctuation && (t.Flags & TokenMarks.ClauseEnd) != 0 ||
        t.Kind == TokenKind.Word && (t.Role & (WordRole.ContrastAfter | WordRole.ContrastConcessive)) != 0; // the token carries its entry's role

    private static bool HasSentiment(ReadOnlySpan<float> valences, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (valences[i] != 0)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// <see cref="Clauses.Around"/> for every match of one text, each read in constant time from arrays made in one pass:
/// the clause runs from the token after the last boundary before the match (or the sentence's start) to the first
/// boundary at or after its end (or the sentence's end), and whether it carries sentiment is a difference of counts.
/// Gives what the scan gives, match for match.
/// </summary>
internal sealed class ClauseTable
{
    /// <summary>Matches in a text above which the table pays for itself.</summary>
    public const int WorthMaking = 32;

    private readonly int[] _sentenceFrom;   // per token: its sentence's first token
    private readonly int[] _sentenceTo;     // per token: one past its sentence's last token
    private readonly int[] _afterBoundary;  // per token i: one past the last boundary token before i, or 0
    private readonly int[] _nextBoundary;   // per position j (0..count): the first boundary token at or after j, or count
    private readonly int[] _judged;         // per position j (0..count): tokens before j that carry sentiment

    public ClauseTable(ReadOnlySpan<Token> tokens, ReadOnlySpan<float> valences)
    {
        int count = tokens.Length;
        _sentenceFrom = new int[count];
        _sentenceTo = new int[count];
        _afterBoundary = new int[count];
        _nextBoundary = new int[count + 1];
        _judged = new int[count + 1];
        for (int i = 0; i < count; i++)
        {
            bool opens = i == 0 || tokens[i - 1].Sentence != tokens[i].Sentence;
            _sentenceFrom[i] = opens ? i : _sentenceFrom[i - 1];
            _afterBoundary[i] = i == 0 ? 0 : Clauses.IsBoundary(tokens[i - 1]) ? i : _afterBoundary[i - 1];
            _judged[i + 1] = _judged[i] + (valences[i] != 0 ? 1 : 0);
        }
        _nextBoundary[count] = count;
        for (int i = count - 1; i >= 0; i--)
        {
            bool closes = i == count - 1 || tokens[i + 1].Sentence != tokens[i].Sentence;
            _sentenceTo[i] = closes ? i + 1 : _sentenceTo[i + 1];
            _nextBoundary[i] = Clauses.IsBoundary(tokens[i]) ? i : _nextBoundary[i + 1];
        }
    }

    /// <summary>As <see cref="Clauses.Around"/> for tokens [first, end).</summary>
    public (int From, int To) Around(int first, int end)
    {
        int sentenceFrom = _sentenceFrom[first];
        // the scan goes on past the end only through the first token's sentence (a match that crossed into the next one
        // stops where it ends)
        int sentenceTo = _sentenceFrom[end - 1] == sentenceFrom ? _sentenceTo[end - 1] : end;
        int from = Math.Max(sentenceFrom, _afterBoundary[first]);
        int to = Math.Min(sentenceTo, Math.Max(end, _nextBoundary[end]));
        return _judged[to] - _judged[from] > 0 ? (from, to) : (sentenceFrom, sentenceTo);
    }
}
