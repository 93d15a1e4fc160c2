using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Evident.Core.Ingest;

/// <summary>
/// Finds the rows of one input that give an id an earlier row gave, with other values. The store keeps the first row
/// of a key and counts the others as duplicates, which is right for a row exported twice and loses data when the
/// column is not each row's own id (a ticket's or a customer's number): such a row is rejected instead, naming the
/// earlier line, so that the user sees it. A row repeating an earlier one exactly is left to be counted a duplicate.
/// </summary>
/// <remarks>
/// Each id is held as a 64-bit hash with a 32-bit hash of the row's values and the line that gave it (packed in one
/// 64-bit word), not as the id itself: a first import of a million rows with ids peaked 41-47 MiB higher (the
/// dictionary's growth) and its reading stage took 0.5-0.9 s longer, out of 1.4-1.6 s (no change in the import's time
/// beyond the machine's noise). Two ids with one hash (about one chance in 37 million over a million ids) would make
/// the second row read as a repeat; two rows whose values share their 32-bit hash (one in four billion per repeated id)
/// as the same row again, counted a duplicate as before this check.
/// </remarks>
public sealed class RepeatedIds
{
    private readonly Dictionary<ulong, ulong> _seen = [];

    /// <summary>
    /// The line of the earlier row that gave <paramref name="id"/> with other values than <paramref name="values"/>
    /// (all but the id's, in <paramref name="idColumn"/>), or null when none did; remembers the first row of each id.
    /// </summary>
    public long? EarlierLineWithOtherValues(string id, IReadOnlyList<string?> values, int idColumn, long line) =>
        EarlierLineWithOther(id, HashOf(values, idColumn), line);

    /// <summary>As <see cref="EarlierLineWithOtherValues"/>, for values hashed by <see cref="HashOf"/>.</summary>
    public long? EarlierLineWithOther(string id, uint hash, long line)
    {
        ulong key = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
        ref ulong seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, key, out bool exists);
        if (!exists)
        {
            seen = ((ulong)hash << 32) | (uint)Math.Min(line, uint.MaxValue);
            return null;
        }

        return seen >> 32 == hash ? null : (long)(uint)seen;
    }

    /// <summary>The values' hash, each value's hash seeding the next (one-shot hashes of short values: the streaming
    /// hasher's appends took 1.3-1.6 times as long over a million rows); a missing value and an empty one differ; <paramref name="skip"/>'s
    /// value (the id's, or -1) is left out.</summary>
    public static uint HashOf(IReadOnlyList<string?> values, int skip)
    {
        long seed = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (i != skip)
            {
                seed = values[i] is { } value ? (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()), seed) : ~seed;
            }
        }

        return (uint)((ulong)seed >> 32);
    }
}
