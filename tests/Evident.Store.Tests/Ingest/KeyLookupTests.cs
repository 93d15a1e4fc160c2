using System.Globalization;
using System.Text;
using Evident.Core.Ingest;
using Evident.Store.Ingest;
using static Evident.Store.Tests.Importing;

namespace Evident.Store.Tests.Ingest;

/// <summary>
/// Which keys of a chunk are stored, on PostgreSQL: read as one stretch of the unique index when the chunk's keys come in
/// order (an export sorted by id), probed key by key when they do not.
/// </summary>
public sealed class KeyLookupTests
{
    private static string? Skip => StoreTarget.SkipReason("postgres");

    private static string Key(int i) => "k" + i.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>A PostgreSQL workspace holding keys 0 to <paramref name="rows"/> - 1 of source "survey", and a look-up on it.</summary>
    private static async Task<Stored> StoredAsync(int rows)
    {
        var target = await StoreTarget.CreateAsync("postgres");
        var csv = new StringBuilder("id,date,nps\n");
        for (int i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Key(i)},2026-03-01T10:00:00Z,{i % 11}\n");
        }

        var (totals, _) = await ImportAsync(target.Location, csv.ToString(), RecordKind.Feedback, source: "survey");
        Assert.Equal(rows, totals.Imported);
        var workspace = await Workspace.OpenAsync(target.Location);
        return new Stored(target, workspace, new KeyLookup(await workspace.OpenConnectionAsync(), workspace.Dialect, workspace.Id));
    }

    /// <summary>Keys as a chunk gives them, each without a values hash (never found changed).</summary>
    private static Dictionary<string, long?> Unhashed(IEnumerable<string> keys) => keys.ToDictionary(k => k, _ => (long?)null);

    /// <summary>The keys numbered <paramref name="keys"/>, each with its stored values hash but those numbered
    /// <paramref name="changed"/>, given another (and a key never stored, any).</summary>
    private static async Task<Dictionary<string, long?>> HashedAsync(Stored stored, IEnumerable<int> keys, params int[] changed)
    {
        var hashes = (await Dapper.SqlMapper.QueryAsync<(string Key, long Hash)>(stored.Workspace.Connection, "SELECT external_id, values_hash FROM feedback"))
            .ToDictionary(r => r.Key, r => r.Hash);
        return keys.Select(Key).ToDictionary(k => k, k => hashes.TryGetValue(k, out long hash) ? (long?)(changed.Contains(int.Parse(k[1..], CultureInfo.InvariantCulture)) ? ~hash : hash) : 42L);
    }

    private sealed record Stored(StoreTarget Target, Workspace Workspace, KeyLookup Lookup) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Lookup.DisposeAsync();
            await Workspace.DisposeAsync();
            await Target.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Keys_in_order_are_found_in_one_stretch_whether_all_or_some_are_stored()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var stored = await StoredAsync(300);
        var lookup = stored.Lookup;

        Assert.True((await lookup.FindExistingAsync("feedback", "survey", Unhashed(Enumerable.Range(100, 100).Select(Key)))).All);
        var some = await lookup.FindExistingAsync("feedback", "survey", Unhashed(Enumerable.Range(250, 100).Select(Key)));
        Assert.False(some.All);
        Assert.Equal(Enumerable.Range(250, 50).Select(Key).ToHashSet(), some.Keys);
        Assert.Same(StoredKeys.None, await lookup.FindExistingAsync("feedback", "survey", Unhashed(Enumerable.Range(400, 100).Select(Key))));
        // Another source's keys are not this one's.
        Assert.Same(StoredKeys.None, await lookup.FindExistingAsync("feedback", "other", Unhashed(Enumerable.Range(100, 100).Select(Key))));
        Assert.True(lookup.InRanges("feedback", "survey"));
    }

    [SkippableFact]
    public async Task Keys_spread_over_far_more_stored_keys_are_probed_one_by_one_from_then_on()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var stored = await StoredAsync(300);
        var lookup = stored.Lookup;

        // Every tenth key, out of order, with ten never stored: their stretch holds six times as many stored keys
        // as the chunk has, more than a stretch is read for.
        var keys = Enumerable.Range(0, 40).Select(i => Key(i * 10)).Reverse().Concat(Enumerable.Range(0, 10).Select(i => Key(1000 + i))).ToArray();
        Assert.True(300 > KeyLookup.RangeSpan * keys.Length);
        var found = await lookup.FindExistingAsync("feedback", "survey", Unhashed(keys));
        Assert.False(found.All);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => Key(i * 10)).ToHashSet(), found.Keys);
        Assert.False(lookup.InRanges("feedback", "survey"));

        // Later chunks of the same source are probed, and still found whole.
        Assert.True((await lookup.FindExistingAsync("feedback", "survey", Unhashed(Enumerable.Range(100, 100).Select(Key)))).All);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Keys_stored_with_another_values_hash_are_told_apart_in_a_stretch_and_probed(bool probed)
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var stored = await StoredAsync(300);
        var lookup = stored.Lookup;
        if (probed)
        {
            // A chunk whose keys spread over far more stored keys puts the source on probes.
            Assert.True((await lookup.FindExistingAsync("feedback", "survey", Unhashed(Enumerable.Range(0, 20).Select(i => Key(i * 15))))).All);
            Assert.False(lookup.InRanges("feedback", "survey"));
        }

        // All stored, two changed: all the same, with the two named.
        var all = await lookup.FindExistingAsync("feedback", "survey", await HashedAsync(stored, Enumerable.Range(100, 100), 120, 199));
        Assert.True(all.All);
        Assert.Equal(["k0120", "k0199"], all.Changed.Order());
        Assert.True(all.Holds("k0120") && all.Holds("k0150"));
        Assert.Equal(!probed, lookup.InRanges("feedback", "survey"));

        // Some stored, one of them changed, and keys never stored: the changed one is not among the unchanged.
        var some = await lookup.FindExistingAsync("feedback", "survey", await HashedAsync(stored, Enumerable.Range(250, 100), 260));
        Assert.False(some.All);
        Assert.Equal(["k0260"], some.Changed);
        Assert.Equal(Enumerable.Range(250, 50).Where(i => i != 260).Select(Key).ToHashSet(), some.Keys);
        Assert.False(some.Holds("k0300"));

        // The same keys with their stored hashes: nothing changed, and the answer is a count.
        Assert.Same(StoredKeys.Every, await lookup.FindExistingAsync("feedback", "survey", await HashedAsync(stored, Enumerable.Range(100, 100))));
    }
}
