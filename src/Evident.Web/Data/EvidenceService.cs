using System.Globalization;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Access;
using Evident.Store.Evidence;
using Evident.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Evident.Web.Data;

/// <summary>
/// The evidence the pages show, computed from the workspace's rollups and kept for a minute: a page over a million
/// rows is computed once, then served from memory. An import through the server clears what is kept at once; an
/// import from the command line shows within the minute.
/// </summary>
public sealed partial class EvidenceService(WorkspaceSource workspaces, IMemoryCache cache)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    public const string AnonymitySetting = "anonymity_threshold";
    public const string MinResponsesSetting = "min_responses";

    private long generation;

    public TextAnalyzer Analyzer => TextAnalyzer.Default;

    /// <summary>Forgets every computed page (after an import or a setting changed).</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

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

    /// <summary>What <paramref name="compute"/> gives for <paramref name="key"/>, computed at most once a minute.</summary>
    public async Task<T> KeptAsync<T>(string key, Func<Workspace, MetricOptions, CancellationToken, Task<T>> compute, CancellationToken cancellation)
    {
        string fullKey = string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref generation)}|{key}");
        if (cache.TryGetValue(fullKey, out T? kept))
        {
            return kept!;
        }

        await using var workspace = await workspaces.OpenAsync(cancellation);
        var options = await OptionsAsync(workspace, cancellation);
        var value = await compute(workspace, options, cancellation);
        cache.Set(fullKey, value, KeptFor);
        return value;
    }

    /// <summary>The scorecard over time and, when <paramref name="by"/> is set, per group.</summary>
    public Task<Scorecard> ScorecardAsync(PeriodKind period, string? by, CancellationToken cancellation) =>
        KeptAsync($"scorecard|{period}|{by}", async (workspace, options, token) =>
        {
            var reader = new EvidenceReader(workspace);
            return Scorecard.Build(
                await reader.ReadFeedbackSumsAsync("customer", by, cancellation: token),
                await reader.ReadFeedbackSumsAsync("employee", by, cancellation: token),
                options, period, by);
        }, cancellation);

    /// <summary>Themes and friction kinds with their drivers, trends and quadrants.</summary>
    public Task<Topics> TopicsAsync(PeriodKind period, CancellationToken cancellation) =>
        KeptAsync($"topics|{period}", async (workspace, options, token) =>
        {
            var reader = new EvidenceReader(workspace);
            var bySource = await reader.ReadFeedbackSumsAsync("customer", "source", cancellation: token);
            var themes = TopicEvidence.Build(bySource, await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Themes, token), options, period);
            var friction = TopicEvidence.Build(bySource, await reader.ReadFeedbackSumsAsync("customer", "source", RollupSlice.Friction, token), options, period);
            return new Topics(themes, friction);
        }, cancellation);

    /// <summary>Rhetoric against reality: the audit signals of the organisation's posts per period, and the gap index.</summary>
    public Task<RhetoricEvidence> RhetoricAsync(PeriodKind period, CancellationToken cancellation) =>
        KeptAsync($"rhetoric|{period}", async (workspace, options, token) =>
        {
            var reader = new EvidenceReader(workspace);
            var customers = await reader.ReadFeedbackSumsAsync("customer", cancellation: token);
            var scorecard = Scorecard.Build(customers, [], options, period, null);
            return RhetoricEvidence.Build(
                await reader.ReadCommunicationsAsync(token), scorecard.Periods, EvidenceGatherer.FrictionShareByPeriod(customers, options, period), period);
        }, cancellation);

    /// <summary>A theme's display name (its id when the taxonomy does not know it).</summary>
    public string ThemeName(string id) =>
        Analyzer.Lexicons.Taxonomy.Themes.FirstOrDefault(t => t.Id == id)?.Name ?? id;
}

/// <summary>Themes and friction kinds.</summary>
public sealed record Topics(IReadOnlyList<TopicEvidence> Themes, IReadOnlyList<TopicEvidence> Friction);
