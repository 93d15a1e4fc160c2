using System.Runtime.CompilerServices;

namespace Evident.Text.Tokens;

/// <summary>
/// A read-only hash table from words to entry ids, matched case-insensitively and with ’ read as ': the hash
/// folds case as it goes, so a lookup straight from a span of the text makes no string and no lower-cased copy.
/// Written by hand because a frozen dictionary with a case-insensitive comparer cost ~35 ns a lookup here,
/// most of the sentiment budget (see docs/benchmarks.md).
/// </summary>
internal sealed class WordTable
{
    /// <summary>Entry ids fit in 16 bits of a slot; 65,534 forms is three times what the shipped lexicons hold.</summary>
    public const int MaxEntries = ushort.MaxValue - 1;

    private readonly uint[] _slots;    // (hash >> 16) << 16 | (entry + 1): 4 bytes a slot keeps the table in cache; 0 is empty
    // Per entry, its role, lemma and key in one 32-byte record: a hit reads the slot and one record. With the key's start,
    // role and lemma in one array and the keys in another, a hit read three lines one after another, and the waits for
    // them were a third of the tokenizer's time (perf, thirty-second session).
    private readonly Record[] _records;
    private readonly char[] _chars;    // every folded key, back to back: read only for keys longer than Record.InlineLength
    private readonly int _mask;

    public WordTable(IReadOnlyList<string> keys, WordEntry[] entries)
    {
        if (keys.Count > MaxEntries)
        {
            throw new InvalidOperationException($"The lexicons hold {keys.Count:N0} word forms; the word table takes at most {MaxEntries:N0}.");
        }
        int capacity = 16;
        while (capacity < keys.Count + keys.Count / 2)
        {
            capacity <<= 1;
        }
        _slots = new uint[capacity];
        _mask = capacity - 1;
        _records = new Record[keys.Count];
        var chars = new List<char>();
        var folded = new string[keys.Count];
        for (int id = 0; id < keys.Count; id++)
        {
            folded[id] = Fold(keys[id]);
            ref Record r = ref _records[id];
            r.Role = entries[id].Role;
            r.Lemma = entries[id].Lemma;
            r.Start = chars.Count;
            r.Length = checked((ushort)folded[id].Length);
            folded[id].AsSpan(0, Math.Min(folded[id].Length, Record.InlineLength)).CopyTo(r.Inline);
            chars.AddRange(folded[id]);
        }
        _chars = [.. chars];
        for (int id = 0; id < keys.Count; id++)
        {
            uint hash = (uint)Hash(folded[id]);
            int slot = (int)hash & _mask;
            bool duplicate = false;
            while (_slots[slot] != 0)
            {
                int other = (int)(_slots[slot] & 0xFFFF) - 1;
                if (folded[other] == folded[id])
                {
                    duplicate = true; // first id for a key wins
                    break;
                }
                slot = (slot + 1) & _mask;
            }
            if (!duplicate)
            {
                _slots[slot] = (hash & 0xFFFF0000) | (uint)(id + 1);
            }
        }
    }

    /// <summary>Copies the entries' roles again after they changed (phrase-start bits are set once the phrase indexes exist).</summary>
    public void RefreshRoles(WordEntry[] entries)
    {
        for (int id = 0; id < entries.Length; id++)
        {
            _records[id].Role = entries[id].Role;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> word, int wordHash, out WordRole role, out int lemma)
    {
        uint hash = (uint)wordHash;
        uint tag = hash & 0xFFFF0000;
        int slot = (int)hash & _mask;
        while (true)
        {
            uint value = _slots[slot];
            if (value == 0)
            {
                role = WordRole.None;
                lemma = -1;
                return -1;
            }
            if ((value & 0xFFFF0000) == tag)
            {
                int entry = (int)(value & 0xFFFF) - 1;
                ref readonly Record r = ref _records[entry];
                if (r.Length == word.Length &&
                    (word.Length <= Record.InlineLength ? EqualsFolded(word, r.Inline) : EqualsFolded(word, _chars.AsSpan(r.Start, word.Length))))
                {
                    role = r.Role;
                    lemma = r.Lemma;
                    return entry;
                }
            }
            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char FoldChar(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }
        return c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
    }

    internal const uint HashSeed = 2166136261;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint HashStep(uint h, char folded) => (h ^ folded) * 16777619;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int HashFinish(uint h) => (int)(h ^ (h >> 15));

    internal static int Hash(ReadOnlySpan<char> word)
    {
        uint h = HashSeed;
        foreach (char c in word)
        {
            h = HashStep(h, FoldChar(c));
        }
        return HashFinish(h);
    }

    /// <summary>Whether <paramref name="word"/> folds to the first <c>word.Length</c> characters of <paramref name="key"/> (the caller compared the lengths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EqualsFolded(ReadOnlySpan<char> word, ReadOnlySpan<char> key)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (FoldChar(word[i]) != key[i])
            {
                return false;
            }
        }
        return true;
    }

    private static string Fold(string key) => string.Create(key.Length, key, static (span, k) =>
    {
        for (int i = 0; i < k.Length; i++)
        {
            span[i] = FoldChar(k[i]);
        }
    });

    /// <summary>An entry's role, lemma and key: 32 bytes, half a cache line.</summary>
    private struct Record
    {
        public const int InlineLength = 9;

        public WordRole Role;
        public int Lemma;
        public int Start;       // where the whole key starts in _chars
        public ushort Length;
        public InlineKey Inline; // its first InlineLength characters: most words are no longer

        [InlineArray(InlineLength)]
        public struct InlineKey
        {
            private char _first;
        }
    }
}
