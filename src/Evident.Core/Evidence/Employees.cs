using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>One team's employee figures; everything is withheld when fewer respondents than the anonymity threshold.</summary>
public sealed record TeamEvidence(
    string Team,
    long Respondents,
    Estimate Enps,
    Estimate Sentiment,
    IReadOnlyList<(string Period, Estimate Enps)> Trend,
    double? ContactsPerAgentDay,
    Estimate AfterHoursShare,
    IReadOnlyList<(string Period, double? ContactsPerAgentDay)> WorkloadTrend)
{
    public bool Withheld => !Enps.Shown && Enps.Withheld?.StartsWith("fewer than", StringComparison.Ordinal) == true;
}

/// <summary>One theme as customers and employees speak of it, side by side ("removed, or moved to employees?").</summary>
public sealed record SharedFriction(string Theme, Estimate CustomerShare, double? CustomerSentiment, Estimate EmployeeShare, double? EmployeeSentiment);

/// <summary>
/// Employee evidence: eNPS per team and over time, employee themes, workload from interactions (contacts per agent per
/// day, after-hours share), and the themes customers and employees both raise. No figure about employees is shown for
/// fewer respondents than <see cref="MetricOptions.AnonymityThreshold"/>.
/// </summary>
public sealed record EmployeeEvidence(Estimate Enps, long Respondents, IReadOnlyList<TeamEvidence> Teams, IReadOnlyList<TopicEvidence> Themes, IReadOnlyList<SharedFriction> Shared)
{
    public static EmployeeEvidence Build(
        IReadOnlyList<VerbatimRow> pulses,
        IReadOnlyList<InteractionFact> interactions,
        IReadOnlyList<FeedbackSums> employeeAll,
        IReadOnlyList<FeedbackSums> employeeThemes,
        IReadOnlyList<TopicEvidence> customerThemes,
        MetricOptions options,
        PeriodKind period)
    {
        int threshold = options.AnonymityThreshold;
        int minimum = options.MinimumFor(employees: true);
        var byTeam = interactions.Where(i => i.Team is not null).ToLookup(i => i.Team!, StringComparer.Ordinal);
        var teams = new List<TeamEvidence>();
        foreach (var team in pulses.GroupBy(p => p.Team ?? "(no team)").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            long respondents = CountRespondents(team);
            var work = byTeam[team.Key].ToList();
            var trend = team.GroupBy(p => Period.Label(DateOnly.FromDateTime(p.At.UtcDateTime), period)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, EnpsOf(g, threshold, minimum))).ToList();
            var workload = work.GroupBy(i => Period.Label(i.Day, period)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, ContactsPerAgentDay(g))).ToList();
            if (respondents < threshold)
            {
                var withheld = WithheldEstimate(respondents, threshold);
                teams.Add(new TeamEvidence(team.Key, respondents, withheld, withheld, [], ContactsPerAgentDay(work),
                    ScoreMetrics.Share(work.Count(i => InteractionStats.IsAfterHours(i.StartedAt)), work.Count, options.MinResponses), workload));
                continue;
            }

            var sentiment = team.Where(p => p.Sentiment is not null).Select(p => p.Sentiment!.Value).ToArray();
            teams.Add(new TeamEvidence(team.Key, respondents, EnpsOf(team, threshold, minimum), ScoreMetrics.Mean(MeanSums.Of(sentiment), minimum), trend,
                ContactsPerAgentDay(work), ScoreMetrics.Share(work.Count(i => InteractionStats.IsAfterHours(i.StartedAt)), work.Count, options.MinResponses), workload));
        }

        var themes = TopicEvidence.Build(employeeAll, employeeThemes, options with { MinResponses = minimum }, period)
            .Where(t => t.Mentions >= threshold).ToList();
        var shared = new List<SharedFriction>();
        foreach (var employeeTheme in themes)
        {
            var customer = customerThemes.FirstOrDefault(c => c.Key == employeeTheme.Key);
            if (customer is not null)
            {
                shared.Add(new SharedFriction(employeeTheme.Key, customer.Share, customer.Sentiment, employeeTheme.Share, employeeTheme.Sentiment));
            }
        }

        long all = CountRespondents(pulses);
        return new EmployeeEvidence(all < threshold ? WithheldEstimate(all, threshold) : EnpsOf(pulses, threshold, minimum), all, teams, themes, shared);
    }

    private static Estimate WithheldEstimate(long respondents, int threshold) =>
        new(null, null, null, respondents, null, $"fewer than {threshold} respondents: withheld to protect anonymity");

    private static Estimate EnpsOf(IEnumerable<VerbatimRow> pulses, int threshold, int minimum)
    {
        var list = pulses.ToList();
        long respondents = CountRespondents(list);
        if (respondents < threshold)
        {
            return WithheldEstimate(respondents, threshold);
        }

        var counts = new ScoreCounts();
        foreach (var pulse in list.Where(p => p.ScoreKind == ScoreKinds.Enps && p.Score is not null))
        {
            counts.AddAnswer(pulse.Score!.Value);
        }

        return ScoreMetrics.Nps(counts, minimum);
    }

    /// <summary>Distinct people where the pulse names them, otherwise answers.</summary>
    private static long CountRespondents(IEnumerable<VerbatimRow> pulses)
    {
        var list = pulses.ToList();
        return list.Count(p => p.Person is null) + list.Where(p => p.Person is not null).Select(p => p.Person).Distinct(StringComparer.Ordinal).Count();
    }

    private static double? ContactsPerAgentDay(IEnumerable<InteractionFact> interactions)
    {
        var withAgent = interactions.Where(i => i.Agent is not null).ToList();
        int agentDays = withAgent.Select(i => (i.Agent, i.Day)).Distinct().Count();
        return agentDays > 0 ? (double)withAgent.Count / agentDays : null;
    }
}
