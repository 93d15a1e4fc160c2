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
    private readonly ulong[] _slots;   // hash << 32 | (entry + 1): a probe reads one word; 0 is empty
    private readonly char[] _chars;    // every folded key, back to back
    private readonly int[] _starts;    // per entry: where its key starts in _chars (and ends at the next start)
    private readonly int _mask;

    public WordTable(IReadOnlyList<string> keys)
    {
        int capacity = 16;
        while (capacity < keys.Count * 2)
        {
            capacity <<= 1;
        }
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        _starts = new int[keys.Count + 1];
        var chars = new List<char>();
        var folded = new string[keys.Count];
        for (int id = 0; id < keys.Count; id++)
        {
            folded[id] = Fold(keys[id]);
            _starts[id] = chars.Count;
            chars.AddRange(folded[id]);
        }
        _starts[keys.Count] = chars.Count;
        _chars = [.. chars];
        for (int id = 0; id < keys.Count; id++)
        {
            uint hash = (uint)Hash(folded[id]);
            int slot = (int)hash & _mask;
            bool duplicate = false;
            while (_slots[slot] != 0)
            {
                int other = (int)(uint)_slots[slot] - 1;
                if (folded[other] == folded[id])
                {
                    duplicate = true; // first id for a key wins
                    break;
                }
                slot = (slot + 1) & _mask;
            }
            if (!duplicate)
            {
                _slots[slot] = (ulong)hash << 32 | (uint)(id + 1);
            }
        }
    }

    public int Find(ReadOnlySpan<char> word, int wordHash)
    {
        uint hash = (uint)wordHash;
        int slot = (int)hash & _mask;
        while (true)
        {
            ulong value = _slots[slot];
            if (value == 0)
            {
                return -1;
            }
            if ((uint)(value >> 32) == hash)
            {
                int entry = (int)(uint)value - 1;
                int start = _starts[entry];
                if (EqualsFolded(word, _chars.AsSpan(start, _starts[entry + 1] - start)))
                {
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

    private static bool EqualsFolded(ReadOnlySpan<char> word, ReadOnlySpan<char> key)
    {
        if (word.Length != key.Length)
        {
            return false;
        }
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
}
