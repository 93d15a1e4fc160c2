using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Dapper;

namespace Evident.Store.Ingest;

/// <summary>
/// Finds which natural keys of a batch are already stored, on a connection of its own, so that an import skips
/// analysing rows it already holds (a re-import of a million rows costs a lookup per row, not an analysis). Several
/// look-ups may share one <see cref="KeyLookupMemory"/> and run at once, each on its own connection: an import keeps
/// the next chunk's query in flight while the server answers the last one (see <see cref="ImportPipeline"/>).
/// </summary>
internal sealed class KeyLookup(DbConnection connection, StoreDialect dialect, int workspaceId, KeyLookupMemory memory) : IAsyncDisposable
{
    public KeyLookup(DbConnection connection, StoreDialect dialect, int workspaceId)
        : this(connection, dialect, workspaceId, new KeyLookupMemory())
    {
    }

    /// <summary>Whether (table, source) held any row when the import began: asked once, by whichever look-up asks first;
    /// the others wait for its answer rather than ask again after the import's first rows are committed.</summary>
    public Task<bool> HadRowsAsync(string table, string source) =>
        memory.HadRows.GetOrAdd((table, source), _ => new Lazy<Task<bool>>(() => connection.ExecuteScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM {table} WHERE workspace_id = @workspaceId AND source = @source)", new { workspaceId, source }))).Value;

    /// <summary>Whether the keys of (table, source) are still looked up by range.</summary>
    internal bool InRanges(string table, string source) => !memory.NotInRanges.ContainsKey((table, source));

    /// <summary>How many stored keys per key of a chunk a range may hold before the chunk's keys are probed one by one.</summary>
    internal const int RangeSpan = 4;

    /// <summary>
    /// Which of <paramref name="keys"/> (distinct, each with its record's values hash) are stored: all of them
    /// (<see cref="StoredKeys.All"/>, the re-import's usual answer, counted without carrying a million keys back), or
    /// those listed; and which of those are stored with another values hash (<see cref="StoredKeys.Changed"/>). A key
    /// without a hash, or stored without one (imported before hashes were kept), is never found changed.
    /// </summary>
    public async Task<StoredKeys> FindExistingAsync(string table, string source, Dictionary<string, long?> keys)
    {
        if (keys.Count == 0 || !await HadRowsAsync(table, source))
        {
            return StoredKeys.None;
        }

        if (dialect == StoreDialect.Postgres && InRanges(table, source))
        {
            var inRange = await FindInRangeAsync(table, source, keys);
            if (inRange is not null)
            {
                return inRange;
            }

            memory.NotInRanges.TryAdd((table, source), 0);
        }

        return dialect == StoreDialect.Sqlite ? await FindInSqliteAsync(table, source, keys) : await ProbeAsync(table, source, keys);
    }

    /// <summary>
    /// The keys probed one by one in the unique index: counted (stored, and stored with another hash), and listed only
    /// when some are missing or changed (<see cref="ListedAsync"/>).
    /// </summary>
    private async Task<StoredKeys> ProbeAsync(string table, string source, IReadOnlyCollection<KeyValuePair<string, long?>> keys)
    {
        var parameters = KeyParameters(source, keys);
        string matches = KeysJoin(table);
        string changed = $"t.values_hash <> {KeyHash}";
        var (stored, differing) = await connection.QuerySingleAsync<(long, long)>($"SELECT count(*), count(*) FILTER (WHERE {changed}) " + matches, parameters);
        return await ListedAsync(stored, differing, keys.Count, $"SELECT t.external_id, {changed} " + matches, parameters);
    }

    /// <summary>The parameters of a look-up of <paramref name="keys"/> in <paramref name="source"/>, as
    /// <see cref="KeysJoin"/> reads them: on SQLite one JSON object of keys and hashes, on PostgreSQL two arrays.</summary>
    private object KeyParameters(string source, IReadOnlyCollection<KeyValuePair<string, long?>> keys) => dialect == StoreDialect.Sqlite
        ? new { workspaceId, source, keys = JsonObjectOf(keys) }
        : new { workspaceId, source, keys = keys.Select(k => k.Key).ToArray(), hashes = keys.Select(k => k.Value).ToArray() };

    /// <summary>
    /// The keys (as <c>k</c>, their hash as <see cref="KeyHash"/>) joined with the rows of <c>@source</c> in
    /// <paramref name="table"/> (as <c>t</c>), each key probing the unique index. SQLite: json_each of an object, its
    /// keys in "key", their hashes in "value", kept outside by CROSS JOIN (with JOIN, SQLite chose to scan the source's
    /// rows and the keys for each). PostgreSQL: a join with the unnested arrays (`= ANY(@keys)` was 3x slower).
    /// </summary>
    private string KeysJoin(string table) => dialect == StoreDialect.Sqlite
        ? $"FROM json_each(@keys) k CROSS JOIN {table} t ON t.workspace_id = @workspaceId AND t.source = @source AND t.external_id = k.key"
        : $"FROM unnest(@keys, @hashes) AS k(id, h) JOIN {table} t ON t.workspace_id = @workspaceId AND t.source = @source AND t.external_id = k.id";

    /// <summary>A key's values hash in <see cref="KeysJoin"/>.</summary>
    private string KeyHash => dialect == StoreDialect.Sqlite ? "k.value" : "k.h";

    /// <summary>The keys in the parts a look-up sends: on SQLite at most <see cref="SqlitePart"/> each, on PostgreSQL all at once.</summary>
    private IEnumerable<IReadOnlyCollection<KeyValuePair<string, long?>>> PartsOf(Dictionary<string, long?> keys) =>
        dialect == StoreDialect.Sqlite && keys.Count > SqlitePart ? keys.Chunk(SqlitePart) : [keys];

    /// <summary>
    /// Keys a SQLite look-up sends at once, as one JSON object of keys and hashes (about 34 characters a key). Below the
    /// large object heap's 85,000 bytes: a chunk's 2,048 keys made a string of about 135 KB, which only a gen2 collection
    /// takes back; a re-import of a million rows then ran 8-10 gen2 collections instead of 3.
    /// </summary>
    internal const int SqlitePart = 1_024;

    /// <summary>SQLite: the keys looked up in parts of at most <see cref="SqlitePart"/>, the answers put together.</summary>
    private async Task<StoredKeys> FindInSqliteAsync(string table, string source, Dictionary<string, long?> keys)
    {
        if (keys.Count <= SqlitePart)
        {
            return await ProbeAsync(table, source, keys);
        }

        var parts = new List<(IReadOnlyCollection<KeyValuePair<string, long?>> Keys, StoredKeys Found)>();
        foreach (var part in PartsOf(keys))
        {
            parts.Add((part, await ProbeAsync(table, source, part)));
        }

        // the usual answers, each part's by a count: all stored unchanged, or none stored
        if (parts.TrueForAll(p => ReferenceEquals(p.Found, StoredKeys.Every)))
        {
            return StoredKeys.Every;
        }

        if (parts.TrueForAll(p => ReferenceEquals(p.Found, StoredKeys.None)))
        {
            return StoredKeys.None;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, answer) in parts)
        {
            changed.UnionWith(answer.Changed);
            if (answer.All)
            {
                // a part found whole lists none of its keys: they are all stored, the changed ones aside
                found.UnionWith(part.Select(k => k.Key).Where(k => !answer.Changed.Contains(k)));
            }
            else
            {
                found.UnionWith(answer.Keys);
            }
        }

        return new StoredKeys(parts.TrueForAll(p => p.Found.All), found, changed);
    }

    /// <summary>
    /// The other source of <paramref name="table"/> that holds the most of <paramref name="keys"/> with the same values
    /// hash, how many, and of how many keys with a hash; null when none holds any. Asked once per (table, source), of the
    /// first chunk's keys: later chunks get the same answer.
    /// </summary>
    public Task<SameRows?> SameRowsElsewhereAsync(string table, string source, Dictionary<string, long?> keys) =>
        memory.SameElsewhere.GetOrAdd((table, source), _ => new Lazy<Task<SameRows?>>(() => FindSameRowsElsewhereAsync(table, source, keys))).Value;

    private async Task<SameRows?> FindSameRowsElsewhereAsync(string table, string source, Dictionary<string, long?> keys)
    {
        int hashed = keys.Values.Count(hash => hash is not null);
        if (hashed == 0)
        {
            return null;
        }

        // A source at a time, each probed by its key's unique index: the index cannot be searched by id alone.
        var others = await connection.QueryAsync<string>(
            $"SELECT DISTINCT source FROM {table} WHERE workspace_id = @workspaceId AND source <> @source LIMIT 100", new { workspaceId, source });
        SameRows? best = null;
        foreach (string other in others)
        {
            long same = 0;
            foreach (var part in PartsOf(keys))
            {
                same += await connection.ExecuteScalarAsync<long>(
                    $"SELECT count(*) {KeysJoin(table)} WHERE t.values_hash = {KeyHash}", KeyParameters(other, part));
            }

            if (same > 0 && (best is null || same > best.Same))
            {
                best = new SameRows(other, same, hashed);
            }
        }

        return best;
    }

    /// <summary>The keys and their hashes as one JSON object (a key without a hash as null).</summary>
    private static string JsonObjectOf(IEnumerable<KeyValuePair<string, long?>> keys)
    {
        var buffer = new ArrayBufferWriter<byte>(SqlitePart * 40);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, hash) in keys)
            {
                if (hash is long value)
                {
                    json.WriteNumber(key, value);
                }
                else
                {
                    json.WriteNull(key);
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The answer for <paramref name="stored"/> keys found of <paramref name="asked"/>, <paramref name="differing"/> of
    /// them with other values: the keys themselves are read (by <paramref name="list"/>: each stored key and whether it
    /// changed) only when some are missing or changed.
    /// </summary>
    private async Task<StoredKeys> ListedAsync(long stored, long differing, int asked, string list, object parameters)
    {
        if (stored == 0)
        {
            return StoredKeys.None;
        }

        if (stored == asked && differing == 0)
        {
            return StoredKeys.Every;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, isChanged) in await connection.QueryAsync<(string, bool?)>(list, parameters))
        {
            (isChanged == true ? changed : found).Add(key);
        }

        return new StoredKeys(stored == asked, found, changed);
    }

    /// <summary>
    /// PostgreSQL: the stored keys between the chunk's least and greatest key (in the column's own collation), read as one
    /// stretch of the unique index and matched by a hash join, instead of a descent of the index per key: a chunk of
    /// 2,048 sorted keys 2.1 against 5.0 ms of the server's time, and the rows' pages read in order when they are not yet
    /// all-visible (right after a first import). The stretch is read up to <see cref="RangeSpan"/> times the chunk's keys;
    /// null when it holds more (keys in no order: a whole table's stretch per chunk took 458 ms against 10 ms probed).
    /// </summary>
    private async Task<StoredKeys?> FindInRangeAsync(string table, string source, Dictionary<string, long?> keys)
    {
        var parameters = new { workspaceId, source, keys = keys.Keys.ToArray(), hashes = keys.Values.ToArray(), cap = RangeSpan * keys.Count + 1 };
        string range = $"""
            WITH r AS MATERIALIZED (
                SELECT t.external_id, t.values_hash FROM {table} t
                WHERE t.workspace_id = @workspaceId AND t.source = @source
                  AND t.external_id BETWEEN (SELECT min(id) FROM unnest(@keys) AS id) AND (SELECT max(id) FROM unnest(@keys) AS id)
                LIMIT @cap)
            """;
        const string matches = " FROM r JOIN unnest(@keys, @hashes) AS k(id, h) ON k.id = r.external_id";
        var (spanned, stored, differing) = await connection.QuerySingleAsync<(long, long, long)>(
            range + $"SELECT (SELECT count(*) FROM r), m.stored, m.changed FROM (SELECT count(*) AS stored, count(*) FILTER (WHERE r.values_hash <> k.h) AS changed{matches}) m",
            parameters);
        if (spanned == parameters.cap)
        {
            return null;
        }

        return await ListedAsync(stored, differing, keys.Count, range + "SELECT r.external_id, r.values_hash <> k.h" + matches, parameters);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>The look-ups of one import, each on a connection of its own, sharing what they learn.</summary>
internal sealed class KeyLookups : IAsyncDisposable
{
    private readonly List<KeyLookup> _lanes = [];

    private KeyLookups()
    {
    }

    public IReadOnlyList<KeyLookup> Lanes => _lanes;

    public static async Task<KeyLookups> OpenAsync(Workspace workspace, int lanes, CancellationToken cancellation)
    {
        var memory = new KeyLookupMemory();
        var lookups = new KeyLookups();
        try
        {
            lookups._lanes.Add(new KeyLookup(await workspace.OpenConnectionAsync(cancellation), workspace.Dialect, workspace.Id, memory));
            while (lookups._lanes.Count < lanes)
            {
                DbConnection connection;
                try
                {
                    connection = await workspace.OpenConnectionAsync(cancellation);
                }
                catch (StoreException)
                {
                    break; // no connection to spare (the role's or the server's limit): one look-up does it all, as before
                }

                lookups._lanes.Add(new KeyLookup(connection, workspace.Dialect, workspace.Id, memory));
            }

            return lookups;
        }
        catch
        {
            await lookups.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lookup in _lanes)
        {
            await lookup.DisposeAsync();
        }
    }
}

/// <summary>What the look-ups of one import learn as they go, shared by those that run at once.</summary>
internal sealed class KeyLookupMemory
{
    /// <summary>Whether each (table, source) held any row when first asked: a source that was empty when the import
    /// began (a first import) needs no look-ups; the unique key still catches a file's own repeats. Lazy, so that two
    /// look-ups asking at once send one query.</summary>
    public ConcurrentDictionary<(string, string), Lazy<Task<bool>>> HadRows { get; } = new();

    /// <summary>
    /// (table, source) pairs whose keys do not arrive in ranges. A chunk's keys, from the least to the greatest, usually
    /// span little more of the stored keys than the chunk itself (an export sorted by id); the first chunk whose range
    /// holds more than <see cref="KeyLookup.RangeSpan"/> times its keys puts its pair here for the rest of the import.
    /// </summary>
    public ConcurrentDictionary<(string, string), byte> NotInRanges { get; } = new();

    /// <summary>The answer of <see cref="KeyLookup.SameRowsElsewhereAsync"/> per (table, source): the first chunk's.</summary>
    public ConcurrentDictionary<(string, string), Lazy<Task<SameRows?>>> SameElsewhere { get; } = new();
}

/// <summary>Of <see cref="Asked"/> keys with a values hash, <see cref="Same"/> are stored with that hash under <see cref="Source"/>.</summary>
internal sealed record SameRows(string Source, long Same, int Asked);

/// <summary>
/// The keys of a batch found stored: all of them (<see cref="All"/>), or those in <see cref="Keys"/> and
/// <see cref="Changed"/>; <see cref="Changed"/> holds those stored with other values.
/// </summary>
internal sealed record StoredKeys(bool All, HashSet<string> Keys, HashSet<string> Changed)
{
    public static readonly StoredKeys None = new(false, [], []);

    public static readonly StoredKeys Every = new(true, [], []);

    /// <summary>Whether <paramref name="key"/> is stored, changed or not.</summary>
    public bool Holds(string key) => All || Keys.Contains(key) || Changed.Contains(key);
}
