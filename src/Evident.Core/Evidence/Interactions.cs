using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>One interaction as the evidence reads it.</summary>
public sealed record InteractionFact(
    DateTimeOffset StartedAt,
    string? Person,
    string? Channel,
    string? Team,
    string? Agent,
    string? Reason,
    string? Outcome,
    double? FirstResponseSeconds,
    double? ResolutionSeconds,
    double? WaitSeconds,
    double? HoldSeconds,
    int? Transfers,
    int? MenuSteps)
{
    public DateOnly Day => DateOnly.FromDateTime(StartedAt.UtcDateTime);
}

/// <summary>p50, p90 and p99 of a duration and how many values they are taken from.</summary>
public sealed record Percentiles(double? P50, double? P90, double? P99, long N)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(null, null, null, 0);
        }

        values.Sort();
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        return new Percentiles(Statistics.Percentile(sorted, 0.5), Statistics.Percentile(sorted, 0.9), Statistics.Percentile(sorted, 0.99), values.Count);
    }
}

/// <summary>
/// What interactions show about friction, for one group: response and resolution times, waits and holds, transfers,
/// automated-menu steps, abandoned contacts, repeat contacts (the same person back for the same reason within
/// <see cref="InteractionStats.RepeatWindow"/> of an earlier contact), and the load on agents: contacts per agent per
/// day and the share started out of hours (before 08:00 or from 18:00 UTC, or at a weekend).
/// </summary>
public sealed record InteractionStats(
    string Group,
    long Contacts,
    Percentiles FirstResponseSeconds,
    Percentiles ResolutionSeconds,
    Percentiles WaitSeconds,
    double? MeanHoldSeconds,
    Estimate TransferredShare,
    double? MeanTransfers,
    double? MeanMenuSteps,
    Estimate AbandonedShare,
    Estimate RepeatContactShare,
    double? ContactsPerAgentDay,
    Estimate AfterHoursShare)
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(7);

    /// <summary>Marks each interaction that repeats an earlier one (same person, same reason, within 7 days).</summary>
    public static HashSet<InteractionFact> Repeats(IEnumerable<InteractionFact> interactions)
    {
        var repeats = new HashSet<InteractionFact>(ReferenceEqualityComparer.Instance);
        foreach (var thread in interactions.Where(i => i.Person is not null && i.Reason is not null).GroupBy(i => (i.Person, i.Reason)))
        {
            DateTimeOffset? previous = null;
            foreach (var interaction in thread.OrderBy(i => i.StartedAt))
            {
                if (previous is DateTimeOffset before && interaction.StartedAt - before <= RepeatWindow)
                {
                    repeats.Add(interaction);
                }

                previous = interaction.StartedAt;
            }
        }

        return repeats;
    }

    public static bool IsAfterHours(DateTimeOffset startedAt)
    {
        var utc = startedAt.UtcDateTime;
        return utc.Hour < 8 || utc.Hour >= 18 || utc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
    }

    /// <param name="repeats">From <see cref="Repeats"/> over all interactions (a repeat may cross groups' periods).</param>
    public static InteractionStats Of(string group, IReadOnlyCollection<InteractionFact> interactions, HashSet<InteractionFact> repeats, int minimum)
    {
        List<double> firstResponse = [], resolution = [], wait = [];
        double holdSum = 0, transferSum = 0, menuSum = 0;
        long holdN = 0, transferN = 0, transferred = 0, menuN = 0, abandoned = 0, withOutcome = 0, repeated = 0, withKey = 0, afterHours = 0;
        var agentDays = new HashSet<(string, DateOnly)>();
        long withAgent = 0;
        foreach (var i in interactions)
        {
            Add(firstResponse, i.FirstResponseSeconds);
            Add(resolution, i.ResolutionSeconds);
            Add(wait, i.WaitSeconds);
            if (i.HoldSeconds is double hold) { holdSum += hold; holdN++; }
            if (i.Transfers is int transfers) { transferSum += transfers; transferN++; transferred += transfers > 0 ? 1 : 0; }
            if (i.MenuSteps is int steps) { menuSum += steps; menuN++; }
            if (i.Outcome is { } outcome)
            {
                withOutcome++;
                abandoned += outcome.Contains("abandon", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }

            if (i.Person is not null && i.Reason is not null)
            {
                withKey++;
                repeated += repeats.Contains(i) ? 1 : 0;
            }

            afterHours += IsAfterHours(i.StartedAt) ? 1 : 0;
            if (i.Agent is { } agent)
            {
                withAgent++;
                agentDays.Add((agent, i.Day));
            }
        }

        return new InteractionStats(
            group,
            interactions.Count,
            Percentiles.Of(firstResponse),
            Percentiles.Of(resolution),
            Percentiles.Of(wait),
            holdN > 0 ? holdSum / holdN : null,
            ScoreMetrics.Share(transferred, transferN, minimum),
            transferN > 0 ? transferSum / transferN : null,
            menuN > 0 ? menuSum / menuN : null,
            ScoreMetrics.Share(abandoned, withOutcome, minimum),
            ScoreMetrics.Share(repeated, withKey, minimum),
            agentDays.Count > 0 ? (double)withAgent / agentDays.Count : null,
            ScoreMetrics.Share(afterHours, interactions.Count, minimum));
    }

    private static void Add(List<double> values, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            values.Add(v);
        }
    }
}
