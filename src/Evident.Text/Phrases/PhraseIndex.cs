using System.Runtime.CompilerServices;
using Evident.Text.Tokens;

namespace Evident.Text.Phrases;

/// <summary>A phrase found in a text: which phrase, and the first and one-past-last token it covers.</summary>
public readonly record struct PhraseMatch(int Phrase, int FirstToken, int EndToken);

/// <summary>
/// A set of multi-word phrases, each word a lemma id (so inflections match), indexed by first lemma in one flat
/// array: finding the candidates at a token is two array reads, and matching compares ints.
/// </summary>
public sealed class PhraseIndex
{
    /// <summary>Marks a phrase word that matches any number ("40", "three").</summary>
    public const int AnyNumber = -2;
    /// <summary>Marks a phrase word that matches any one word.</summary>
    public const int AnyWord = -3;
    /// <summary>Marks a gap ("bag ... missing"): up to <see cref="MaxGapWords"/> other words of the same clause.</summary>
    public const int AnyGap = -4;
    /// <summary>Marks a phrase word that matches an amount of money: a number after a currency sign ("$65", "£30").</summary>
    public const int AnyMoney = -5;
    /// <summary>How many words a gap ("...") may skip.</summary>
    public const int MaxGapWords = 3;

    /// <summary>
    /// Words that may stand between a negation opening a phrase and the phrase's next word: "won't even open" is "won't
    /// open", "nobody actually answered" is "nobody answered". Only there: elsewhere they change what follows ("should be
    /// even better" is no "should be better", "I'm really liking it" no "I'm like"). Not "just": "not just happy" is no
    /// "not happy".
    /// </summary>
    public static readonly string[] FillerWords = ["even", "really", "actually", "literally", "ever"];

    /// <summary>How many filler words may stand after the negation.</summary>
    private const int MaxFillers = 2;

    private const WordRole Negations = WordRole.Negator | WordRole.Nobody | WordRole.No;

    // Candidates are kept as records, [phrase id, word count, its words…] back to back, longest phrase first: trying the
    // candidates at a token reads one run of memory, not an id, then its word offsets, then its words elsewhere (three
    // cache misses a candidate on a lexicon the size of the themes'; docs/benchmarks.md, twenty-ninth session).
    // One-word phrases and phrases whose second word is a wildcard, by first lemma L: _byFirst[_offsets[L].._offsets[L + 1]].
    // Longer phrases by their first two lemmas, so a common first word ("i", "my") does not try hundreds of phrases.
    private readonly int[] _offsets;
    private readonly int[] _byFirst;      // candidate records
    // Per lemma, one bit each: some phrase starts with it and has a fixed second word (_pairStarts), or is found through
    // _byFirst (_firstStarts). 2.5 KB each for 20,000 lemmas, so they stay in the first-level cache; reading a bool and
    // an offset per lemma (84 KB) took about a third of FindAll's ~180 ns per tweet, timed alone (docs/benchmarks.md).
    private readonly ulong[] _pairStarts;
    private readonly ulong[] _firstStarts;
    private readonly PairTable _byPair;
    private readonly int[] _numberFirst;  // records of phrases that start with '#' and go on with a wildcard, or end there
    // Phrases that start with '#' and a fixed word ("# minute wait"), by that word: a number tries the few that go on with
    // the word after it, not all of them (50–60 in the theme and signal lexicons, a call each, at every number).
    private readonly PairTable _byNumberPair;
    private readonly bool _hasNumberPairs;
    private readonly int[] _moneyFirst;   // records of phrases that start with '$', tried only at an amount of money
    private readonly int[] _wordStarts;   // phrase p has _wordStarts[p + 1] - _wordStarts[p] words
    private readonly int[] _payloads;
    private readonly ulong[] _fillers; // one bit per lemma: those of FillerWords

    private PhraseIndex(int[] offsets, int[] byFirst, bool[] startsPair, PairTable byPair, int[] numberFirst, PairTable byNumberPair, int[] moneyFirst, int[][] words, string[] texts, int[] payloads, int[] fillers)
    {
        _fillers = new ulong[(startsPair.Length + 63) / 64];
        foreach (int lemma in fillers)
        {
            _fillers[lemma >> 6] |= 1UL << lemma;
        }
        _pairStarts = new ulong[(startsPair.Length + 63) / 64];
        _firstStarts = new ulong[_pairStarts.Length];
        for (int lemma = 0; lemma < startsPair.Length; lemma++)
        {
            if (startsPair[lemma])
            {
                _pairStarts[lemma >> 6] |= 1UL << lemma;
            }
            if (offsets[lemma + 1] > offsets[lemma])
            {
                _firstStarts[lemma >> 6] |= 1UL << lemma;
            }
        }
        _offsets = offsets;
        _byFirst = byFirst;
        _byPair = byPair;
        _numberFirst = numberFirst;
        _byNumberPair = byNumberPair;
        _hasNumberPairs = !byNumberPair.IsEmpty; // read per number token: a field, not a call
        _moneyFirst = moneyFirst;
        _wordStarts = new int[words.Length + 1];
        for (int p = 0; p < words.Length; p++)
        {
            _wordStarts[p + 1] = _wordStarts[p] + words[p].Length;
        }
        _payloads = payloads;
        Texts = texts;
    }

    /// <summary>The phrase as written in its lexicon.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>
    /// What each phrase stands for, as the owner numbered it (a theme, a signal, a valence). A span, not a list: the finders
    /// read it several times per match, and the CLI runs without profile-guided tiers, so a list's indexer stays an
    /// interface call each time.
    /// </summary>
    public ReadOnlySpan<int> Payloads => _payloads;

    public int Count => _payloads.Length;

    /// <summary>The role bit that marks words starting one of these phrases; 0 until <see cref="MarkStarts"/>.</summary>
    public WordRole StartRole { get; private set; }

    /// <summary>
    /// Marks every vocabulary entry whose lemma starts a phrase here, so matching skips other words on a bit test of the
    /// token alone. Called once while the lexicons are built, before any text is analysed.
    /// </summary>
    internal void MarkStarts(WordEntry[] entries, WordRole role)
    {
        for (int e = 0; e < entries.Length; e++)
        {
            int lemma = entries[e].Lemma;
            if (IsSet(_pairStarts, lemma) || IsSet(_firstStarts, lemma))
            {
                entries[e].Role |= role;
            }
        }
        StartRole = role;
    }

    public int Length(int phrase) => _wordStarts[phrase + 1] - _wordStarts[phrase];

    /// <summary>
    /// Finds phrases over consecutive word and number tokens (a phrase never spans punctuation, a mention or a
    /// sentence end). At each start only the longest phrase per payload is kept. Returns how many were written.
    /// </summary>
    public int FindAll(ReadOnlySpan<Token> tokens, Span<PhraseMatch> matches)
    {
        int found = 0;
        for (int i = 0; i < tokens.Length && found < matches.Length; i++)
        {
            ref readonly Token t = ref tokens[i];
            if (!t.IsWordLike)
            {
                continue;
            }
            int atStart = found;
            if (t.Entry >= 0 && (StartRole == WordRole.None || (t.Role & StartRole) != 0))
            {
                int lemma = t.Lemma;
                if (IsSet(_pairStarts, lemma) && i + 1 < tokens.Length && tokens[i + 1].Entry >= 0)
                {
                    var pairs = _byPair.Find(PairTable.Key(lemma, tokens[i + 1].Lemma));
                    if (!pairs.IsEmpty && NextInPhrase(tokens, i))
                    {
                        found = MatchCandidates(tokens, i, pairs, matches, found, atStart, matched: 2);
                    }
                }
                if (IsSet(_firstStarts, lemma))
                {
                    found = MatchCandidates(tokens, i, _byFirst.AsSpan(_offsets[lemma], _offsets[lemma + 1] - _offsets[lemma]), matches, found, atStart, matched: 1);
                }
                if ((t.Role & Negations) != 0 && i + 2 < tokens.Length && tokens[i + 1].Lemma >= 0 && IsSet(_fillers, tokens[i + 1].Lemma))
                {
                    found = MatchAcrossFillers(tokens, i, matches, found, atStart); // rare: out of the loop every token runs
                }
            }
            if ((_hasNumberPairs || _numberFirst.Length > 0) && IsNumber(t))
            {
                if (_hasNumberPairs && i + 1 < tokens.Length && tokens[i + 1].Lemma >= 0)
                {
                    var pairs = _byNumberPair.Find(PairTable.Key(0, tokens[i + 1].Lemma));
                    if (!pairs.IsEmpty && NextInPhrase(tokens, i))
                    {
                        found = MatchCandidates(tokens, i, pairs, matches, found, atStart, matched: 2);
                    }
                }
                if (_numberFirst.Length > 0)
                {
                    found = MatchCandidates(tokens, i, _numberFirst, matches, found, atStart, matched: 1);
                }
            }
            if ((t.Flags & TokenMarks.Money) != 0 && _moneyFirst.Length > 0)
            {
                found = MatchCandidates(tokens, i, _moneyFirst, matches, found, atStart, matched: 0);
            }
        }
        return found;
    }

    private static bool IsSet(ulong[] bits, int lemma) => (bits[lemma >> 6] & (1UL << lemma)) != 0;

    /// <summary>
    /// Whether the token after <paramref name="i"/> can be a phrase's second word (a word or number in the same sentence):
    /// a pair's candidates share their first two words, so these are tested once for all of them, not once each.
    /// </summary>
    private static bool NextInPhrase(ReadOnlySpan<Token> tokens, int i) =>
        tokens[i + 1].IsWordLike && tokens[i + 1].Sentence == tokens[i].Sentence;

    /// <summary>
    /// The phrases opened by the negation at <paramref name="start"/> whose next word follows one or two fillers: "won't
    /// even open" matches "won't open", the match covering the fillers.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int MatchAcrossFillers(ReadOnlySpan<Token> tokens, int start, Span<PhraseMatch> matches, int found, int atStart)
    {
        int next = start + 1;
        while (next < tokens.Length && next - start <= MaxFillers && tokens[next].Kind == TokenKind.Word && tokens[next].Lemma >= 0 && IsSet(_fillers, tokens[next].Lemma))
        {
            next++;
        }
        if (next >= tokens.Length || !tokens[next].IsWordLike || tokens[next].Lemma < 0)
        {
            return found;
        }
        int lemma = tokens[start].Lemma;
        ushort sentence = tokens[start].Sentence;
        var candidates = IsSet(_pairStarts, lemma) ? _byPair.Find(PairTable.Key(lemma, tokens[next].Lemma)) : default;
        for (int r = 0; r < candidates.Length && found < matches.Length;)
        {
            int phrase = candidates[r];
            var words = candidates.Slice(r + 2, candidates[r + 1]);
            r += 2 + words.Length;
            int end = MatchFrom(tokens, next, sentence, words, 1);
            if (end >= 0 && !AlreadyHasPayload(matches[atStart..found], _payloads[phrase]))
            {
                matches[found++] = new PhraseMatch(phrase, start, end);
            }
        }
        return found;
    }

    /// <param name="matched">How many of every candidate's first words the caller has matched at <paramref name="start"/> already (a pair's two, a first word's one).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int MatchCandidates(ReadOnlySpan<Token> tokens, int start, ReadOnlySpan<int> candidates, Span<PhraseMatch> matches, int found, int firstAtStart, int matched)
    {
        ushort sentence = tokens[start].Sentence;
        for (int r = 0; r < candidates.Length && found < matches.Length;)
        {
            int phrase = candidates[r];
            var words = candidates.Slice(r + 2, candidates[r + 1]);
            r += 2 + words.Length;
            int end = MatchFrom(tokens, start + matched, sentence, words, matched);
            if (end < 0 || AlreadyHasPayload(matches[firstAtStart..found], _payloads[phrase]))
            {
                continue;
            }
            matches[found++] = new PhraseMatch(phrase, start, end);
        }
        return found;
    }

    private bool AlreadyHasPayload(ReadOnlySpan<PhraseMatch> atStart, int payload)
    {
        foreach (var m in atStart)
        {
            if (_payloads[m.Phrase] == payload)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Matches <paramref name="words"/> from word <paramref name="first"/> on at token <paramref name="i"/>; the end token, or -1.</summary>
    private static int MatchFrom(ReadOnlySpan<Token> tokens, int i, ushort sentence, ReadOnlySpan<int> words, int first)
    {
        for (int k = first; k < words.Length; k++)
        {
            int w = words[k];
            if (w == AnyGap)
            {
                return MatchAfterGap(tokens, i, sentence, words, k + 1);
            }
            if (i >= tokens.Length)
            {
                return -1;
            }
            ref readonly Token t = ref tokens[i];
            if (!t.IsWordLike || t.Sentence != sentence)
            {
                return -1;
            }
            bool ok = w switch
            {
                AnyWord => t.Kind == TokenKind.Word,
                AnyNumber => IsNumber(t),
                AnyMoney => t.Kind == TokenKind.Number && (t.Flags & TokenMarks.Money) != 0,
                _ => t.Lemma == w,
            };
            if (!ok)
            {
                return -1;
            }
            i++;
        }
        return i;
    }

    /// <summary>
    /// The rest of a phrase after a gap, at the nearest place it matches: straight after, or after one to
    /// <see cref="MaxGapWords"/> words. A gap never crosses punctuation, a mention, a URL or a sentence end.
    /// </summary>
    private static int MatchAfterGap(ReadOnlySpan<Token> tokens, int i, ushort sentence, ReadOnlySpan<int> words, int rest)
    {
        for (int skipped = 0; ; skipped++)
        {
            int end = MatchFrom(tokens, i, sentence, words, rest);
            if (end >= 0)
            {
                return end;
            }
            if (skipped == MaxGapWords || i >= tokens.Length || !tokens[i].IsWordLike || tokens[i].Sentence != sentence)
            {
                return -1;
            }
            i++;
        }
    }

    private static bool IsNumber(in Token t) =>
        t.Kind == TokenKind.Number || (t.Role & WordRole.NumberWord) != 0;

    /// <summary>Collects phrases, then builds the index once the vocabulary is complete.</summary>
    public sealed class Builder
    {
        private readonly List<(int[] Words, string Text, int Payload)> _phrases = [];

        /// <summary>Adds a phrase written as text (lower case words, '#' for a number, '$' for an amount of money, '*' for any word, '...' for a gap of up to three words, 'a|b' for either word): each phrase it stands for (<see cref="PhraseSyntax.Expand"/>) matches, and is the text its matches report.</summary>
        public void Add(string phrase, int payload, VocabularyBuilder vocabulary)
        {
            foreach (string one in PhraseSyntax.Expand(phrase))
            {
                AddOne(one, payload, vocabulary);
            }
        }

        private void AddOne(string phrase, int payload, VocabularyBuilder vocabulary)
        {
            var words = new List<int>();
            foreach (string word in SplitWords(phrase))
            {
                words.Add(word switch
                {
                    "#" => AnyNumber,
                    "$" => AnyMoney,
                    "*" => AnyWord,
                    Gap => AnyGap,
                    _ => vocabulary.InternLemma(word), // an entry id: resolved to its lemma in Build
                });
            }
            if (words.Count > 0)
            {
                _phrases.Add(([.. words], phrase, payload));
            }
        }

        /// <summary>A gap between phrase words, written as its own word.</summary>
        public const string Gap = "...";

        /// <summary>Phrase words split the way the tokenizer splits text: at spaces and hyphens, keeping apostrophes; "..." (or "…") is a gap.</summary>
        public static IEnumerable<string> SplitWords(string phrase)
        {
            foreach (string part in phrase.ToLowerInvariant().Replace('\u2019', '\'').Replace("\u2026", " ... ", StringComparison.Ordinal).Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == Gap)
                {
                    yield return Gap;
                    continue;
                }
                string word = part.Trim('.', ',', '!', '?', '"', '(', ')');
                if (word.Length > 0)
                {
                    yield return word;
                }
            }
        }

        public PhraseIndex Build(VocabularyBuilder vocabulary)
        {
            // interned before the vocabulary's size is read: a filler new to it must fall inside the per-lemma bit sets
            int[] fillers = [.. FillerWords.Select(w => vocabulary.LemmaOf(vocabulary.InternLemma(w)))];
            int vocabularySize = vocabulary.Count;
            foreach (var (words, _, _) in _phrases)
            {
                for (int w = 0; w < words.Length; w++)
                {
                    if (words[w] >= 0)
                    {
                        words[w] = vocabulary.LemmaOf(words[w]);
                    }
                }
            }
            var order = Enumerable.Range(0, _phrases.Count).OrderByDescending(p => _phrases[p].Words.Length).ToArray();
            var offsets = new int[vocabularySize + 1];
            var startsPair = new bool[vocabularySize];
            var pairs = new Dictionary<uint, List<int>>();
            var numberFirst = new List<int>();
            var numberPairs = new Dictionary<uint, List<int>>();
            var moneyFirst = new List<int>();
            foreach (int p in order)
            {
                int[] words = _phrases[p].Words;
                if (words[0] < 0)
                {
                    if (words[0] == AnyNumber && words.Length > 1 && words[1] >= 0)
                    {
                        var key = PairTable.Key(0, words[1]); // the table's own key space: 0 stands for the number
                        if (!numberPairs.TryGetValue(key, out var list))
                        {
                            numberPairs[key] = list = [];
                        }
                        AddRecord(list, p, words);
                    }
                    else if (words[0] == AnyNumber)
                    {
                        AddRecord(numberFirst, p, words);
                    }
                    else if (words[0] == AnyMoney)
                    {
                        AddRecord(moneyFirst, p, words); // apart, so that every other number does not try them
                    }
                }
                else if (words.Length > 1 && words[1] >= 0)
                {
                    startsPair[words[0]] = true;
                    var key = PairTable.Key(words[0], words[1]);
                    if (!pairs.TryGetValue(key, out var list))
                    {
                        pairs[key] = list = [];
                    }
                    AddRecord(list, p, words);
                }
                else
                {
                    offsets[words[0] + 1] += 2 + words.Length;
                }
            }
            for (int i = 1; i < offsets.Length; i++)
            {
                offsets[i] += offsets[i - 1];
            }
            var byFirst = new int[offsets[^1]];
            var fill = (int[])offsets.Clone();
            foreach (int p in order)
            {
                int[] words = _phrases[p].Words;
                if (words[0] >= 0 && (words.Length == 1 || words[1] < 0))
                {
                    byFirst[fill[words[0]]++] = p;
                    byFirst[fill[words[0]]++] = words.Length;
                    words.CopyTo(byFirst, fill[words[0]]);
                    fill[words[0]] += words.Length;
                }
            }
            return new PhraseIndex(
                offsets, byFirst, startsPair, new PairTable(pairs), [.. numberFirst], new PairTable(numberPairs), [.. moneyFirst],
                [.. _phrases.Select(p => p.Words)], [.. _phrases.Select(p => p.Text)], [.. _phrases.Select(p => p.Payload)], fillers);
        }

        /// <summary>Appends a candidate record: the phrase id, its word count, its words.</summary>
        private static void AddRecord(List<int> records, int phrase, int[] words)
        {
            records.Add(phrase);
            records.Add(words.Length);
            records.AddRange(words);
        }
    }
}
