using System.Runtime.CompilerServices;
using System.Text;
using Evident.Text.Search;
using NpgsqlTypes;

namespace Evident.Store.Evidence;

/// <summary>
/// PostgreSQL's full-text search of customer comments, with the words read by <see cref="SearchWords"/> on both sides:
/// the import stores each comment's tsvector (column <c>feedback.search</c>, migration 0018), and Voices' queries are
/// built from the same words. Until migration 0018 the server computed the column itself (to_tsvector('english', text));
/// the words here follow that configuration, so comments stored before agree with the queries built now, short of a
/// few tokens its parser read otherwise (an e-mail address, a hyphenated word as a whole).
/// </summary>
internal static class PostgresSearch
{
    /// <summary>A tsvector's limits: positions above this are counted as this one.</summary>
    private const int MaxPosition = 16_383;

    /// <summary>A tsvector's limits: at most this many positions per lexeme.</summary>
    private const int MaxPositionsPerLexeme = 256;

    /// <summary>A tsvector holds at most 1 MB of lexemes; a comment's distinct words stop counting at this many
    /// characters (at most three bytes each).</summary>
    private const int MaxLexemeCharacters = 300_000;

    [ThreadStatic]
    private static List<SearchWord>? t_words;

    /// <summary>The search vector of a comment, as the column stores it.</summary>
    public static NpgsqlTsVector Vector(string text)
    {
        var words = t_words ??= [];
        words.Clear();
        SearchWords.Read(text, words);
        words.RemoveAll(static w => w.Lexeme is null);
        words.Sort(static (a, b) => string.CompareOrdinal(a.Lexeme, b.Lexeme) is int order and not 0 ? order : a.Position.CompareTo(b.Position));
        var lexemes = new List<NpgsqlTsVector.Lexeme>();
        int characters = 0;
        for (int i = 0; i < words.Count;)
        {
            string lexeme = words[i].Lexeme!;
            int end = i + 1;
            while (end < words.Count && words[end].Lexeme == lexeme)
            {
                end++;
            }

            characters += lexeme.Length;
            if (characters > MaxLexemeCharacters)
            {
                break;
            }

            var positions = new List<NpgsqlTsVector.Lexeme.WordEntryPos>(Math.Min(end - i, MaxPositionsPerLexeme));
            int last = 0;
            for (int p = i; p < end && positions.Count < MaxPositionsPerLexeme; p++)
            {
                int position = Math.Min(words[p].Position, MaxPosition);
                if (position != last)
                {
                    positions.Add(new NpgsqlTsVector.Lexeme.WordEntryPos(position));
                    last = position;
                }
            }

            lexemes.Add(NewLexeme(lexeme, positions, noCopy: true));
            i = end;
        }

        return NewVector(lexemes, noCheck: true);
    }

    /// <summary>
    /// The tsquery text that finds a phrase: its words in order, each the same number of words after the last as in
    /// the phrase (a stop word between them still counts); null when every word is a stop word ("the", "not"), which
    /// the vectors do not hold. Lexemes are runs of letters and digits, quoted all the same.
    /// </summary>
    public static string? Phrase(IReadOnlyList<string> words)
    {
        var read = new List<SearchWord>();
        SearchWords.Read(string.Join(' ', words), read);
        var query = new StringBuilder();
        int previous = 0;
        foreach (var word in read)
        {
            if (word.Lexeme is null)
            {
                continue;
            }

            if (previous > 0)
            {
                query.Append(word.Position - previous == 1 ? " <-> " : $" <{word.Position - previous}> ");
            }

            query.Append('\'').Append(word.Lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            previous = word.Position;
        }

        return previous == 0 ? null : query.ToString();
    }

    // Npgsql offers no public way to build a tsvector but parsing its text form (obsolete, and it sorts the lexemes
    // by the current culture); its internal constructors take lexemes already sorted and unique, as built above. A
    // store test writes and reads vectors through them, so an Npgsql that renames them fails there, not in an import.
    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern NpgsqlTsVector NewVector(List<NpgsqlTsVector.Lexeme> lexemes, bool noCheck);

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern NpgsqlTsVector.Lexeme NewLexeme(string text, List<NpgsqlTsVector.Lexeme.WordEntryPos>? wordEntryPositions, bool noCopy);
}
