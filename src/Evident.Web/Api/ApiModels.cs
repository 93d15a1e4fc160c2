using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Store.Evidence;

namespace Evident.Web.Api;

// What the API answers, as records (camelCase on the wire), with the mappers from the evidence. Figures are rounded as
// EvidenceJson rounds them; a figure that cannot be told is null with the reason in `withheld`.

/// <summary>A figure with its 95 % interval and the answers behind it; <see cref="Withheld"/> says why there is no value.</summary>
public sealed record EstimateDto(double? Value, double? Low, double? High, long N, string? Withheld)
{
    public static EstimateDto Of(Estimate estimate) =>
        new(EvidenceJson.Round(estimate.Value), EvidenceJson.Round(estimate.Low), EvidenceJson.Round(estimate.High), estimate.N, estimate.Withheld);
}

/// <summary>A difference between two figures, and whether it is significant (5 %, two-sided).</summary>
public sealed record DifferenceDto(double? Delta, double? P, bool Significant)
{
    public static DifferenceDto? Of(Difference? difference) => difference is Difference d
        ? new DifferenceDto(EvidenceJson.Round(d.Delta), double.IsFinite(d.P) ? Math.Round(d.P, 4) : null, d.Significant)
        : null;

    public static Dictionary<string, DifferenceDto?> Of(IReadOnlyDictionary<string, Difference?> differences) =>
        differences.ToDictionary(p => p.Key, p => Of(p.Value), StringComparer.Ordinal);
}

/// <summary>NPS, CSAT (top-2-box %), CES, eNPS, rating and mean sentiment.</summary>
public sealed record ScoresDto(EstimateDto Nps, EstimateDto Csat, EstimateDto Ces, EstimateDto Enps, EstimateDto Rating, EstimateDto Sentiment)
{
    public static ScoresDto Of(ScoreSet scores) => new(
        EstimateDto.Of(scores.Nps), EstimateDto.Of(scores.Csat), EstimateDto.Of(scores.Ces),
        EstimateDto.Of(scores.Enps), EstimateDto.Of(scores.Rating), EstimateDto.Of(scores.Sentiment));
}

public sealed record MetricsPeriodDto(string Period, ScoresDto Scores, IReadOnlyDictionary<string, DifferenceDto?> ChangeFromPrevious);

public sealed record MetricsGroupDto(string Group, ScoresDto Scores, IReadOnlyDictionary<string, DifferenceDto?> VersusRest);

/// <summary>GET /api/v1/metrics: the scorecard overall, per period, and per group when <c>by</c> is given.</summary>
public sealed record MetricsResponse(string Period, string? By, ScoresDto Overall, IReadOnlyList<MetricsPeriodDto> Periods, IReadOnlyList<MetricsGroupDto> Groups)
{
    public static MetricsResponse Of(string period, Scorecard scorecard) => new(
        period,
        scorecard.GroupedBy,
        ScoresDto.Of(scorecard.Overall),
        [.. scorecard.Periods.Select(p => new MetricsPeriodDto(p.Period, ScoresDto.Of(p.Scores), DifferenceDto.Of(p.ChangeFromPrevious)))],
        [.. scorecard.Groups.Select(g => new MetricsGroupDto(g.Group, ScoresDto.Of(g.Scores), DifferenceDto.Of(g.VersusRest)))]);
}

/// <summary>What a topic does to a score: the score with and without the answers that raise it, and the move.</summary>
/// <param name="MoveWithout">Points the score would move without those answers; positive when the topic drags it down.</param>
public sealed record ImpactDto(string ScoreKind, EstimateDto WithTopic, EstimateDto WithoutTopic, double? MoveWithout, bool Significant, double? P)
{
    public static ImpactDto Of(DriverImpact impact) => new(
        impact.ScoreKind, EstimateDto.Of(impact.WithTheme), EstimateDto.Of(impact.WithoutTheme), EvidenceJson.Round(impact.MoveWithout),
        impact.Significant, impact.ThemeVersusRest is Difference d && double.IsFinite(d.P) ? Math.Round(d.P, 4) : null);
}

public sealed record TrendPointDto(string Period, long Mentions, long Commented, EstimateDto Share, double? Sentiment);

public sealed record TopicGroupDto(string Group, long Mentions, EstimateDto Share, double? Sentiment, EstimateDto DetractorShare);

public sealed record ShiftDto(string Since, EstimateDto Before, EstimateDto After, DifferenceDto? Difference);

/// <summary>A theme or a friction kind: how often customers raise it, how they feel about it, what it does to NPS and CSAT.</summary>
/// <param name="Id">The theme id or friction kind, as the verbatims' <c>theme</c> or <c>friction</c> filter takes it.</param>
/// <param name="Share">Percent of commented customer feedback that raises it.</param>
/// <param name="Quadrant">Where it stands on the importance × performance map; null when it cannot be placed.</param>
/// <param name="Verbatims">The address of its comments.</param>
public sealed record TopicDto(
    string Id,
    string Name,
    long Mentions,
    EstimateDto Share,
    double? Sentiment,
    double? Effort,
    EstimateDto DetractorShare,
    ImpactDto NpsImpact,
    ImpactDto CsatImpact,
    string? Quadrant,
    DifferenceDto? LatestChange,
    ShiftDto? Shift,
    IReadOnlyList<TrendPointDto> Trend,
    IReadOnlyList<TopicGroupDto> BySource,
    string Verbatims)
{
    public static TopicDto Of(TopicEvidence topic, string name) => new(
        topic.Name,
        name,
        topic.Mentions,
        EstimateDto.Of(topic.Share),
        EvidenceJson.Round(topic.Sentiment),
        EvidenceJson.Round(topic.Effort),
        EstimateDto.Of(topic.DetractorShare),
        ImpactDto.Of(topic.NpsImpact),
        ImpactDto.Of(topic.CsatImpact),
        topic.Quadrant.Length > 0 ? topic.Quadrant : null,
        DifferenceDto.Of(topic.LatestChange),
        topic.Shift is { } shift ? new ShiftDto(shift.Since, EstimateDto.Of(shift.Before), EstimateDto.Of(shift.After), DifferenceDto.Of(shift.Difference)) : null,
        [.. topic.Trend.Select(t => new TrendPointDto(t.Period, t.Mentions, t.Commented, EstimateDto.Of(t.Share), EvidenceJson.Round(t.Sentiment)))],
        [.. topic.Groups.Select(g => new TopicGroupDto(g.Group, g.Mentions, EstimateDto.Of(g.Share), EvidenceJson.Round(g.Sentiment), EstimateDto.Of(g.DetractorShare)))],
        VerbatimsLink(topic));

    public static string VerbatimsLink(TopicEvidence topic) =>
        $"{ApiEndpoints.Prefix}/verbatims?{(topic.IsFriction ? "friction" : "theme")}={Uri.EscapeDataString(topic.Name)}";
}

/// <summary>GET /api/v1/themes.</summary>
public sealed record ThemesResponse(string Period, IReadOnlyList<TopicDto> Themes);

/// <summary>A topic on the importance × performance map, with its impact on NPS and CSAT.</summary>
/// <param name="Importance">Percent of commented feedback that raises it.</param>
/// <param name="Performance">Sentiment about it, from −1 to 1.</param>
public sealed record DriverDto(string Id, string Name, long Mentions, double? Importance, double? Performance, string? Quadrant, ImpactDto NpsImpact, ImpactDto CsatImpact, string Verbatims);

/// <summary>One map: where importance is split (the mean share of the placed topics) and performance (neutral, 0).</summary>
public sealed record DriverMapDto(double ImportanceSplit, double PerformanceSplit, IReadOnlyList<DriverDto> Drivers)
{
    /// <summary>Biggest NPS cost first (as the Themes page lists drivers); topics whose cost cannot be told after them, by mentions.</summary>
    public static DriverMapDto Of(IReadOnlyList<TopicEvidence> topics, Func<TopicEvidence, string> nameOf)
    {
        var placed = topics.Where(t => t.Share.Value is not null && t.Sentiment is not null && t.Quadrant.Length > 0).ToList();
        double split = placed.Count > 0 ? placed.Average(t => t.Share.Value!.Value) : 0;
        return new DriverMapDto(
            EvidenceJson.Round(split) ?? 0,
            TopicEvidence.PerformanceDivider,
            [.. topics
                .OrderBy(t => t.NpsImpact.MoveWithout is null)
                .ThenByDescending(t => t.NpsImpact.MoveWithout)
                .ThenByDescending(t => t.Mentions)
                .Select(t => new DriverDto(t.Name, nameOf(t), t.Mentions, EvidenceJson.Round(t.Share.Value), EvidenceJson.Round(t.Sentiment),
                    t.Quadrant.Length > 0 ? t.Quadrant : null, ImpactDto.Of(t.NpsImpact), ImpactDto.Of(t.CsatImpact), TopicDto.VerbatimsLink(t)))]);
    }
}

/// <summary>GET /api/v1/drivers: themes and friction kinds, each on its own map.</summary>
public sealed record DriversResponse(string Period, DriverMapDto Themes, DriverMapDto Friction);

public sealed record PercentilesDto(double? P50, double? P90, double? P99, long N)
{
    public static PercentilesDto Of(Percentiles p) => new(EvidenceJson.Round(p.P50), EvidenceJson.Round(p.P90), EvidenceJson.Round(p.P99), p.N);
}

/// <summary>Interactions' figures for one group (a channel, a team, a period; "" for all).</summary>
public sealed record OperationsStatsDto(
    string Group,
    long Contacts,
    PercentilesDto FirstResponseSeconds,
    PercentilesDto ResolutionSeconds,
    PercentilesDto WaitSeconds,
    double? MeanHoldSeconds,
    EstimateDto TransferredShare,
    double? MeanTransfers,
    double? MeanMenuSteps,
    EstimateDto AbandonedShare,
    EstimateDto RepeatContactShare,
    double? ContactsPerAgentDay,
    EstimateDto AfterHoursShare)
{
    public static OperationsStatsDto Of(InteractionStats s) => new(
        s.Group, s.Contacts, PercentilesDto.Of(s.FirstResponseSeconds), PercentilesDto.Of(s.ResolutionSeconds), PercentilesDto.Of(s.WaitSeconds),
        EvidenceJson.Round(s.MeanHoldSeconds), EstimateDto.Of(s.TransferredShare), EvidenceJson.Round(s.MeanTransfers), EvidenceJson.Round(s.MeanMenuSteps),
        EstimateDto.Of(s.AbandonedShare), EstimateDto.Of(s.RepeatContactShare), EvidenceJson.Round(s.ContactsPerAgentDay), EstimateDto.Of(s.AfterHoursShare));
}

public sealed record ChannelPeriodDto(string Channel, string Period, OperationsStatsDto Stats);

public sealed record OperationsDto(OperationsStatsDto Overall, IReadOnlyList<OperationsStatsDto> ByChannel, IReadOnlyList<OperationsStatsDto> ByTeam, IReadOnlyList<ChannelPeriodDto> ByChannelAndPeriod)
{
    public static OperationsDto Of(OperationsEvidence o) => new(
        OperationsStatsDto.Of(o.Overall),
        [.. o.ByChannel.Select(OperationsStatsDto.Of)],
        [.. o.ByTeam.Select(OperationsStatsDto.Of)],
        [.. o.ByChannelAndPeriod.Select(c => new ChannelPeriodDto(c.Channel, c.Period, OperationsStatsDto.Of(c.Stats)))]);
}

public sealed record StageFrictionDto(string Kind, long Comments, EstimateDto Share, double? Sentiment, EstimateDto DetractorShare);

/// <summary>The friction customers describe at one journey stage.</summary>
public sealed record StageDto(string Stage, long Commented, IReadOnlyList<StageFrictionDto> Friction)
{
    public static StageDto Of(StageEvidence stage) => new(stage.Stage, stage.Commented,
        [.. stage.Friction.Select(f => new StageFrictionDto(f.Kind, f.Comments, EstimateDto.Of(f.Share), EvidenceJson.Round(f.Sentiment), EstimateDto.Of(f.DetractorShare)))]);
}

public sealed record ClassOutcomeDto(string Class, long People, EstimateDto Churned, EstimateDto CameBack);

/// <summary>What promoters, passives and detractors did within <see cref="WindowDays"/> days of their answer.</summary>
public sealed record SayDoDto(IReadOnlyList<ClassOutcomeDto> Classes, DifferenceDto? DetractorVersusPromoterChurn, long PromotersWhoLeft, long DetractorsWhoStayed, int WindowDays)
{
    public static SayDoDto Of(SayVersusDo s) => new(
        [.. s.Classes.Select(c => new ClassOutcomeDto(c.Class, c.People, EstimateDto.Of(c.Churned), EstimateDto.Of(c.CameBack)))],
        DifferenceDto.Of(s.DetractorVersusPromoterChurn), s.PromotersWhoLeft, s.DetractorsWhoStayed, s.WindowDays);
}

/// <summary>GET /api/v1/friction: the kinds customers describe, by journey stage, interactions' figures, say vs do.</summary>
/// <param name="Operations">Null when the workspace holds no interactions.</param>
public sealed record FrictionResponse(string Period, IReadOnlyList<TopicDto> Kinds, IReadOnlyList<StageDto> ByStage, OperationsDto? Operations, SayDoDto SayDo);

/// <summary>A customer comment as stored, with the signals its analysis found.</summary>
/// <param name="Label">The sentiment label: positive, neutral or negative.</param>
/// <param name="Themes">Theme ids, as the <c>theme</c> filter takes them.</param>
/// <param name="Friction">Friction kinds, as the <c>friction</c> filter takes them.</param>
public sealed record VerbatimDto(
    long Id,
    string ExternalId,
    string Source,
    DateTimeOffset CreatedAt,
    string Text,
    string? ScoreKind,
    double? Score,
    double? Sentiment,
    string? Label,
    string? Segment,
    string? Team,
    string? Channel,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Friction)
{
    public static VerbatimDto Of(VoiceRow row) => new(
        row.Id, row.ExternalId, row.Source, row.At, row.Text, row.ScoreKind, row.Score, EvidenceJson.Round(row.Sentiment),
        row.SentimentLabel switch { 1 => "positive", 0 => "neutral", -1 => "negative", _ => null },
        row.Segment, row.Team, row.Channel, row.Themes, row.Friction);
}

/// <summary>GET /api/v1/verbatims: how many match, one page of them newest first, and the address of the next page.</summary>
public sealed record VerbatimsResponse(long Total, long Page, int PageSize, IReadOnlyList<VerbatimDto> Items, string? Next);

/// <summary>An item of a write that was not imported: its position in the request, the field at fault (if one), and why.</summary>
public sealed record ItemError(int Index, string? Field, string Message);

/// <summary>What a write did: items received, imported, already stored (or repeated in the request), rejected and why.</summary>
public sealed record WriteResponse(int Received, long Imported, long Duplicate, long Rejected, IReadOnlyList<ItemError> Errors);

/// <summary>POST /api/v1/audit: the text to analyse.</summary>
public sealed record AuditRequest(string Text);
