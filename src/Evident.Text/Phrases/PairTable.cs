namespace Evident.Text.Phrases;

/// <summary>
/// A read-only map from a pair of lemmas to the phrases that start with them: one multiply-shift hash and, most
/// often, one probe. Stands in for a Dictionary&lt;long, int[]&gt;, whose lookup was a measurable share of matching.
/// Lemmas are entry ids below 65,535 (<see cref="Tokens.WordTable.MaxEntries"/>), so a pair packs into 32 bits and
/// the key array is half the size.
/// </summary>
internal sealed class PairTable
{
    private readonly uint[] _keys;     // first << 16 | second; Empty is empty
    private readonly int[] _starts;    // into _phrases
    private readonly int[] _counts;
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
        _keys = new uint[capacity];
        Array.Fill(_keys, Empty);
        _starts = new int[capacity];
        _counts = new int[capacity];
        var phrases = new List<int>();
        foreach (var (key, list) in pairs)
        {
            int slot = Slot(key);
            while (_keys[slot] != Empty)
            {
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = key;
            uint bit = FilterBit(key);
            _filter[bit >> 6] |= 1UL << (int)bit;
            _starts[slot] = phrases.Count;
            _counts[slot] = list.Count;
            phrases.AddRange(list);
        }
        _phrases = [.. phrases];
    }

    /// <summary>Whether no pair is held at all.</summary>
    public bool IsEmpty => _phrases.Length == 0;

    public static uint Key(int first, int second) => (uint)first << 16 | (uint)second;

    public ReadOnlySpan<int> Find(uint key)
    {
        uint bit = FilterBit(key);
        if ((_filter[bit >> 6] & (1UL << (int)bit)) == 0)
        {
            return [];
        }
        int slot = Slot(key);
        while (true)
        {
            uint k = _keys[slot];
            if (k == key)
            {
                return _phrases.AsSpan(_starts[slot], _counts[slot]);
            }
            if (k == Empty)
            {
                return [];
            }
            slot = (slot + 1) & _mask;
        }
    }

    private int Slot(uint key) => (int)(key * 0x9E3779B9u >> _shift);

    private static uint FilterBit(uint key) => key * 0x85EBCA6Bu >> 16; // another multiplier than Slot's, so a slot's keys spread over the bits
}
