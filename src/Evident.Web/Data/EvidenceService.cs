using System.Globalization;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Access;
using Evident.Store.Evidence;
using Evident.Store.Taxonomy;
using Evident.Text;

namespace Evident.Web.Data;

/// <summary>
/// The evidence the pages show, computed from the workspace's rollups and kept in memory: a page over a million rows
/// is computed once, then served from memory and refreshed in the background every minute. An import through the
/// server clears what is kept at once; an import from the command line shows within the minute or two.
/// </summary>
public sealed partial class EvidenceService(WorkspaceSource workspaces)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    public const string AnonymitySetting = "anonymity_threshold";
    public const string MinResponsesSetting = "min_responses";

    private long generation;

    private KeptAnalyzer? analyzer;

    /// <summary>
    /// The language engine with the workspace's taxonomy (the shipped one extended by the workspace's own themes), as
    /// imports, the API and the marked spans of Voices use it. Kept like the pages' figures: looked at again after
    /// <see cref="Invalidate"/> (a taxonomy saved here) or once a minute old (one changed by <c>evident themes</c>);
    /// rebuilt only when the taxonomy version moved. In async code, <see cref="AnalyzerAsync"/> does not block a thread.
    /// </summary>
    public TextAnalyzer Analyzer => Volatile.Read(ref analyzer) is { } kept && IsFresh(kept)
        ? kept.Analyzer
        : AnalyzerAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Analyzer"/>
    public async Task<TextAnalyzer> AnalyzerAsync(CancellationToken cancellation)
    {
        var kept = Volatile.Read(ref analyzer);
        if (kept is not null && IsFresh(kept))
        {
            return kept.Analyzer;
        }

        long current = Interlocked.Read(ref generation);
        await using var workspace = await workspaces.OpenAsync(cancellation);
        var taxonomy = new WorkspaceTaxonomy(workspace);
        long version = await taxonomy.VersionAsync(cancellation);
        if (kept is null || kept.Version != version)
        {
            var themes = await taxonomy.LoadAsync(cancellation);
            kept = new KeptAnalyzer(await Task.Run(() => WorkspaceAnalyzer.For(themes), cancellation), themes.Version, current, DateTimeOffset.UtcNow);
        }
        else
        {
            kept = kept with { Generation = current, CheckedAt = DateTimeOffset.UtcNow };
        }

        Volatile.Write(ref analyzer, kept);
        return kept.Analyzer;
    }

    private bool IsFresh(KeptAnalyzer kept) =>
        kept.Generation == Interlocked.Read(ref generation) && DateTimeOffset.UtcNow - kept.CheckedAt < KeptFor;

    private sealed record KeptAnalyzer(TextAnalyzer Analyzer, long Version, long Generation, DateTimeOffset CheckedAt);

    /// <summary>Forgets every computed page and looks at the taxonomy again (after an import, a setting or the taxonomy changed).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Invalidated?.Invoke();
    }

    /// <summary>Raised after <see cref="Invalidate"/>: something was stored or changed (search indexing wakes on it).</summary>
    public event Action? Invalidated;

    public Task<Workspace> OpenAsync(CancellationToken cancellation) => workspaces.OpenAsync(cancellation);

    /// <summary>The thresholds in force: the workspace's settings, else the defaults (30 answers, 5 employees).</summary>
    public static async Task<MetricOptions> OptionsAsync(Workspace workspace, CancellationToken cancellation)
    {
        var store = new AccessStore(workspace);
        var options = MetricOptions.Default;
        if (int.TryParse(await store.GetSettingAsync(AnonymitySetting, cancellation), NumberStyles.Integer, CultureInfo.InvariantCulture, out int threshold)
            && threshold >= MetricOptions.AnonymityFloor)
        {
            options = options with { AnonymityThreshold = threshold };
        }

        if (int.TryParse(await store.GetSettingAsync(MinResponsesSetting, cancellation), NumberStyles.Integer, CultureInfo.InvariantCulture, out int minimum) && minimum >= 1)
        {
            options = options with { MinResponses = minimum };
        }

        return options;
    }

    /// <summary>
    /// What <paramref name="compute"/> gives for <paramref name="key"/>. A value computed since the last
    /// <see cref="Invalidate"/> is served from memory; once older than <see cref="KeptFor"/> it is still served while a
    /// fresh one is computed in the background (so a page is slow only right after new data came in). Requests asking
    /// for the same key at once share one computation, which no single request's cancellation stops.
    /// </summary>
    public async Task<T> KeptAsync<T>(string key, Func<Workspace, MetricOptions, CancellationToken, Task<T>> compute, CancellationToken cancellation)
    {
        long current = Interlocked.Read(ref generation);
        if (kept.TryGetValue(key, out var entry) && entry.Generation == current && !entry.Value.IsFaulted && !entry.Value.IsCanceled)
        {
            if (entry.Value.IsCompletedSuccessfully && DateTimeOffset.UtcNow - entry.At > KeptFor && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
            {
                var refreshed = new KeptValue(ComputeAsync(compute), current);
                _ = refreshed.Value.ContinueWith(t => kept.TryUpdate(key, refreshed, entry), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }

            return (T)(await entry.Value.WaitAsync(cancellation))!;
        }

        var fresh = new KeptValue(ComputeAsync(compute), current);
        entry = kept.AddOrUpdate(key, fresh, (_, old) => old.Generation == current && !old.Value.IsFaulted && !old.Value.IsCanceled ? old : fresh);
        if (kept.Count > MaxKept)
        {
            Sweep();
        }

        return (T)(await entry.Value.WaitAsync(cancellation))!;
    }

    /// <summary>Computes what the overview shows, so that the first visitor after a start does not wait for it.</summary>
    public Task WarmAsync(CancellationToken cancellation = default) => Task.WhenAll(
        ScorecardAsync(PeriodKind.Month, null, cancellation), TopicsAsync(PeriodKind.Month, cancellation), RhetoricAsync(PeriodKind.Month, cancellation));

    private async Task<object?> ComputeAsync<T>(Func<Workspace, MetricOptions, CancellationToken, Task<T>> compute)
    {
        await Task.Yield(); // the computation runs on its own, not inside the first caller's request
        await using var workspace = await workspaces.OpenAsync(CancellationToken.None);
        var options = await OptionsAsync(workspace, CancellationToken.None);
        return await compute(workspace, options, CancellationToken.None);
    }

    /// <summary>Drops values of earlier generations and values nobody asked to refresh for a long time (filters make many keys).</summary>
    private void Sweep()
    {
        long current = Interlocked.Read(ref generation);
        foreach (var (key, value) in kept)
        {
            if (value.Generation != current || DateTimeOffset.UtcNow - value.At > 10 * KeptFor)
            {
                kept.TryRemove(key, out _);
            }
        }
    }

    private const int MaxKept = 500;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, KeptValue> kept = new(StringComparer.Ordinal);

    private sealed class KeptValue(Task<object?> value, long generation)
    {
        public Task<object?> Value { get; } = value;

        public long Generation { get; } = generation;

        public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;

        public int Refreshing;
    }

    /// <summary>The scorecard over time and, when <paramref name="by"/> is set, per group.</summary>
    public Task<Scorecard> ScorecardAsync(PeriodKind period, string? by, CancellationToken cancellation) =>
        KeptAsync($"scorecard|{period}|{by}", async (workspace, options, token) =>
        {
            // Summed per period in the store: the scorecard asks each row only which period it falls in.
            var reader = new EvidenceReader(workspace);
            return Scorecard.Build(
                await reader.ReadFeedbackSumsAsync("customer", by, periods: period, cancellation: token),
                await reader.ReadFeedbackSumsAsync("employee", by, periods: period, cancellation: token),
                options, period, by);
        }, cancellation);

    /// <summary>Themes and friction kinds with their drivers, trends and quadrants (the two computed side by side).</summary>
    public async Task<Topics> TopicsAsync(PeriodKind period, CancellationToken cancellation)
    {
        var themes = TopicSliceAsync(period, RollupSlice.Themes, cancellation);
        var friction = TopicSliceAsync(period, RollupSlice.Friction, cancellation);
        return new Topics(await themes, await friction);
    }

    private Task<IReadOnlyList<TopicEvidence>> TopicSliceAsync(PeriodKind period, RollupSlice slice, CancellationToken cancellation) =>
        KeptAsync($"topics|{slice}|{period}", async (workspace, options, token) =>
        {
            // Summed per period in the store: topics ask each row only which period it falls in. The comments per
            // source and period (every topic's denominator) are read once for both slices.
            var bySource = CommentedBySourceAsync(period, token);
            var rows = await new EvidenceReader(workspace).ReadFeedbackSumsAsync("customer", "source", slice, period, token);
            return TopicEvidence.Build(await bySource, rows, options, period);
        }, cancellation);

    private Task<IReadOnlyList<FeedbackSums>> CommentedBySourceAsync(PeriodKind period, CancellationToken cancellation) =>
        KeptAsync($"customers-by-source|{period}", (workspace, _, token) =>
            new EvidenceReader(workspace).ReadFeedbackSumsAsync("customer", "source", periods: period, cancellation: token), cancellation);

    /// <summary>Rhetoric against reality: the audit signals of the organisation's posts per period, and the gap index.</summary>
    public Task<RhetoricEvidence> RhetoricAsync(PeriodKind period, CancellationToken cancellation) =>
        KeptAsync($"rhetoric|{period}", async (workspace, options, token) =>
        {
            var reader = new EvidenceReader(workspace);
            var customers = await reader.ReadFeedbackSumsAsync("customer", periods: period, cancellation: token);
            var scorecard = Scorecard.Build(customers, [], options, period, null);
            return RhetoricEvidence.Build(
                await reader.ReadCommunicationsAsync(token), scorecard.Periods, EvidenceGatherer.FrictionShareByPeriod(customers, options, period), period);
        }, cancellation);

    /// <summary>A theme's display name in the workspace's taxonomy (its id when the taxonomy does not know it).</summary>
    public string ThemeName(string id) => Analyzer.Lexicons.Taxonomy.Find(id)?.Name ?? id;
}

/// <summary>Themes and friction kinds.</summary>
public sealed record Topics(IReadOnlyList<TopicEvidence> Themes, IReadOnlyList<TopicEvidence> Friction);
