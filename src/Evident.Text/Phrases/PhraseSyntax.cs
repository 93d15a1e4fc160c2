using Evident.Text.Tokens;

namespace Evident.Text.Phrases;

/// <summary>
/// Checks a theme or signal phrase written by a person (Lexicons/README.md, "Phrase syntax") before it joins a
/// lexicon: a phrase that breaks the syntax would load without complaint and then never match.
/// </summary>
public static class PhraseSyntax
{
    private const string Gap = PhraseIndex.Builder.Gap;

    public const int MaxLength = 100;
    public const int MaxWords = 8;

    /// <summary>Separates alternatives for one word: "put|kept|left on hold" is three phrases.</summary>
    public const char Or = '|';

    /// <summary>The most phrases one written phrase may stand for ("a|b|c d|e" stands for six).</summary>
    public const int MaxAlternatives = 64;

    /// <summary>
    /// The phrases <paramref name="phrase"/> stands for, in order: each space-separated word written as alternatives
    /// ("a|b") multiplies them, so "never|not arrive|come" is four phrases; an alternative is one word. A phrase with no alternatives is itself.
    /// </summary>
    public static IReadOnlyList<string> Expand(string phrase)
    {
        if (!phrase.Contains(Or, StringComparison.Ordinal))
        {
            return [phrase];
        }
        List<string> phrases = [""];
        foreach (string word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] alternatives = word.Split(Or);
            var longer = new List<string>(phrases.Count * alternatives.Length);
            foreach (string start in phrases)
            {
                foreach (string alternative in alternatives)
                {
                    longer.Add(start.Length == 0 ? alternative : start + " " + alternative);
                }
            }
            phrases = longer;
        }
        return phrases;
    }

    /// <summary>The phrase as the engine reads it: lower case, single spaces, curly apostrophes made straight.</summary>
    public static string Normalise(string phrase) =>
        string.Join(' ', phrase.Trim().ToLowerInvariant().Replace('\u2019', '\'').Replace("\u2026", " ... ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What is wrong with <paramref name="phrase"/> (already <see cref="Normalise">normalised</see>), or null when the engine can match it.</summary>
    public static string? Problem(string phrase)
    {
        if (phrase.Contains(Or, StringComparison.Ordinal))
        {
            return AlternativesProblem(phrase);
        }

        if (phrase.Length == 0)
        {
            return "an empty phrase";
        }

        if (phrase.Length > MaxLength)
        {
            return $"longer than {MaxLength} characters";
        }

        for (int i = 0; i < phrase.Length; i++)
        {
            char c = phrase[i];
            if (char.IsAsciiDigit(c) && !IsAlphanumericWord(WordAt(phrase, i)))
            {
                // "eu261" is one word to the tokenizer; "4g" is a number and a word, "25" a number
                return "digits are not matched literally: write # for a number (\"wait # hour\", \"# g\" for 4G)";
            }

            if (!char.IsLetterOrDigit(c) && c is not ' ' and not '-' and not '\'' and not '#' and not '$' and not '*' and not '.')
            {
                return $"'{c}' cannot be matched: a phrase holds words (letters, apostrophes, hyphens), # for a number, $ for an amount of money, * for one word and ... for a gap";
            }
        }

        foreach (string part in phrase.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Contains('.', StringComparison.Ordinal) && part != Gap)
            {
                return $"'{part}': full stops are not matched (write \"eg\" for \"e.g.\"); a gap is written ... and stands alone, as a word of its own";
            }
        }

        var words = PhraseIndex.Builder.SplitWords(phrase).ToList();
        if (words.Count == 0 || words.TrueForAll(w => w is "#" or "$" or "*" or Gap) && words is not ["$"]) // "$" alone: any amount, a topic of its own
        {
            return "a phrase needs at least one word";
        }

        if (words[0] == Gap || words[^1] == Gap)
        {
            return "a gap (...) stands between two words, never first or last";
        }

        for (int w = 1; w < words.Count; w++)
        {
            if (words[w] == Gap && words[w - 1] is Gap or "*" || words[w] == "*" && words[w - 1] == Gap)
            {
                return "a gap (...) already takes up to three words: write it once, not beside another gap or *";
            }
        }

        if (words.Count > MaxWords)
        {
            return $"more than {MaxWords} words";
        }

        if (words[0] == "*")
        {
            return "a phrase cannot start with * (any word)";
        }

        foreach (string word in words)
        {
            if (word is "#" or "$" or "*" or Gap)
            {
                continue;
            }

            if (word.Contains('#', StringComparison.Ordinal) || word.Contains('$', StringComparison.Ordinal) || word.Contains('*', StringComparison.Ordinal))
            {
                return $"'{word}': #, $ and * stand alone, as a word of their own";
            }

            if (!IsOneWord(word))
            {
                return $"'{word}' is not read as one word in a text";
            }
        }

        return null;
    }

    private static string? AlternativesProblem(string phrase)
    {
        int count = 1;
        foreach (string word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] alternatives = word.Split(Or);
            if (alternatives.Length == 1)
            {
                continue;
            }
            if (Array.Exists(alternatives, a => a.Length == 0))
            {
                return $"'{word}': write a word on each side of every {Or} (\"put|kept on hold\")";
            }
            if (Array.Exists(alternatives, a => a == Gap))
            {
                return $"'{word}': a gap (...) cannot be one of the alternatives";
            }
            if (alternatives.Distinct(StringComparer.Ordinal).Count() < alternatives.Length)
            {
                return $"'{word}' lists an alternative twice";
            }
            count *= alternatives.Length;
            if (count > MaxAlternatives)
            {
                return $"stands for more than {MaxAlternatives} phrases: split it into several";
            }
        }

        foreach (string one in Expand(phrase))
        {
            if (Problem(one) is string problem)
            {
                return $"'{one}': {problem}";
            }
        }
        return null;
    }

    private static string WordAt(string phrase, int i)
    {
        int start = phrase.LastIndexOf(' ', i) + 1;
        int end = phrase.IndexOf(' ', i);
        return phrase[start..(end < 0 ? phrase.Length : end)];
    }

    private static bool IsAlphanumericWord(string word) =>
        word.All(char.IsLetterOrDigit) && word.Any(char.IsLetter) && IsOneWord(word);

    /// <summary>The tokenizer reads <paramref name="word"/> as a single word token (not a URL, an emoticon, two words).</summary>
    private static bool IsOneWord(string word)
    {
        Span<Token> tokens = stackalloc Token[Tokenizer.MaxTokens(MaxLength)];
        int n = Tokenizer.Tokenize(word, tokens[..Tokenizer.MaxTokens(word.Length)], TextAnalyzer.Default.Lexicons.Vocabulary);
        return n == 1 && tokens[0].Kind == TokenKind.Word && tokens[0].Start == 0 && tokens[0].Length == word.Length;
    }
}
