using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Evident.Text.Search;

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
    private static List<LexemeAt>? t_words;

    /// <summary>
    /// Writes the search vector of a comment, as the column stores it, in PostgreSQL's binary form (tsvectorsend's): the
    /// number of lexemes, then each lexeme's UTF-8 bytes ended by a zero byte, its number of positions and the positions
    /// (weight D, no bits set). Lexemes come sorted by ordinal order and unique, positions ascending.
    /// </summary>
    public static void Vector(string text, IBufferWriter<byte> into)
    {
        var lexemes = SearchLexemes.ForThread();
        var list = t_words ??= [];
        list.Clear();
        lexemes.Read(text, list);
        var words = CollectionsMarshal.AsSpan(list);
        int n = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].Lexeme >= 0) // a stop word is left out, keeping its place
            {
                words[n++] = words[i];
            }
        }

        words = words[..n];
        Sort(words, lexemes);

        // The lexemes that fit, counted first: the count comes before them.
        int count = 0;
        int characters = 0;
        int kept = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (i == 0 || words[i].Lexeme != words[i - 1].Lexeme)
            {
                characters += lexemes.Lexeme(words[i].Lexeme).Length;
                if (characters > MaxLexemeCharacters)
                {
                    break;
                }

                count++;
            }

            kept = i + 1;
        }

        BinaryPrimitives.WriteInt32BigEndian(into.GetSpan(4), count);
        into.Advance(4);
        for (int i = 0; i < kept;)
        {
            int lexeme = words[i].Lexeme;
            int end = i + 1;
            while (end < kept && words[end].Lexeme == lexeme)
            {
                end++;
            }

            var bytes = lexemes.Utf8(lexeme);
            var span = into.GetSpan(bytes.Length + 3 + 2 * Math.Min(end - i, MaxPositionsPerLexeme));
            bytes.CopyTo(span);
            span[bytes.Length] = 0;
            var positions = span[(bytes.Length + 1)..];
            int written = 0;
            int last = 0;
            for (int p = i; p < end && written < MaxPositionsPerLexeme; p++)
            {
                int position = Math.Min(words[p].Position, MaxPosition);
                if (position != last)
                {
                    BinaryPrimitives.WriteInt16BigEndian(positions[(2 + 2 * written)..], (short)position);
                    written++;
                    last = position;
                }
            }

            BinaryPrimitives.WriteInt16BigEndian(positions, (short)written);
            into.Advance(bytes.Length + 3 + 2 * written);
            i = end;
        }
    }

    /// <summary>
    /// Orders words by their lexeme's text (ordinal), then by position. A comment's dozen words by insertion, with the
    /// comparison inlined (the framework's span sort calls a comparer through a delegate); a long text by that sort.
    /// </summary>
    private static void Sort(Span<LexemeAt> words, SearchLexemes lexemes)
    {
        if (words.Length > 32)
        {
            words.Sort((a, b) => Compare(a, b, lexemes));
            return;
        }

        for (int i = 1; i < words.Length; i++)
        {
            var word = words[i];
            int j = i - 1;
            while (j >= 0 && Compare(words[j], word, lexemes) > 0)
            {
                words[j + 1] = words[j];
                j--;
            }

            words[j + 1] = word;
        }
    }

    private static int Compare(LexemeAt a, LexemeAt b, SearchLexemes lexemes) =>
        a.Lexeme == b.Lexeme ? a.Position.CompareTo(b.Position) : lexemes.CompareOrdinal(a.Lexeme, b.Lexeme);

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
}
