using System.Runtime.CompilerServices;

namespace Evident.Text.Phrases;

/// <summary>
/// A read-only map from a pair of lemmas to the phrases that start with them: one multiply-shift hash and, most
/// often, one probe. Stands in for a Dictionary&lt;long, int[]&gt;, whose lookup was a measurable share of matching.
/// Lemmas are entry ids below 65,535 (<see cref="Tokens.WordTable.MaxEntries"/>), so a pair packs into 32 bits and
/// the key array is half the size.
/// </summary>
internal sealed class PairTable
{
    // A slot's key and where its list lies, side by side: a hit reads one cache line, not three arrays'.
    private readonly Slot[] _slots;
    private readonly int[] _phrases;
    private readonly int _shift;
    private readonly int _mask;
    // One bit per 16-bit hash of a key, so that most pairs no phrase starts with (about nine lookups in ten) are turned
    // away by one read of 8 KB that stays in the first-level cache, instead of a probe into the larger key array.
    private readonly ulong[] _filter = new ulong[FilterBits / 64];

    private const int FilterBits = 1 << 16;

    private const uint Empty = uint.MaxValue; // two lemmas of 65,535: none is that high

    public PairTable(IReadOnlyDictionary<uint, List<int>> pairs)
    {
        int bits = 4;
        while (1 << bits < pairs.Count * 2)
        {
            bits++;
        }
        int capacity = 1 << bits;
        _shift = 32 - bits;
        _mask = capacity - 1;
        _slots = new Slot[capacity];
        Array.Fill(_slots, new Slot(Empty, 0, 0));
        var phrases = new List<int>();
        foreach (var (key, list) in pairs)
        {
            int slot = SlotOf(key);
            while (_slots[slot].Key != Empty)
            {
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = new Slot(key, phrases.Count, list.Count);
            uint bit = FilterBit(key);
            _filter[bit >> 6] |= 1UL << (int)bit;
            phrases.AddRange(list);
        }
        _phrases = [.. phrases];
    }

    /// <summary>Whether no pair is held at all.</summary>
    public bool IsEmpty => _phrases.Length == 0;

    public static uint Key(int first, int second) => (uint)first << 16 | (uint)second;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Find(uint key)
    {
        uint bit = FilterBit(key);
        if ((_filter[bit >> 6] & (1UL << (int)bit)) == 0)
        {
            return [];
        }
        int slot = SlotOf(key);
        while (true)
        {
            ref readonly Slot s = ref _slots[slot];
            if (s.Key == key)
            {
                return _phrases.AsSpan(s.Start, s.Count);
            }
            if (s.Key == Empty)
            {
                return [];
            }
            slot = (slot + 1) & _mask;
        }
    }

    private int SlotOf(uint key) => (int)(key * 0x9E3779B9u >> _shift);

    private readonly record struct Slot(uint Key, int Start, int Count);

    private static uint FilterBit(uint key) => key * 0x85EBCA6Bu >> 16; // another multiplier than SlotOf's, so a slot's keys spread over the bits
}
