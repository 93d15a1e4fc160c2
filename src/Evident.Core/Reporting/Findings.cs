using Evident.Core.Evidence;
using Evident.Core.Metrics;
using static Evident.Core.Reporting.ReportFormat;

namespace Evident.Core.Reporting;

/// <summary>One finding of the executive summary: a headline, the figures behind it, and the section that shows them.</summary>
public sealed record Finding(string Headline, string Detail, string Section);

/// <summary>One of the biggest pains: a theme or friction kind customers raise, its size, trend and verbatims.</summary>
public sealed record Pain(TopicEvidence Topic, string Name, double Weight, IReadOnlyList<Verbatim> Verbatims);

/// <summary>Reads the evidence for what a leader should hear first. Every sentence is built from figures shown in the report.</summary>
public static class Findings
{
    /// <summary>Friction kinds that say the same as a theme; a pain is listed once, as the theme.</summary>
    private static readonly Dictionary<string, string> s_frictionThemes = new(StringComparer.Ordinal)
    {
        ["wait"] = "wait-time",
        ["automation"] = "automated-phone",
        ["broken-promise"] = "communication",
    };

    /// <summary>
    /// The biggest pains: negative themes (and friction kinds not already covered by one), weighed by how many comments
    /// raise them times how negative they are (share × −sentiment), largest first.
    /// </summary>
    public static IReadOnlyList<Pain> Pains(EvidenceSet evidence, int count = 5)
    {
        var candidates = evidence.Themes.Concat(evidence.Friction)
            .Where(t => t.Share.Value is not null && t.Sentiment is double s && s < 0)
            .Select(t => (Topic: t, Weight: t.Share.Value!.Value * -t.Sentiment!.Value))
            .OrderByDescending(p => p.Weight)
            .ToList();
        var chosen = new List<Pain>();
        var themes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (topic, weight) in candidates)
        {
            string canonical = topic.IsFriction ? s_frictionThemes.GetValueOrDefault(topic.Name, topic.Key) : topic.Key;
            if (!themes.Add(canonical))
            {
                continue;
            }

            chosen.Add(new Pain(topic, NameOf(evidence, topic), weight, evidence.Verbatims.GetValueOrDefault(topic.Key) ?? []));
            if (chosen.Count == count)
            {
                break;
            }
        }

        return chosen;
    }

    public static string NameOf(EvidenceSet evidence, TopicEvidence topic) =>
        topic.IsFriction ? FrictionName(topic.Name) : evidence.ThemeNames.GetValueOrDefault(topic.Key, topic.Key);

    public static string FrictionName(string kind) => kind switch
    {
        "wait" => "waiting",
        "repeat-contact" => "having to contact again",
        "transfer" => "being transferred",
        "automation" => "automated menus and bots",
        "broken-promise" => "broken promises",
        "channel-switch" => "being sent to another channel",
        "process-burden" => "forms and hoops",
        "unresolved" => "problems left unresolved",
        _ => kind,
    };

    /// <summary>How a topic's share moved in the latest period, in words.</summary>
    public static string Trend(TopicEvidence topic)
    {
        if (topic.Shift is { } shift)
        {
            return $"{(shift.Difference.Delta > 0 ? "up" : "down")} from {Percent(shift.Before.Value)} to {Percent(shift.After.Value)} of comments since {shift.Since} ({P(shift.Difference.P)})";
        }

        var shown = topic.Trend.Where(t => t.Share.Shown).ToList();
        if (shown.Count < 2 || topic.LatestChange is not Difference change)
        {
            return "no trend yet";
        }

        string direction = change.Delta > 0 ? "up" : "down";
        return change.Significant
            ? $"{direction} {Number(Math.Abs(change.Delta), "0.0")} points to {Percent(shown[^1].Share.Value)} in {shown[^1].Period} ({P(change.P)})"
            : $"steady at {Percent(shown[^1].Share.Value)} in {shown[^1].Period} (change not significant)";
    }

    public static IReadOnlyList<Finding> Summarise(EvidenceSet evidence)
    {
        var findings = new List<Finding>();
        var nps = evidence.Scorecard.Overall.Nps;
        if (nps.Shown)
        {
            string trend = "";
            var periods = evidence.Scorecard.Periods.Where(p => p.Scores.Nps.Shown).ToList();
            if (periods.Count >= 2)
            {
                var first = periods[0];
                var last = periods[^1];
                var change = last.Scores.Nps.Compare(first.Scores.Nps);
                trend = change is { Significant: true } c
                    ? $" It moved from {Number(first.Scores.Nps.Value)} in {first.Period} to {Number(last.Scores.Nps.Value)} in {last.Period} ({WithSign(c.Delta)} points, {P(c.P)})."
                    : $" {first.Period} to {last.Period}: no significant change.";
            }

            findings.Add(new Finding($"NPS is {Number(nps.Value)}", $"95 % interval {Number(nps.Low)} to {Number(nps.High)}, n = {Count(nps.N)}.{trend}", "scorecard"));
        }

        else if (evidence.Scorecard.Overall.Sentiment is { Shown: true } sentiment)
        {
            findings.Add(new Finding(
                $"Comments average a sentiment of {Number(sentiment.Value, "0.00")}",
                $"On −1 … 1, 95 % interval {Number(sentiment.Low, "0.00")} to {Number(sentiment.High, "0.00")}, n = {Count(sentiment.N)}; no scores (NPS, CSAT, CES) imported.",
                "scorecard"));
        }

        var driver = evidence.Themes.Where(t => t.NpsImpact.Significant && t.NpsImpact.MoveWithout > 0).MaxBy(t => t.NpsImpact.MoveWithout);
        if (driver is not null)
        {
            findings.Add(new Finding(
                $"{NameOf(evidence, driver)} costs {Number(driver.NpsImpact.MoveWithout)} NPS points",
                $"Raised in {Percent(driver.Share.Value)} of comments (n = {Count(driver.Mentions)}); NPS of those who raise it {Number(driver.NpsImpact.WithTheme.Value)} against {Number(driver.NpsImpact.WithoutTheme.Value)} for the rest ({P(driver.NpsImpact.ThemeVersusRest!.Value.P)}).",
                "themes"));
        }

        if (evidence.Operations is { } operations)
        {
            var worst = operations.ByChannel.Where(c => c.WaitSeconds.N > 0).MaxBy(c => c.WaitSeconds.P90 ?? 0);
            var replies = operations.Overall.FirstResponseSeconds;
            if (worst is null && replies.N > 0)
            {
                findings.Add(new Finding(
                    $"Half of customers wait {Duration(replies.P50)} for a first answer",
                    $"One in ten waits {Duration(replies.P90)} or more, one in a hundred {Duration(replies.P99)} (n = {Count(replies.N)} conversations).",
                    "friction"));
            }

            if (worst is not null)
            {
                findings.Add(new Finding(
                    $"{Capitalise(worst.Group)} customers wait longest",
                    $"Wait p50 {Duration(worst.WaitSeconds.P50)}, p90 {Duration(worst.WaitSeconds.P90)}; {Percent(worst.TransferredShare.Value)} transferred; {Percent(worst.RepeatContactShare.Value)} came back for the same reason within 7 days.",
                    "friction"));
            }
        }

        var detractors = evidence.SayVersusDo.Classes.First(c => c.Class == "detractor");
        var promoters = evidence.SayVersusDo.Classes.First(c => c.Class == "promoter");
        if (detractors.Churned.Shown && promoters.Churned.Shown)
        {
            var difference = evidence.SayVersusDo.DetractorVersusPromoterChurn;
            findings.Add(new Finding(
                $"Detractors left at {Percent(detractors.Churned.Value)}, promoters at {Percent(promoters.Churned.Value)}",
                $"Within {evidence.SayVersusDo.WindowDays} days of their answer{(difference is { Significant: true } d ? $" ({P(d.P)})" : " (difference not significant)")}; {Count(evidence.SayVersusDo.PromotersWhoLeft)} promoters left anyway, {Count(evidence.SayVersusDo.DetractorsWhoStayed)} detractors stayed.",
                "say-do"));
        }

        var falls = evidence.Employees.Teams
            .Select(t => (Team: t, Shown: t.Trend.Where(p => p.Enps.Shown).ToList()))
            .Where(t => t.Shown.Count >= 2)
            .Select(t => (t.Team, First: t.Shown[0], Last: t.Shown[^1], Change: t.Shown[^1].Enps.Compare(t.Shown[0].Enps)))
            .Where(t => t.Change is { Significant: true, Delta: < 0 })
            .ToList();
        if (falls.Count > 0)
        {
            var (team, first, last, change) = falls.MinBy(f => f.Change!.Value.Delta);
            findings.Add(new Finding(
                $"eNPS in {team.Team} fell from {Number(first.Enps.Value)} to {Number(last.Enps.Value)}",
                $"{first.Period} to {last.Period} ({P(change!.Value.P)}); {Number(team.ContactsPerAgentDay, "0.0")} contacts per agent per day, {Percent(team.AfterHoursShare.Value)} started out of hours.",
                "employees"));
        }
        else if (evidence.Employees.Teams.Where(t => t.Enps.Shown).MinBy(t => t.Enps.Value) is { } lowTeam)
        {
            findings.Add(new Finding(
                $"eNPS is lowest in {lowTeam.Team}: {Number(lowTeam.Enps.Value)}",
                $"95 % interval {Number(lowTeam.Enps.Low)} to {Number(lowTeam.Enps.High)}, {Count(lowTeam.Respondents)} respondents; {Number(lowTeam.ContactsPerAgentDay, "0.0")} contacts per agent per day, {Percent(lowTeam.AfterHoursShare.Value)} out of hours.",
                "employees"));
        }

        if (evidence.Rhetoric.Gap is double gap)
        {
            var shares = evidence.Rhetoric.SignalShares;
            findings.Add(new Finding(
                $"Evidence gap {WithSign(gap)}",
                $"{Percent(shares["customer-perspective"].Value)} of {Count(evidence.Rhetoric.Posts)} posts speak from the customer's side and {Percent(shares["vague-commitment"].Value)} make vague commitments; {Percent(shares["gratitude"].Value)} thank anyone and {Percent(shares["employee-focus"].Value)} speak to or about employees.",
                "rhetoric"));
        }

        return findings;
    }

    private static string Capitalise(string text) => text.Length == 0 ? "(no channel)" : char.ToUpperInvariant(text[0]) + text[1..];
}
