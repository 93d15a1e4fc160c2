using System.Globalization;
using System.Text;
using Evident.Core.Evidence;
using Evident.Core.Metrics;
using Evident.Core.Reporting.Charts;
using static Evident.Core.Reporting.ReportFormat;

namespace Evident.Core.Reporting;

/// <summary>
/// The Customer-Centricity Evidence Report: one self-contained HTML file (inline CSS and SVG charts, no script, no
/// network) that prints well. Everything a customer, employee or the organisation wrote is escaped.
/// </summary>
public static class EvidenceReport
{
    public static string Render(EvidenceSet e, string workspace, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder(256 * 1024);
        Page.Open(html, "Customer-Centricity Evidence Report", workspace, e, generatedAt);
        Summary(html, e);
        ScorecardSection(html, e);
        ThemesSection(html, e);
        FrictionSection(html, e);
        SayDoSection(html, e);
        EmployeesSection(html, e);
        RhetoricSection(html, e);
        RepliesSection(html, e);
        VerbatimsSection(html, e);
        MethodSection(html, e);
        Page.Close(html);
        return html.ToString();
    }

    private static void Summary(StringBuilder html, EvidenceSet e)
    {
        html.Append("<section id=\"summary\"><h2>Executive summary</h2>");
        var findings = Findings.Summarise(e);
        if (findings.Count == 0)
        {
            html.Append("<p>Not enough data yet for findings: import feedback with scores, interactions and communications.</p>");
        }
        else
        {
            html.Append("<ol class=\"findings\">");
            foreach (var finding in findings)
            {
                html.Append($"<li><strong>{Html.Escape(finding.Headline)}</strong>. {Html.Escape(finding.Detail)} <a href=\"#{finding.Section}\">See the evidence</a>.</li>");
            }

            html.Append("</ol>");
        }

        var pains = Findings.Pains(e);
        if (pains.Count > 0)
        {
            html.Append("<h3>The five biggest pains</h3><ol>");
            foreach (var pain in pains)
            {
                html.Append($"<li><strong>{Html.Escape(pain.Name)}</strong>: {Percent(pain.Topic.Share.Value)} of comments ({Count(pain.Topic.Mentions)}), sentiment {Number(pain.Topic.Sentiment, "0.00")}; {Html.Escape(Findings.Trend(pain.Topic))}.</li>");
            }

            html.Append("</ol>");
        }

        html.Append("</section>");
    }

    private static void ScorecardSection(StringBuilder html, EvidenceSet e)
    {
        var card = e.Scorecard;
        html.Append("<section id=\"scorecard\"><h2>Scorecard</h2>");
        html.Append("<table><thead><tr><th>measure</th><th>value</th><th>95 % interval</th><th>n</th><th>latest period</th></tr></thead><tbody>");
        var last = card.Periods.Count > 0 ? card.Periods[^1] : null;
        foreach (string name in ScoreSet.Names)
        {
            var estimate = card.Overall[name];
            string format = name is "ces" or "rating" or "sentiment" ? "0.00" : "0.0";
            string change = "";
            if (last is not null && last.ChangeFromPrevious.GetValueOrDefault(name) is Difference d)
            {
                change = d.Significant ? $"<span class=\"{(d.Delta > 0 ? "up" : "down")}\">{WithSign(d.Delta, format)} ({P(d.P)})</span>" : "no significant change";
            }

            html.Append($"<tr><td>{Label(name)}</td><td class=\"num\">{(estimate.Shown ? Number(estimate.Value, format) : $"<span class=\"withheld\">{Html.Escape(estimate.Withheld)}</span>")}</td>")
                .Append($"<td class=\"num\">{(estimate.Shown ? $"{Number(estimate.Low, format)} … {Number(estimate.High, format)}" : "")}</td><td class=\"num\">{Count(estimate.N)}</td><td>{change}</td></tr>");
        }

        if (e.Operations is { } operations)
        {
            var all = operations.Overall;
            html.Append($"<tr><td>first response p50 / p90 / p99</td><td class=\"num\">{Duration(all.FirstResponseSeconds.P50)}</td><td class=\"num\">{Duration(all.FirstResponseSeconds.P90)} / {Duration(all.FirstResponseSeconds.P99)}</td><td class=\"num\">{Count(all.FirstResponseSeconds.N)}</td><td></td></tr>");
            html.Append($"<tr><td>resolution p50 / p90 / p99</td><td class=\"num\">{Duration(all.ResolutionSeconds.P50)}</td><td class=\"num\">{Duration(all.ResolutionSeconds.P90)} / {Duration(all.ResolutionSeconds.P99)}</td><td class=\"num\">{Count(all.ResolutionSeconds.N)}</td><td></td></tr>");
        }

        html.Append("</tbody></table>");
        var periods = card.Periods.Select(p => p.Period).ToList();
        if (periods.Count > 1)
        {
            html.Append(SvgCharts.Lines(new LineChart("NPS by " + PeriodName(e.Period), periods,
                [Series("NPS", card.Periods.Select(p => p.Scores.Nps).ToList()), Series("eNPS", card.Periods.Select(p => p.Scores.Enps).ToList())])
            {
                Range = new AxisRange(-100, 100),
                AxisLabel = "NPS",
            }));
            var sentiment = card.Periods.Select(p => p.Scores.Sentiment).ToList();
            if (sentiment.Any(s => s.Shown))
            {
                html.Append(SvgCharts.Lines(new LineChart("Mean sentiment of comments by " + PeriodName(e.Period), periods, [Series("sentiment", sentiment)])
                {
                    AxisLabel = "sentiment (−1 … 1)",
                    ValueFormat = "0.00",
                }));
            }
        }

        html.Append("<p class=\"note\">Figures with fewer than ").Append(e.Options.MinResponses)
            .Append(" answers are not shown; intervals are 95 %. A change is marked only when significant at 5 %.</p></section>");
    }

    private static void ThemesSection(StringBuilder html, EvidenceSet e)
    {
        html.Append("<section id=\"themes\"><h2>Themes and what drives the score</h2>");
        if (e.Themes.Count == 0)
        {
            html.Append("<p>No themes found in the comments yet.</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th>theme</th><th>mentions</th><th>share of comments</th><th>aspect sentiment</th><th>NPS of those raising it</th><th>NPS move without it</th><th>trend</th><th>where it stands</th></tr></thead><tbody>");
        foreach (var theme in e.Themes)
        {
            var impact = theme.NpsImpact;
            string move = impact.MoveWithout is double m
                ? $"{WithSign(m)}{(impact.Significant ? $" <span class=\"sig\">({P(impact.ThemeVersusRest!.Value.P)})</span>" : " <span class=\"ns\">(not significant)</span>")}"
                : "—";
            html.Append($"<tr><td>{Html.Escape(Findings.NameOf(e, theme))}</td><td class=\"num\">{Count(theme.Mentions)}</td><td class=\"num\">{Html.Escape(Estimate(theme.Share, "0.0", " %"))}</td>")
                .Append($"<td class=\"num\">{Number(theme.Sentiment, "0.00")}</td><td class=\"num\">{Number(impact.WithTheme.Value)}</td><td class=\"num\">{move}</td>")
                .Append($"<td class=\"spark\">{SvgCharts.Sparkline(new SparklineChart(Findings.NameOf(e, theme) + " share by period", [.. theme.Trend.Select(t => t.Share.Value)]))}</td>")
                .Append($"<td>{Html.Escape(theme.Quadrant)}</td></tr>");
        }

        html.Append("</tbody></table>");
        var moving = e.Themes.Where(t => t.NpsImpact.MoveWithout is not null).OrderByDescending(t => t.NpsImpact.MoveWithout).ToList();
        var drivers = moving.Take(8).Union(moving.AsEnumerable().Reverse().Take(4).Reverse()).ToList();
        if (drivers.Count > 0)
        {
            html.Append(SvgCharts.Bars(new BarChart("How many NPS points each theme costs (+) or earns (−)",
                [.. drivers.Select(t => new Bar(Findings.NameOf(e, t), t.NpsImpact.MoveWithout) { Highlight = t.NpsImpact.Significant })])
            {
                AxisLabel = "NPS points the score would move without the theme (dark: significant)",
                ValueFormat = "+0.0;−0.0;0",
            }));
        }

        var placed = e.Themes.Where(t => t.Share.Value is not null && t.Sentiment is not null).ToList();
        if (placed.Count >= 3)
        {
            html.Append(SvgCharts.Quadrant(new QuadrantChart("Importance × performance: where customers depend on you most and where you fall short",
                [.. placed.Select(t => new QuadrantPoint(Findings.NameOf(e, t), t.Share.Value!.Value, t.Sentiment!.Value, t.Mentions))])
            {
                XAxisLabel = "importance: % of comments that raise it",
                YAxisLabel = "performance: aspect sentiment",
                YDivider = TopicEvidence.PerformanceDivider,
            }));
        }

        if (e.EmergingPhrases.Count > 0)
        {
            html.Append("<h3>Emerging phrases (last 90 days, not covered by the themes)</h3><p>");
            html.AppendJoin(" · ", e.EmergingPhrases.Select(p => $"<span class=\"phrase\">{Html.Escape(p.Text)}</span> ({p.Texts})"));
            html.Append("</p>");
        }

        html.Append("</section>");
    }

    private static void FrictionSection(StringBuilder html, EvidenceSet e)
    {
        html.Append("<section id=\"friction\"><h2>Friction</h2><h3>In customers' words</h3>");
        if (e.Friction.Count == 0)
        {
            html.Append("<p>No friction found in the comments.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>friction</th><th>comments</th><th>prevalence</th><th>sentiment</th><th>detractors among them</th><th>effort</th><th>most in</th><th>trend</th></tr></thead><tbody>");
            foreach (var friction in e.Friction)
            {
                var top = friction.Groups.Count > 0 ? friction.Groups[0] : null;
                html.Append($"<tr><td>{Html.Escape(Findings.FrictionName(friction.Name))}</td><td class=\"num\">{Count(friction.Mentions)}</td><td class=\"num\">{Html.Escape(Estimate(friction.Share, "0.0", " %"))}</td>")
                    .Append($"<td class=\"num\">{Number(friction.Sentiment, "0.00")}</td><td class=\"num\">{Html.Escape(Estimate(friction.DetractorShare, "0", " %"))}</td><td class=\"num\">{Number(friction.Effort, "0.00")}</td>")
                    .Append($"<td>{Html.Escape(top is null ? "" : $"{top.Group} ({Percent(top.Share.Value)})")}</td>")
                    .Append($"<td class=\"spark\">{SvgCharts.Sparkline(new SparklineChart(friction.Name + " share by period", [.. friction.Trend.Select(t => t.Share.Value)]))}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        var stages = e.FrictionByStage.Where(s => s.Friction.Count > 0).ToList();
        if (stages.Count > 0)
        {
            var kinds = stages.SelectMany(s => s.Friction).GroupBy(f => f.Kind).OrderByDescending(g => g.Sum(f => f.Comments)).Take(6).Select(g => g.Key).ToList();
            html.Append("<h3>By journey stage</h3><p class=\"note\">Each comment of a known customer is placed at the stage of their latest journey event in the 30 days before it; cells are the % of that stage's comments showing the friction.</p>")
                .Append("<table><thead><tr><th>stage</th><th>comments</th>");
            foreach (string kind in kinds)
            {
                html.Append($"<th>{Html.Escape(Findings.FrictionName(kind))}</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var stage in stages)
            {
                html.Append($"<tr><td>{Html.Escape(stage.Stage)}</td><td class=\"num\">{Count(stage.Commented)}</td>");
                foreach (string kind in kinds)
                {
                    var cell = stage.Friction.FirstOrDefault(f => f.Kind == kind);
                    html.Append($"<td class=\"num\">{(cell is null ? "—" : cell.Share.Shown ? Percent(cell.Share.Value) : $"<span class=\"withheld\">n = {cell.Comments}</span>")}</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        if (e.Operations is { } operations)
        {
            html.Append("<h3>In what happened: interactions by channel and team</h3>");
            OperationsTable(html, "channel", operations.ByChannel);
            OperationsTable(html, "team", operations.ByTeam);
            var periods = operations.ByChannelAndPeriod.Select(p => p.Period).Distinct().Order(StringComparer.Ordinal).ToList();
            if (periods.Count > 1)
            {
                var channels = operations.ByChannel.Select(c => c.Group).ToList();
                html.Append(SvgCharts.Lines(new LineChart("Median wait by channel and " + PeriodName(e.Period), periods,
                    [.. channels.Select(c => new LineSeries(c == "" ? "(none)" : c, [.. periods.Select(p => operations.ByChannelAndPeriod.FirstOrDefault(x => x.Channel == c && x.Period == p).Stats?.WaitSeconds.P50 is double s ? s / 60 : (double?)null)]))])
                {
                    AxisLabel = "median wait, minutes",
                }));
                html.Append(SvgCharts.Lines(new LineChart("Transferred and repeat contacts by " + PeriodName(e.Period) + " (all channels)", periods,
                [
                    new LineSeries("transferred %", [.. periods.Select(p => Pooled(operations, p, s => s.TransferredShare))]),
                    new LineSeries("repeat within 7 days %", [.. periods.Select(p => Pooled(operations, p, s => s.RepeatContactShare))]),
                    new LineSeries("abandoned %", [.. periods.Select(p => Pooled(operations, p, s => s.AbandonedShare))]),
                ])
                {
                    AxisLabel = "% of contacts",
                }));
            }
        }

        html.Append("</section>");
    }

    /// <summary>A share over every channel in a period, weighted by each channel's n.</summary>
    private static double? Pooled(OperationsEvidence operations, string period, Func<InteractionStats, Estimate> pick)
    {
        double sum = 0;
        long n = 0;
        foreach (var (_, p, stats) in operations.ByChannelAndPeriod)
        {
            var estimate = pick(stats);
            if (p == period && estimate.Value is double v)
            {
                sum += v * estimate.N;
                n += estimate.N;
            }
        }

        return n > 0 ? sum / n : null;
    }

    private static void OperationsTable(StringBuilder html, string by, IReadOnlyList<InteractionStats> rows)
    {
        html.Append($"<table><thead><tr><th>{by}</th><th>contacts</th><th>first response p50 / p90 / p99</th><th>resolution p50 / p90</th><th>wait p50 / p90</th><th>hold (mean)</th><th>transferred</th><th>menu steps</th><th>abandoned</th><th>repeat within 7 days</th></tr></thead><tbody>");
        foreach (var s in rows)
        {
            html.Append($"<tr><td>{Html.Escape(s.Group == "" ? "(none)" : s.Group)}</td><td class=\"num\">{Count(s.Contacts)}</td>")
                .Append($"<td class=\"num\">{Duration(s.FirstResponseSeconds.P50)} / {Duration(s.FirstResponseSeconds.P90)} / {Duration(s.FirstResponseSeconds.P99)}</td>")
                .Append($"<td class=\"num\">{Duration(s.ResolutionSeconds.P50)} / {Duration(s.ResolutionSeconds.P90)}</td>")
                .Append($"<td class=\"num\">{Duration(s.WaitSeconds.P50)} / {Duration(s.WaitSeconds.P90)}</td><td class=\"num\">{Duration(s.MeanHoldSeconds)}</td>")
                .Append($"<td class=\"num\">{Percent(s.TransferredShare.Value)}</td><td class=\"num\">{Number(s.MeanMenuSteps, "0.0")}</td>")
                .Append($"<td class=\"num\">{Percent(s.AbandonedShare.Value)}</td><td class=\"num\">{Percent(s.RepeatContactShare.Value)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void SayDoSection(StringBuilder html, EvidenceSet e)
    {
        var sayDo = e.SayVersusDo;
        html.Append("<section id=\"say-do\"><h2>Say vs do: what customers did after they answered</h2>");
        if (sayDo.Classes.All(c => c.People == 0))
        {
            html.Append("<p>No NPS answers from known customers with journey events yet: import journey events (visits, churn) with the same person keys.</p></section>");
            return;
        }

        html.Append($"<table><thead><tr><th>class (latest NPS answer)</th><th>people</th><th>left within {sayDo.WindowDays} days</th><th>came back within {sayDo.WindowDays} days</th></tr></thead><tbody>");
        foreach (var c in sayDo.Classes)
        {
            html.Append($"<tr><td>{c.Class}s</td><td class=\"num\">{Count(c.People)}</td><td class=\"num\">{Html.Escape(Estimate(c.Churned, "0.0", " %"))}</td><td class=\"num\">{Html.Escape(Estimate(c.CameBack, "0.0", " %"))}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append(SvgCharts.Bars(new BarChart("Left within " + sayDo.WindowDays + " days, by what they said",
            [.. sayDo.Classes.Select(c => c.Churned.Shown ? new Bar(c.Class + "s", c.Churned.Value, c.Churned.Low, c.Churned.High) : Bar.TooFew(c.Class + "s", c.Churned.Withheld ?? "too few"))])
        {
            AxisLabel = "% who left (95 % interval)",
        }));
        string test = sayDo.DetractorVersusPromoterChurn is Difference d
            ? d.Significant ? $"Detractors left {WithSign(d.Delta)} points more often than promoters ({P(d.P)})." : "The difference between detractors and promoters is not significant."
            : "";
        html.Append($"<p>{test} {Count(sayDo.PromotersWhoLeft)} promoters left anyway; {Count(sayDo.DetractorsWhoStayed)} detractors stayed — they may have had no alternative.</p></section>");
    }

    private static void EmployeesSection(StringBuilder html, EvidenceSet e)
    {
        var employees = e.Employees;
        html.Append($"<section id=\"employees\"><h2>Employees: is friction removed, or moved to them?</h2><p class=\"note\">No figure is shown for fewer than {e.Options.AnonymityThreshold} respondents.</p>");
        if (employees.Respondents == 0)
        {
            html.Append("<p>No employee pulse imported yet.</p></section>");
            return;
        }

        html.Append($"<p>eNPS {Html.Escape(Estimate(employees.Enps))}, {Count(employees.Respondents)} respondents.</p>");
        html.Append("<table><thead><tr><th>team</th><th>respondents</th><th>eNPS (95 %)</th><th>sentiment</th><th>contacts per agent per day</th><th>out of hours</th></tr></thead><tbody>");
        foreach (var team in employees.Teams)
        {
            html.Append($"<tr><td>{Html.Escape(team.Team)}</td><td class=\"num\">{(team.Enps.Withheld?.StartsWith("fewer", StringComparison.Ordinal) == true ? $"&lt; {e.Options.AnonymityThreshold}" : Count(team.Respondents))}</td>")
                .Append($"<td class=\"num\">{Html.Escape(Estimate(team.Enps))}</td><td class=\"num\">{Number(team.Sentiment.Value, "0.00")}</td>")
                .Append($"<td class=\"num\">{Number(team.ContactsPerAgentDay, "0.0")}</td><td class=\"num\">{Percent(team.AfterHoursShare.Value)}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append(SvgCharts.Bars(new BarChart("eNPS by team",
            [.. employees.Teams.Select(t => t.Enps.Shown ? new Bar(t.Team, t.Enps.Value, t.Enps.Low, t.Enps.High) : Bar.TooFew(t.Team, "withheld"))])
        {
            Range = new AxisRange(-100, 100),
            AxisLabel = "eNPS (95 % interval)",
        }));
        var periods = employees.Teams.SelectMany(t => t.Trend.Select(p => p.Period)).Distinct().Order(StringComparer.Ordinal).ToList();
        var shownTeams = employees.Teams.Where(t => t.Trend.Any(p => p.Enps.Shown)).ToList();
        if (periods.Count > 1 && shownTeams.Count > 0)
        {
            html.Append(SvgCharts.Lines(new LineChart("eNPS by team and " + PeriodName(e.Period) + " (gaps: too few respondents)", periods,
                [.. shownTeams.Select(t => new LineSeries(t.Team, [.. periods.Select(p => t.Trend.FirstOrDefault(x => x.Period == p).Enps?.Value)]))])
            {
                Range = new AxisRange(-100, 100),
                AxisLabel = "eNPS",
            }));
        }

        if (employees.Shared.Count > 0)
        {
            html.Append("<h3>The same themes, from both sides</h3><table><thead><tr><th>theme</th><th>customers raising it</th><th>customer sentiment</th><th>employees raising it</th><th>employee sentiment</th></tr></thead><tbody>");
            foreach (var shared in employees.Shared)
            {
                html.Append($"<tr><td>{Html.Escape(e.ThemeNames.GetValueOrDefault(shared.Theme, shared.Theme))}</td><td class=\"num\">{Percent(shared.CustomerShare.Value)}</td><td class=\"num\">{Number(shared.CustomerSentiment, "0.00")}</td>")
                    .Append($"<td class=\"num\">{Percent(shared.EmployeeShare.Value)}</td><td class=\"num\">{Number(shared.EmployeeSentiment, "0.00")}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    private static void RhetoricSection(StringBuilder html, EvidenceSet e)
    {
        var rhetoric = e.Rhetoric;
        html.Append("<section id=\"rhetoric\"><h2>Rhetoric vs reality</h2>");
        if (rhetoric.Posts == 0)
        {
            html.Append("<p>No communications imported yet: import the organisation's posts and memos with <code>--kind comms</code>.</p></section>");
            return;
        }

        html.Append($"<p>Evidence-gap index: <strong>{WithSign(rhetoric.Gap)}</strong> (claims of customer focus minus the experience customers report, both 0–100; above zero the organisation says more than its customers experience — see the method below).</p>");
        html.Append("<table><thead><tr><th>signal</th><th>posts showing it</th></tr></thead><tbody>");
        foreach (var (signal, share) in rhetoric.SignalShares)
        {
            html.Append($"<tr><td>{signal}</td><td class=\"num\">{Html.Escape(Estimate(share, "0.0", " %"))}</td></tr>");
        }

        html.Append($"<tr><td>you-focus ((you − we) / (you + we))</td><td class=\"num\">{Number(rhetoric.OverallYouFocus, "0.00")}</td></tr></tbody></table>");
        var periods = rhetoric.Periods.Where(p => p.Posts > 0 || p.Experience is not null).ToList();
        html.Append("<table><thead><tr><th>period</th><th>posts</th><th>claim</th><th>experience</th><th>gap</th><th>customer perspective</th><th>gratitude</th><th>employee focus</th><th>sales pressure</th></tr></thead><tbody>");
        foreach (var p in periods)
        {
            html.Append($"<tr><td>{p.Period}</td><td class=\"num\">{Count(p.Posts)}</td><td class=\"num\">{Number(p.Claim)}</td><td class=\"num\">{Number(p.Experience)}</td><td class=\"num\">{WithSign(p.Gap)}</td>")
                .Append($"<td class=\"num\">{Percent(p.SignalShares["customer-perspective"].Value)}</td><td class=\"num\">{Percent(p.SignalShares["gratitude"].Value)}</td>")
                .Append($"<td class=\"num\">{Percent(p.SignalShares["employee-focus"].Value)}</td><td class=\"num\">{Percent(p.SignalShares["sales-pressure"].Value)}</td></tr>");
        }

        html.Append("</tbody></table>");
        if (periods.Count > 1)
        {
            var labels = periods.Select(p => p.Period).ToList();
            html.Append(SvgCharts.Lines(new LineChart("What the organisation claims against what customers experience", labels,
            [
                new LineSeries("claim (% of posts claiming customer focus)", [.. periods.Select(p => p.Claim)]),
                new LineSeries("experience (0–100)", [.. periods.Select(p => p.Experience)]),
                new LineSeries("gratitude (% of posts)", [.. periods.Select(p => p.SignalShares["gratitude"].Value)]),
            ])
            {
                Range = new AxisRange(0, 100),
                AxisLabel = "0–100",
            }));
        }

        html.Append("<h3>The sentences behind the signals</h3>");
        foreach (string signal in RhetoricEvidence.AuditSignals)
        {
            var examples = e.RhetoricExamples.Where(x => x.Analysis.Signals.Any(s => s.Signal == signal)).Take(3).ToList();
            if (examples.Count == 0)
            {
                continue;
            }

            html.Append($"<h4>{signal}</h4><ul class=\"verbatims\">");
            foreach (var (post, analysis) in examples)
            {
                var spans = analysis.Signals.Where(s => s.Signal == signal).SelectMany(s => s.Evidence).Select(ev => new HighlightSpan(ev.Span.Start, ev.Span.Length, signal));
                html.Append($"<li><q>{Html.Highlight(post.Text, spans)}</q> <span class=\"who\">— {Html.Escape(post.Author ?? "unknown")}, {Html.Escape(post.Channel ?? "")}, {post.At.UtcDateTime:yyyy-MM-dd}</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    private static void RepliesSection(StringBuilder html, EvidenceSet e)
    {
        var replies = e.Replies;
        html.Append("<section id=\"replies\"><h2>How well we answer</h2>");
        if (replies.Replies == 0)
        {
            html.Append("<p>No replies to customers imported yet (communications with channel reply or in_reply_to).</p></section>");
            return;
        }

        html.Append($"<p>{Count(replies.Replies)} replies; mean readability (Flesch reading ease) {Number(replies.MeanReadability, "0")}; first response p50 {Duration(replies.FirstResponseSeconds.P50)}, p90 {Duration(replies.FirstResponseSeconds.P90)}. {Count(replies.FollowedUp)} answered customers spoke again; for them, the move in sentiment from the message answered to their next one, with and without each signal. These are associations, not proof of effect.</p>");
        html.Append("<table><thead><tr><th>reply signal</th><th>share of replies</th><th>customer's sentiment move with it</th><th>without it</th><th>difference</th></tr></thead><tbody>");
        foreach (var s in replies.Signals)
        {
            string difference = s.Difference is Difference d ? $"{WithSign(d.Delta, "0.00")} ({(d.Significant ? P(d.P) : "not significant")})" : "—";
            html.Append($"<tr><td>{s.Signal}</td><td class=\"num\">{Percent(s.Share.Value)}</td><td class=\"num\">{Html.Escape(Estimate(s.NextSentimentWith, "0.00"))}</td><td class=\"num\">{Html.Escape(Estimate(s.NextSentimentWithout, "0.00"))}</td><td class=\"num\">{difference}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void VerbatimsSection(StringBuilder html, EvidenceSet e)
    {
        html.Append("<section id=\"verbatims\"><h2>Verbatims</h2><p class=\"note\">The customers' own words for each theme and friction (last 90 days), with the words that carried each signal marked.</p>");
        foreach (var (key, verbatims) in e.Verbatims)
        {
            if (verbatims.Count == 0)
            {
                continue;
            }

            var topic = e.Themes.Concat(e.Friction).First(t => t.Key == key);
            html.Append($"<h3>{Html.Escape(Findings.NameOf(e, topic))}</h3><ul class=\"verbatims\">");
            foreach (var verbatim in verbatims)
            {
                html.Append("<li>").Append(VerbatimHtml(verbatim, key)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    /// <summary>A comment with the spans of its theme or friction (and its emotions and friction) marked, and where it came from.</summary>
    public static string VerbatimHtml(Verbatim verbatim, string topicKey)
    {
        var analysis = verbatim.Analysis;
        var spans = new List<HighlightSpan>();
        spans.AddRange(analysis.Themes.Where(t => t.Id == topicKey).SelectMany(t => t.Evidence).Select(ev => new HighlightSpan(ev.Span.Start, ev.Span.Length, "theme " + topicKey)));
        spans.AddRange(analysis.Friction.SelectMany(f => f.Evidence.Select(ev => new HighlightSpan(ev.Span.Start, ev.Span.Length, "friction " + f.Kind))));
        spans.AddRange(analysis.Emotions.SelectMany(em => em.Evidence.Select(ev => new HighlightSpan(ev.Span.Start, ev.Span.Length, "emotion " + em.Emotion))));
        var row = verbatim.Row;
        string score = row.Score is double s ? $"{row.ScoreKind} {s.ToString("0.#", CultureInfo.InvariantCulture)}, " : "";
        return $"<q>{Html.Highlight(row.Text ?? "", spans)}</q> <span class=\"who\">— {Html.Escape(row.Source)}, {Html.Escape(score)}sentiment {Number(analysis.Sentiment.Compound, "0.00")}, {row.At.UtcDateTime:yyyy-MM-dd}</span>";
    }

    private static void MethodSection(StringBuilder html, EvidenceSet e)
    {
        html.Append($"""
            <section id="method"><h2>How these figures are made</h2>
            <ul>
            <li>NPS = % promoters (9–10) − % detractors (0–6); its 95 % interval uses the variance (P + D − (P − D)²) / n and Student's t. CSAT is the % answering 4–5 of 5 (Wilson interval). CES, ratings and sentiment are means with t intervals.</li>
            <li>A figure with fewer than {e.Options.MinResponses} answers is not shown. Differences (between periods, between a group and the rest, between those who raise a theme and those who do not) are tested with a two-sided z test at 5 % and marked only when significant.</li>
            <li>A theme's NPS move is score(everyone but those raising it) − score(everyone). Importance × performance places each theme by its share of comments (importance, split at the mean share) and aspect sentiment (performance, split at neutral).</li>
            <li>Repeat contact: the same person back for the same reason within 7 days. Out of hours: before 08:00, from 18:00 UTC, or at a weekend.</li>
            <li>Employees: no figure for fewer than {e.Options.AnonymityThreshold} respondents; employee comments are never shown by team.</li>
            <li>Evidence-gap index: claim (% of posts and memos with the customer-perspective or vague-commitment signal) − experience (mean of NPS rescaled to 0–100, CSAT %, sentiment rescaled to 0–100 and 100 − % of comments showing friction), per period, weighted by posts overall.</li>
            <li>Signals come from Evident's language engine (lexicons and rules, no machine-learned model): every marked word above is the evidence for its signal.</li>
            </ul></section>
            """);
    }

    private static LineSeries Series(string name, IReadOnlyList<Estimate> estimates) => new(name, [.. estimates.Select(x => x.Value)])
    {
        Low = [.. estimates.Select(x => x.Low)],
        High = [.. estimates.Select(x => x.High)],
    };

    public static string PeriodName(PeriodKind period) => period switch
    {
        PeriodKind.Day => "day",
        PeriodKind.Week => "week",
        _ => "month",
    };

    private static string Label(string name) => name switch
    {
        "nps" => "NPS",
        "csat" => "CSAT (% satisfied, 4–5 of 5)",
        "ces" => "CES (mean, 1–7, higher is easier)",
        "enps" => "eNPS (employees)",
        "rating" => "rating (mean stars, 1–5)",
        "sentiment" => "sentiment of comments (−1 … 1)",
        _ => name,
    };
}
