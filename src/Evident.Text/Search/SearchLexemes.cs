using System.Runtime.CompilerServices;
using System.Text;

namespace Evident.Text.Search;

/// <summary>A word of a text as a number in its thread's <see cref="SearchLexemes"/>: the lexeme, or -1 for a stop word.</summary>
public readonly record struct LexemeAt(int Lexeme, int Position);

/// <summary>
/// One thread's numbering of the words it has read for full-text search (<see cref="SearchWords"/>): each lower-cased word
/// seen maps to a lexeme number, whose text and UTF-8 bytes are kept, so a word met again is neither stemmed, allocated nor
/// encoded again. The words are found in an open-addressing table hashed while the text is scanned: a
/// <c>Dictionary&lt;string, string&gt;</c> looked up by span, with the sort and the encoding after it, took about 11 % of
/// a PostgreSQL import's own processor time (docs/benchmarks.md, forty-fifth session).
/// <para>Not thread-safe: <see cref="ForThread"/> gives each thread its own. A lexeme number is good until the next
/// <see cref="Read"/> on the same thread, which may start the table afresh.</para>
/// </summary>
public sealed class SearchLexemes
{
    /// <summary>Words kept before the table starts afresh: most words of a million comments are a few thousand, but order
    /// numbers and names would grow it without end.</summary>
    internal const int MaxWords = 50_000;

    [ThreadStatic]
    private static SearchLexemes? t_current;

    // Open addressing over word numbers + 1 (0 empty), linear probing; at most half full.
    private int[] _slots = new int[1 << 12];
    // Per word: its hash, where its lower-cased characters are in _chars, its lexeme number (-1 a stop word); together,
    // so that a look-up reads one record, not four arrays.
    private char[] _chars = new char[1 << 15];
    private int _charCount;
    private Word[] _wordsSeen = new Word[1 << 10];
    private int _words;
    private readonly List<Entry> _lexemes = [];
    private readonly Dictionary<string, int> _lexemeNumbers = new(StringComparer.Ordinal);

    /// <summary>The calling thread's table.</summary>
    public static SearchLexemes ForThread() => t_current ??= new SearchLexemes();

    /// <summary>The lexeme numbered <paramref name="lexeme"/>.</summary>
    public string Lexeme(int lexeme) => _lexemes[lexeme].Text;

    /// <summary>The lexeme's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8(int lexeme) => _lexemes[lexeme].Utf8;

    /// <summary>
    /// Compares two lexemes' texts as <see cref="string.CompareOrdinal(string, string)"/> does (its sign): by their first
    /// four characters packed in a number, then by the whole texts only when those agree.
    /// </summary>
    public int CompareOrdinal(int a, int b)
    {
        ulong x = _lexemes[a].Prefix, y = _lexemes[b].Prefix;
        return x != y ? (x < y ? -1 : 1) : string.CompareOrdinal(_lexemes[a].Text, _lexemes[b].Text);
    }

    /// <summary>
    /// Appends the words of <paramref name="text"/> to <paramref name="into"/>, as <see cref="SearchWords.Read"/> reads
    /// them (stop words as lexeme -1, keeping their place); returns how many.
    /// </summary>
    public int Read(ReadOnlySpan<char> text, List<LexemeAt> into)
    {
        if (_words >= MaxWords)
        {
            Clear();
        }

        Span<char> lower = stackalloc char[SearchWords.MaxWordLength];
        int position = 0;
        int added = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            uint hash = 2166136261;
            bool digits = false;
            while (i < text.Length && IsWordChar(text[i]))
            {
                char ch = text[i];
                char folded = ch < 128 ? (ch is >= 'A' and <= 'Z' ? (char)(ch | 0x20) : ch) : char.ToLowerInvariant(ch);
                if (i - start < lower.Length)
                {
                    lower[i - start] = folded;
                }

                hash = (hash ^ folded) * 16777619;
                digits |= char.IsAsciiDigit(ch);
                i++;
            }

            position++;
            int length = i - start;
            if (length > SearchWords.MaxWordLength)
            {
                continue;
            }

            into.Add(new LexemeAt(Find(lower[..length], (int)hash, digits), position));
            added++;
        }

        return added;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private int Find(ReadOnlySpan<char> word, int hash, bool digits)
    {
        int mask = _slots.Length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            int w = _slots[slot] - 1;
            if (w < 0)
            {
                return Add(slot, word, hash, digits);
            }

            ref readonly Word seen = ref _wordsSeen[w];
            if (seen.Hash == hash && seen.Length == word.Length && _chars.AsSpan(seen.Start, word.Length).SequenceEqual(word))
            {
                return seen.Lexeme;
            }
        }
    }

    private int Add(int slot, ReadOnlySpan<char> word, int hash, bool digits)
    {
        int w = _words++;
        if (w == _wordsSeen.Length)
        {
            Array.Resize(ref _wordsSeen, w * 2);
        }

        if (_charCount + word.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + word.Length));
        }

        word.CopyTo(_chars.AsSpan(_charCount));
        int lexeme = LexemeNumber(SearchWords.Lexeme(word, digits));
        _wordsSeen[w] = new Word(hash, _charCount, word.Length, lexeme);
        _charCount += word.Length;
        _slots[slot] = w + 1;
        if (_words * 2 > _slots.Length)
        {
            Grow();
        }

        return lexeme;
    }

    private int LexemeNumber(string? lexeme)
    {
        if (lexeme is null)
        {
            return -1;
        }

        if (!_lexemeNumbers.TryGetValue(lexeme, out int number))
        {
            number = _lexemes.Count;
            _lexemes.Add(new Entry(lexeme, Encoding.UTF8.GetBytes(lexeme), Prefix(lexeme)));
            _lexemeNumbers.Add(lexeme, number);
        }

        return number;
    }

    /// <summary>The first four UTF-16 units, the first highest; a shorter lexeme's missing units are 0, below any character
    /// a word holds, so a lexeme that is the start of another sorts first, as ordinal order has it.</summary>
    private static ulong Prefix(string lexeme)
    {
        ulong prefix = 0;
        for (int i = 0; i < 4; i++)
        {
            prefix = (prefix << 16) | (i < lexeme.Length ? lexeme[i] : 0u);
        }

        return prefix;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        int mask = _slots.Length - 1;
        for (int w = 0; w < _words; w++)
        {
            int slot = _wordsSeen[w].Hash & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = w + 1;
        }
    }

    private readonly record struct Word(int Hash, int Start, int Length, int Lexeme);

    /// <summary>A lexeme: its text, its UTF-8 bytes as a vector holds them, and its first characters as a number to sort by.</summary>
    private readonly record struct Entry(string Text, byte[] Utf8, ulong Prefix);

    private void Clear()
    {
        Array.Clear(_slots);
        _words = 0;
        _charCount = 0;
        _lexemes.Clear();
        _lexemeNumbers.Clear();
    }
}
