using Evident.Core.Metrics;
using Evident.Text;
using Evident.Text.Themes;

namespace Evident.Core.Evidence;

/// <summary>Interactions' figures overall, per channel, per team, and per channel and period.</summary>
public sealed record OperationsEvidence(
    InteractionStats Overall,
    IReadOnlyList<InteractionStats> ByChannel,
    IReadOnlyList<InteractionStats> ByTeam,
    IReadOnlyList<(string Channel, string Period, InteractionStats Stats)> ByChannelAndPeriod)
{
    public static OperationsEvidence Build(IReadOnlyList<InteractionFact> interactions, MetricOptions options, PeriodKind period)
    {
        int minimum = options.MinResponses;
        var repeats = InteractionStats.Repeats(interactions);
        var byChannel = interactions.GroupBy(i => i.Channel ?? "").OrderByDescending(g => g.Count())
            .Select(g => InteractionStats.Of(g.Key, [.. g], repeats, minimum)).ToList();
        var byTeam = interactions.GroupBy(i => i.Team ?? "").OrderByDescending(g => g.Count())
            .Select(g => InteractionStats.Of(g.Key, [.. g], repeats, minimum)).ToList();
        var byChannelAndPeriod = interactions.GroupBy(i => (Channel: i.Channel ?? "", Period: Period.Label(i.Day, period)))
            .OrderBy(g => g.Key.Channel, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal)
            .Select(g => (g.Key.Channel, g.Key.Period, InteractionStats.Of(g.Key.Period, [.. g], repeats, minimum))).ToList();
        return new OperationsEvidence(InteractionStats.Of("", interactions, repeats, minimum), byChannel, byTeam, byChannelAndPeriod);
    }
}

/// <summary>A comment shown as evidence, with the analysis that explains it (spans recomputed from the text).</summary>
public sealed record Verbatim(VerbatimRow Row, TextAnalysis Analysis);

/// <summary>Everything the report shows, gathered once.</summary>
public sealed record EvidenceSet(
    DateOnly? From,
    DateOnly? To,
    PeriodKind Period,
    MetricOptions Options,
    Scorecard Scorecard,
    IReadOnlyList<TopicEvidence> Themes,
    IReadOnlyList<TopicEvidence> Friction,
    OperationsEvidence? Operations,
    SayVersusDo SayVersusDo,
    EmployeeEvidence Employees,
    RhetoricEvidence Rhetoric,
    IReadOnlyList<(CommunicationFact Post, TextAnalysis Analysis)> RhetoricExamples,
    ReplyEvidence Replies,
    IReadOnlyList<EmergingPhrase> EmergingPhrases,
    IReadOnlyDictionary<string, IReadOnlyList<Verbatim>> Verbatims,
    IReadOnlyDictionary<string, string> ThemeNames)
{
    /// <summary>Friction per journey stage (empty without journey events).</summary>
    public IReadOnlyList<StageEvidence> FrictionByStage { get; init; } = [];
}
