using Evident.Core.Metrics;

namespace Evident.Core.Evidence;

/// <summary>
/// The headline figures of a set of feedback: NPS, CSAT (top-2-box %), CES (mean), rating (mean) and mean sentiment
/// of customers; eNPS of employees (shown only from the anonymity threshold up).
/// </summary>
public sealed record ScoreSet(Estimate Nps, Estimate Csat, Estimate Ces, Estimate Enps, Estimate Rating, Estimate Sentiment)
{
    public static readonly string[] Names = ["nps", "csat", "ces", "enps", "rating", "sentiment"];

    public static ScoreSet From(FeedbackTotals customers, FeedbackTotals employees, MetricOptions options)
    {
        int minimum = options.MinimumFor(employees: false);
        return new ScoreSet(
            ScoreMetrics.Nps(customers.ScoresOf(ScoreKinds.Nps), minimum),
            ScoreMetrics.TopTwoBox(customers.ScoresOf(ScoreKinds.Csat), minimum),
            ScoreMetrics.For(ScoreKinds.Ces, customers.ScoresOf(ScoreKinds.Ces), minimum),
            ScoreMetrics.Nps(employees.ScoresOf(ScoreKinds.Enps), options.MinimumFor(employees: true)),
            ScoreMetrics.For(ScoreKinds.Rating, customers.ScoresOf(ScoreKinds.Rating), minimum),
            ScoreMetrics.Mean(customers.Sentiment, minimum));
    }

    public Estimate this[string name] => name switch
    {
        "nps" => Nps,
        "csat" => Csat,
        "ces" => Ces,
        "enps" => Enps,
        "rating" => Rating,
        "sentiment" => Sentiment,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown score"),
    };

    /// <summary>Each figure's difference from <paramref name="other"/>'s, where both are shown.</summary>
    public IReadOnlyDictionary<string, Difference?> Compare(ScoreSet other) =>
        Names.ToDictionary(name => name, name => this[name].Compare(other[name]));
}

/// <summary>Figures for one period, with their change from the period before.</summary>
public sealed record PeriodScores(string Period, ScoreSet Scores, IReadOnlyDictionary<string, Difference?> ChangeFromPrevious);

/// <summary>Figures for one group (a source, segment, team, …), against everyone else, and per period.</summary>
public sealed record GroupScores(string Group, ScoreSet Scores, IReadOnlyDictionary<string, Difference?> VersusRest, IReadOnlyList<PeriodScores> Periods);

/// <summary>The scorecard: overall, per period, per group; differences flagged only when significant.</summary>
public sealed record Scorecard(ScoreSet Overall, IReadOnlyList<PeriodScores> Periods, string? GroupedBy, IReadOnlyList<GroupScores> Groups)
{
    /// <param name="customers">Customer feedback sums (theme ''), grouped or not.</param>
    /// <param name="employees">Employee feedback sums (theme ''), grouped the same way.</param>
    public static Scorecard Build(
        IReadOnlyList<FeedbackSums> customers, IReadOnlyList<FeedbackSums> employees, MetricOptions options, PeriodKind? period, string? groupedBy)
    {
        var allCustomers = FeedbackTotals.Of(customers);
        var allEmployees = FeedbackTotals.Of(employees);
        var overall = ScoreSet.From(allCustomers, allEmployees, options);
        var periods = period is PeriodKind kind ? PeriodsOf(customers, employees, options, kind) : [];
        var groups = new List<GroupScores>();
        if (groupedBy is not null)
        {
            var names = customers.Select(r => r.Group).Concat(employees.Select(r => r.Group)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (string name in names)
            {
                var groupCustomers = customers.Where(r => r.Group == name).ToList();
                var groupEmployees = employees.Where(r => r.Group == name).ToList();
                var customerTotals = FeedbackTotals.Of(groupCustomers);
                var employeeTotals = FeedbackTotals.Of(groupEmployees);
                var scores = ScoreSet.From(customerTotals, employeeTotals, options);
                var rest = ScoreSet.From(allCustomers.Minus(customerTotals), allEmployees.Minus(employeeTotals), options);
                var groupPeriods = period is PeriodKind k ? PeriodsOf(groupCustomers, groupEmployees, options, k) : [];
                groups.Add(new GroupScores(name, scores, scores.Compare(rest), groupPeriods));
            }
        }

        return new Scorecard(overall, periods, groupedBy, groups);
    }

    private static List<PeriodScores> PeriodsOf(
        IReadOnlyList<FeedbackSums> customers, IReadOnlyList<FeedbackSums> employees, MetricOptions options, PeriodKind kind)
    {
        var labels = customers.Select(r => Period.Label(r.Day, kind)).Concat(employees.Select(r => Period.Label(r.Day, kind)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var customerByPeriod = customers.ToLookup(r => Period.Label(r.Day, kind));
        var employeeByPeriod = employees.ToLookup(r => Period.Label(r.Day, kind));
        var result = new List<PeriodScores>(labels.Count);
        ScoreSet? previous = null;
        foreach (string label in labels)
        {
            var scores = ScoreSet.From(FeedbackTotals.Of(customerByPeriod[label]), FeedbackTotals.Of(employeeByPeriod[label]), options);
            var change = previous is null ? ScoreSet.Names.ToDictionary(n => n, _ => (Difference?)null) : scores.Compare(previous);
            result.Add(new PeriodScores(label, scores, change));
            previous = scores;
        }

        return result;
    }
}
