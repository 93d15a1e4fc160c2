using Evident.Core.Records;
using Evident.Text;

namespace Evident.Core.Tests.Demo;

/// <summary>The story's figures as an analyst would compute them from the imported rows; docs/demo.md quotes them.</summary>
internal static class DemoFigures
{
    public const string CallCentre = "call-centre";

    /// <summary>The first monthly pulse wholly after the change (the call centre's mood takes a few weeks to sink).</summary>
    public static readonly DateTimeOffset FirstPulseAfter = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsAfter(DateTimeOffset at) => at >= DemoData.Change;

    /// <summary>Calls patients made (outbound call-backs go through no menu).</summary>
    public static IEnumerable<InteractionRecord> InboundCalls(DemoData data, bool after) =>
        data.Interactions.Where(i => i.Channel == "phone" && i.MenuSteps > 0 && IsAfter(i.StartedAt) == after);

    public static IEnumerable<InteractionRecord> Channel(DemoData data, string channel, bool after) =>
        data.Interactions.Where(i => i.Channel == channel && IsAfter(i.StartedAt) == after);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double MedianWait(IEnumerable<InteractionRecord> contacts) => Median(contacts.Where(c => c.WaitSeconds is not null).Select(c => c.WaitSeconds!.Value));

    public static double Share<T>(IEnumerable<T> items, Func<T, bool> predicate)
    {
        int all = 0, hits = 0;
        foreach (var item in items)
        {
            all++;
            hits += predicate(item) ? 1 : 0;
        }

        return all == 0 ? double.NaN : (double)hits / all;
    }

    /// <summary>Share of contacts that follow a contact of the same person about the same reason within 7 days.</summary>
    public static double RepeatContactShare(IEnumerable<InteractionRecord> contacts)
    {
        var last = new Dictionary<(string, string), DateTimeOffset>();
        int all = 0, repeats = 0;
        foreach (var contact in contacts.OrderBy(c => c.StartedAt))
        {
            var key = (contact.PersonKey!, contact.Reason!);
            all++;
            if (last.TryGetValue(key, out var previous) && (contact.StartedAt - previous).TotalDays <= 7)
            {
                repeats++;
            }

            last[key] = contact.StartedAt;
        }

        return (double)repeats / all;
    }

    /// <summary>Net Promoter Score: percentage of 9–10 minus percentage of 0–6.</summary>
    public static double Nps(IEnumerable<FeedbackRecord> answers)
    {
        var scores = answers.Where(a => a.Score is not null).Select(a => a.Score!.Value).ToList();
        return 100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count;
    }

    public static IEnumerable<FeedbackRecord> CallersSurveys(DemoData data, bool after) =>
        data.Survey.Where(s => s.Channel == "phone" && IsAfter(s.CreatedAt) == after);

    public static string ScoreClass(double score) => score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";

    /// <summary>Each respondent's last survey answer, with whether they churned and whether they visited again after it.</summary>
    public static List<(string Class, bool Churned, bool VisitedAgain)> LastAnswers(DemoData data)
    {
        var churn = data.Journey.Where(j => j.Action == "churn").ToDictionary(j => j.PersonKey, j => j.At);
        var visits = data.Journey.Where(j => j.Action == "visit").ToLookup(j => j.PersonKey, j => j.At);
        return [.. data.Survey.GroupBy(s => s.PersonKey!)
            .Select(g => g.MaxBy(s => s.CreatedAt)!)
            .Select(s => (
                ScoreClass(s.Score!.Value),
                churn.TryGetValue(s.PersonKey!, out var left) && left > s.CreatedAt,
                visits[s.PersonKey!].Any(v => v > s.CreatedAt)))];
    }

    public static double ChurnShare(DemoData data, string scoreClass) => Share(LastAnswers(data).Where(a => a.Class == scoreClass), a => a.Churned);

    public static double VisitAgainShare(DemoData data, string scoreClass) => Share(LastAnswers(data).Where(a => a.Class == scoreClass), a => a.VisitedAgain);

    public static double ENps(DemoData data, Func<string?, bool> team, bool after) =>
        Nps(data.Pulse.Where(p => team(p.Team) && (after ? p.CreatedAt >= FirstPulseAfter : p.CreatedAt < DemoData.Change)));

    public static IEnumerable<InteractionRecord> CallCentreContacts(DemoData data, bool after) =>
        data.Interactions.Where(i => i.Team == CallCentre && i.Agent is not null && IsAfter(i.StartedAt) == after);

    public static double ContactsPerAgentDay(DemoData data, bool after) =>
        CallCentreContacts(data, after).GroupBy(i => (i.Agent, i.StartedAt.UtcDateTime.Date)).Average(g => g.Count());

    public static double AfterSixShare(DemoData data, bool after) => Share(CallCentreContacts(data, after), i => i.StartedAt.UtcDateTime.Hour >= 18);

    // ---- through the language engine

    public static bool HasTheme(TextAnalysis analysis, string theme) => analysis.Themes.Any(t => t.Id == theme);

    public static bool HasFriction(TextAnalysis analysis, string kind) => analysis.Friction.Any(f => f.Kind == kind);

    public static bool HasSignal(TextAnalysis analysis, string signal) => analysis.Signals.Any(s => s.Signal == signal);

    /// <summary>Share of the comments among <paramref name="answers"/> that the engine reads as <paramref name="reading"/>.</summary>
    public static double CommentShare(DemoData data, IEnumerable<FeedbackRecord> answers, Func<TextAnalysis, bool> reading) =>
        Share(answers.Where(a => !string.IsNullOrEmpty(a.Text)), a => reading(data.Analyze(a.Text!)));

    /// <summary>A comment about the phone menu or about waiting: the automated-phone theme or a wait the engine counts as friction.</summary>
    public static bool PhonePain(TextAnalysis analysis) => HasTheme(analysis, "automated-phone") || HasFriction(analysis, "wait");

    /// <summary>Of the comments that mention staff manner, the share the engine reads as positive about it.</summary>
    public static double StaffPraiseShare(DemoData data, bool after)
    {
        var readings = data.Survey
            .Where(s => !string.IsNullOrEmpty(s.Text) && IsAfter(s.CreatedAt) == after)
            .SelectMany(s => data.Analyze(s.Text!).Themes.Where(t => t.Id == "staff-attitude"))
            .ToList();
        return Share(readings, t => t.Sentiment.Label == SentimentLabel.Positive);
    }

    public static IEnumerable<CommunicationRecord> Leadership(DemoData data, bool? after = null) =>
        data.Comms.Where(c => c.Channel is "post" or "memo" && (after is null || IsAfter(c.CreatedAt) == after));

    public static double SignalShare(DemoData data, IEnumerable<CommunicationRecord> comms, string signal) =>
        Share(comms, c => HasSignal(data.Analyze(c.Text), signal));

    /// <summary>Replies to a complaint (a review of 1–3 stars or a post), the engine's verdict on whether each apologises
    /// or empathises, and the score of the complainant's next survey answer, if any.</summary>
    public static List<(bool Caring, double? NextScore)> RepliesToComplaints(DemoData data)
    {
        var complaints = data.Reviews.Where(r => r.Score <= 3).Concat(data.Social).ToDictionary(f => f.ExternalId);
        var surveys = data.Survey.ToLookup(s => s.PersonKey);
        return [.. data.Comms
            .Where(c => c.Channel == "reply" && c.InReplyTo is not null && complaints.ContainsKey(c.InReplyTo))
            .Select(c =>
            {
                var analysis = data.Analyze(c.Text);
                var next = surveys[complaints[c.InReplyTo!].PersonKey].Where(s => s.CreatedAt > c.CreatedAt).MinBy(s => s.CreatedAt);
                return (HasSignal(analysis, "apology") || HasSignal(analysis, "empathy"), next?.Score);
            })];
    }

    public static double MeanNextScore(DemoData data, bool caring) =>
        RepliesToComplaints(data).Where(r => r.Caring == caring && r.NextScore is not null).Average(r => r.NextScore!.Value);
}
