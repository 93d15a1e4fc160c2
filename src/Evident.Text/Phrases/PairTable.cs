namespace Evident.Text.Phrases;

/// <summary>
/// A read-only map from a pair of lemmas to the phrases that start with them: one multiply-shift hash and, most
/// often, one probe. Stands in for a Dictionary&lt;long, int[]&gt;, whose lookup was a measurable share of matching.
/// </summary>
internal sealed class PairTable
{
    private readonly long[] _keys;     // first << 32 | second; -1 is empty
    private readonly int[] _starts;    // into _phrases
    private readonly int[] _counts;
    private readonly int[] _phrases;
    private readonly int _shift;
    private readonly int _mask;

    public PairTable(IReadOnlyDictionary<long, List<int>> pairs)
    {
        int bits = 4;
        while (1 << bits < pairs.Count * 2)
        {
            bits++;
        }
        int capacity = 1 << bits;
        _shift = 64 - bits;
        _mask = capacity - 1;
        _keys = new long[capacity];
        Array.Fill(_keys, -1L);
        _starts = new int[capacity];
        _counts = new int[capacity];
        var phrases = new List<int>();
        foreach (var (key, list) in pairs)
        {
            int slot = Slot(key);
            while (_keys[slot] != -1)
            {
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = key;
            _starts[slot] = phrases.Count;
            _counts[slot] = list.Count;
            phrases.AddRange(list);
        }
        _phrases = [.. phrases];
    }

    public static long Key(int first, int second) => (long)first << 32 | (uint)second;

    public ReadOnlySpan<int> Find(long key)
    {
        int slot = Slot(key);
        while (true)
        {
            long k = _keys[slot];
            if (k == key)
            {
                return _phrases.AsSpan(_starts[slot], _counts[slot]);
            }
            if (k == -1)
            {
                return [];
            }
            slot = (slot + 1) & _mask;
        }
    }

    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);
}
