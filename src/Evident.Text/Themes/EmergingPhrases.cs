using Evident.Text.Phrases;
using Evident.Text.Tokens;

namespace Evident.Text.Themes;

/// <summary>One text a phrase was found in, and where.</summary>
public sealed record PhraseExample(int TextIndex, TextSpan Span);

/// <summary>
/// A phrase that recurs in a corpus but no theme covers. <see cref="Score"/> is its local mutual information:
/// occurrences × log₂(how much likelier the words are together than apart), so a phrase ranks high when it is
/// both frequent and a real unit ("phone menu"), not a chance run of common words.
/// </summary>
public sealed record EmergingPhrase(string Text, int Occurrences, int Texts, double Score, IReadOnlyList<PhraseExample> Examples);

/// <summary>
/// Finds emerging phrases: two- and three-word sequences that recur across a corpus, are not covered by the
/// taxonomy's phrases, and neither start nor end with a function word. Counting is per corpus, so what is
/// unusual is judged against the corpus itself (no outside frequency list is needed).
/// </summary>
public static class EmergingPhrases
{
    private const int MaxExamples = 3;

    // Function words: a phrase does not start or end with one ("the app", "app is" are not phrases; "app is down" is).
    private static readonly HashSet<string> s_functionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "as", "at", "by", "for", "from", "in", "into", "of", "off",
        "on", "onto", "out", "over", "to", "up", "with", "without", "about", "after", "before", "again", "also", "just",
        "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
        "them", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "when", "where",
        "why", "how", "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did",
        "will", "would", "can", "could", "should", "shall", "may", "might", "must", "i'm", "i've", "i'll", "i'd", "it's",
        "you're", "we're", "they're", "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "can't", "won't", "not",
        "no", "yes", "all", "any", "some", "very", "too", "more", "most", "much", "many", "than", "only", "own", "same",
        "such", "still", "yet", "now", "get", "got", "im", "u", "ur", "amp", "rt", "via", "one", "two", "like",
    };

    /// <summary>The <paramref name="top"/> emerging phrases of <paramref name="texts"/>, best first.</summary>
    public static IReadOnlyList<EmergingPhrase> Find(TextAnalyzer analyzer, IReadOnlyList<string> texts, int top = 20, int minimumTexts = 3)
    {
        var lexicons = analyzer.Lexicons;
        var unigrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        long words = 0, grams = 0;
        var tokens = new Token[64];
        var matches = new PhraseMatch[64];

        for (int index = 0; index < texts.Count; index++)
        {
            string text = texts[index];
            if (tokens.Length < Tokenizer.MaxTokens(text.Length))
            {
                tokens = new Token[Tokenizer.MaxTokens(text.Length)];
                matches = new PhraseMatch[tokens.Length];
            }
            int n = Tokenizer.Tokenize(text, tokens, lexicons.Vocabulary);
            var span = tokens.AsSpan(0, n);
            var covered = CoveredByThemes(span, lexicons, matches);
            var forms = new string?[n];
            for (int i = 0; i < n; i++)
            {
                if (span[i].Kind == TokenKind.Word)
                {
                    forms[i] = text.Substring(span[i].Start, span[i].Length).ToLowerInvariant().Replace('\u2019', '\'');
                    unigrams[forms[i]!] = unigrams.GetValueOrDefault(forms[i]!) + 1;
                    words++;
                }
            }
            var seenInText = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                for (int length = 2; length <= 3; length++)
                {
                    if (!IsCandidate(span, forms, covered, i, length))
                    {
                        continue;
                    }
                    string phrase = string.Join(' ', forms, i, length);
                    grams++;
                    if (!candidates.TryGetValue(phrase, out var c))
                    {
                        candidates[phrase] = c = new Candidate();
                    }
                    c.Occurrences++;
                    if (seenInText.Add(phrase))
                    {
                        c.Texts++;
                        if (c.Examples.Count < MaxExamples)
                        {
                            c.Examples.Add(new PhraseExample(index, new TextSpan(span[i].Start, span[i + length - 1].End - span[i].Start)));
                        }
                    }
                }
            }
        }

        var ranked = new List<EmergingPhrase>();
        foreach (var (phrase, c) in candidates)
        {
            if (c.Texts < minimumTexts)
            {
                continue;
            }
            // log2( P(phrase) / Π P(word) ): how much likelier the words are together than by chance
            double logTogether = Math.Log2((double)c.Occurrences / grams);
            double logApart = 0;
            foreach (string w in phrase.Split(' '))
            {
                logApart += Math.Log2((double)unigrams[w] / words);
            }
            double score = c.Occurrences * (logTogether - logApart);
            if (score > 0)
            {
                ranked.Add(new EmergingPhrase(phrase, c.Occurrences, c.Texts, Math.Round(score, 2), c.Examples));
            }
        }
        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return RemoveContained(ranked, top);
    }

    private sealed class Candidate
    {
        public int Occurrences { get; set; }
        public int Texts { get; set; }
        public List<PhraseExample> Examples { get; } = [];
    }

    private static bool[] CoveredByThemes(ReadOnlySpan<Token> tokens, LexiconSet lexicons, PhraseMatch[] matches)
    {
        var covered = new bool[tokens.Length];
        int themes = lexicons.Taxonomy.Themes.Count;
        int found = ThemeFinder.DropExcepted(matches.AsSpan(0, lexicons.ThemePhrases.FindAll(tokens, matches)), lexicons.ThemePhrases, themes);
        for (int m = 0; m < found; m++)
        {
            if (ThemeFinder.IsFallback(lexicons.ThemePhrases.Payloads[matches[m].Phrase], themes))
            {
                continue; // a fallback ("issue", "error", an amount) covers nothing: "sync error" may be the new topic
            }
            for (int i = matches[m].FirstToken; i < matches[m].EndToken; i++)
            {
                covered[i] = true;
            }
        }
        return covered;
    }

    /// <summary>Consecutive words in one sentence, none covered by a theme, not starting or ending with a function word.</summary>
    private static bool IsCandidate(ReadOnlySpan<Token> tokens, string?[] forms, bool[] covered, int start, int length)
    {
        if (start + length > tokens.Length)
        {
            return false;
        }
        for (int i = start; i < start + length; i++)
        {
            if (forms[i] is null || covered[i] || tokens[i].Sentence != tokens[start].Sentence || forms[i]!.Length < 2)
            {
                return false;
            }
        }
        return !s_functionWords.Contains(forms[start]!) && !s_functionWords.Contains(forms[start + length - 1]!);
    }

    /// <summary>A two-word phrase inside a better-ranked three-word one adds nothing ("phone menu" under "new phone menu").</summary>
    private static List<EmergingPhrase> RemoveContained(List<EmergingPhrase> ranked, int top)
    {
        var result = new List<EmergingPhrase>();
        foreach (var phrase in ranked)
        {
            bool contained = false;
            foreach (var kept in result)
            {
                if (kept.Text.Contains(phrase.Text, StringComparison.Ordinal) || phrase.Text.Contains(kept.Text, StringComparison.Ordinal) && phrase.Occurrences <= kept.Occurrences)
                {
                    contained = true;
                    break;
                }
            }
            if (!contained)
            {
                result.Add(phrase);
            }
            if (result.Count == top)
            {
                break;
            }
        }
        return result;
    }
}
