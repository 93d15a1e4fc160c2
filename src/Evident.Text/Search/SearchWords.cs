using System.Collections.Frozen;

namespace Evident.Text.Search;

/// <summary>One word of a text as full-text search keeps it: its stem, or null for a stop word, which keeps its place.</summary>
public readonly record struct SearchWord(string? Lexeme, int Position);

/// <summary>
/// The words of a text as PostgreSQL's 'english' text-search configuration reads them: a word is a run of letters and
/// digits (an apostrophe, like anything else, separates words: "didn't" is "didn" and "t"); it is lower-cased; a stop
/// word is dropped but keeps its place, so that a phrase still needs its words the same distance apart; a word without
/// digits is stemmed (<see cref="EnglishStemmer"/>). Positions count words from 1, as a tsvector's do. The PostgreSQL
/// store computes its search vectors here, on the import's analysis threads, rather than by the server's to_tsvector
/// (about 9 s of one server process per million comments); its queries come from here too, so both agree.
/// </summary>
public static class SearchWords
{
    /// <summary>Longer runs of letters are not words anyone searches for (and a tsvector's lexeme holds at most 2,047
    /// bytes): they are skipped, keeping their place.</summary>
    public const int MaxWordLength = 255;

    /// <summary>PostgreSQL's English stop words (its <c>english.stop</c>, Snowball's list).</summary>
    private static readonly FrozenSet<string> s_stopWords = FrozenSet.Create(StringComparer.Ordinal,
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
        "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
        "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
        "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
        "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up",
        "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor",
        "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "should", "now");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_stopLookup =
        s_stopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic]
    private static List<LexemeAt>? t_words;

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="into"/>; returns how many.</summary>
    /// <remarks>Read through the thread's <see cref="SearchLexemes"/>, which keeps the stems it has found.</remarks>
    public static int Read(ReadOnlySpan<char> text, List<SearchWord> into)
    {
        var lexemes = SearchLexemes.ForThread();
        var words = t_words ??= [];
        words.Clear();
        int added = lexemes.Read(text, words);
        foreach (var word in words)
        {
            into.Add(new SearchWord(word.Lexeme < 0 ? null : lexemes.Lexeme(word.Lexeme), word.Position));
        }

        return added;
    }

    /// <summary>The lexeme of a lower-cased word: null for a stop word, the word itself when it holds a digit, else its stem.</summary>
    internal static string? Lexeme(ReadOnlySpan<char> lower, bool digits)
    {
        if (s_stopLookup.Contains(lower))
        {
            return null;
        }

        string word = new(lower);
        return digits ? word : EnglishStemmer.Stem(word);
    }
}
