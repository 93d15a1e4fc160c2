using System.Globalization;
using Xunit.Abstractions;
using static Evident.Core.Tests.Demo.DemoFigures;

namespace Evident.Core.Tests.Demo;

[Collection(DemoGroup.Name)]
public sealed class DemoFiguresTests(DemoData data, ITestOutputHelper output)
{
    /// <summary>The table docs/demo.md quotes (run with EVIDENT_DEMO_TEST_SCALE=1 and a detailed console logger to see it).</summary>
    [Fact]
    public void Every_story_figure_can_be_computed_from_the_imported_rows()
    {
        var figures = new List<(string Name, double Before, double After)>
        {
            ("median wait of inbound calls, s", MedianWait(InboundCalls(data, false)), MedianWait(InboundCalls(data, true))),
            ("mean menu steps of inbound calls", InboundCalls(data, false).Average(c => c.MenuSteps!.Value), InboundCalls(data, true).Average(c => c.MenuSteps!.Value)),
            ("mean transfers of inbound calls", InboundCalls(data, false).Average(c => c.Transfers!.Value), InboundCalls(data, true).Average(c => c.Transfers!.Value)),
            ("abandoned inbound calls, %", 100 * Share(InboundCalls(data, false), c => c.Outcome == "abandoned"), 100 * Share(InboundCalls(data, true), c => c.Outcome == "abandoned")),
            ("repeat phone contacts (same reason, 7 days), %", 100 * RepeatContactShare(Channel(data, "phone", false)), 100 * RepeatContactShare(Channel(data, "phone", true))),
            ("median chat wait, s", MedianWait(Channel(data, "chat", false)), MedianWait(Channel(data, "chat", true))),
            ("NPS of callers (survey, channel phone)", Nps(CallersSurveys(data, false)), Nps(CallersSurveys(data, true))),
            ("NPS after visits", Nps(data.Survey.Where(s => s.Channel == "visit" && !IsAfter(s.CreatedAt))), Nps(data.Survey.Where(s => s.Channel == "visit" && IsAfter(s.CreatedAt)))),
            ("mean CSAT of calls", data.Csat.Where(c => c.Channel == "phone" && !IsAfter(c.CreatedAt)).Average(c => c.Score!.Value), data.Csat.Where(c => c.Channel == "phone" && IsAfter(c.CreatedAt)).Average(c => c.Score!.Value)),
            ("mean review rating", data.Reviews.Where(r => !IsAfter(r.CreatedAt)).Average(r => r.Score!.Value), data.Reviews.Where(r => IsAfter(r.CreatedAt)).Average(r => r.Score!.Value)),
            ("churn events", data.Journey.Count(j => j.Action == "churn" && !IsAfter(j.At)), data.Journey.Count(j => j.Action == "churn" && IsAfter(j.At))),
            ("call-centre eNPS (after = from 1 June)", ENps(data, t => t == CallCentre, false), ENps(data, t => t == CallCentre, true)),
            ("other teams' eNPS (after = from 1 June)", ENps(data, t => t != CallCentre, false), ENps(data, t => t != CallCentre, true)),
            ("call-centre contacts per agent-day", ContactsPerAgentDay(data, false), ContactsPerAgentDay(data, true)),
            ("call-centre contacts started 18:00 or later, %", 100 * AfterSixShare(data, false), 100 * AfterSixShare(data, true)),
            ("callers' comments: automated-phone or wait friction, %", 100 * CommentShare(data, CallersSurveys(data, false), PhonePain), 100 * CommentShare(data, CallersSurveys(data, true), PhonePain)),
            ("survey comments: automated-phone theme, %", 100 * CommentShare(data, data.Survey.Where(s => !IsAfter(s.CreatedAt)), a => HasTheme(a, "automated-phone")), 100 * CommentShare(data, data.Survey.Where(s => IsAfter(s.CreatedAt)), a => HasTheme(a, "automated-phone"))),
            ("survey comments: staff-attitude theme, %", 100 * CommentShare(data, data.Survey.Where(s => !IsAfter(s.CreatedAt)), a => HasTheme(a, "staff-attitude")), 100 * CommentShare(data, data.Survey.Where(s => IsAfter(s.CreatedAt)), a => HasTheme(a, "staff-attitude"))),
            ("staff-attitude mentions read positive, %", 100 * StaffPraiseShare(data, false), 100 * StaffPraiseShare(data, true)),
            ("leadership posts and memos with gratitude, %", 100 * SignalShare(data, Leadership(data, false), "gratitude"), 100 * SignalShare(data, Leadership(data, true), "gratitude")),
        };
        var once = new List<(string Name, double Value)>
        {
            ("churned after last answer: promoters, %", 100 * ChurnShare(data, "promoter")),
            ("churned after last answer: passives, %", 100 * ChurnShare(data, "passive")),
            ("churned after last answer: detractors, %", 100 * ChurnShare(data, "detractor")),
            ("visited again after last answer: promoters, %", 100 * VisitAgainShare(data, "promoter")),
            ("visited again after last answer: detractors, %", 100 * VisitAgainShare(data, "detractor")),
            ("posts: customer-perspective, %", 100 * SignalShare(data, data.Comms.Where(c => c.Channel == "post"), "customer-perspective")),
            ("posts: vague-commitment, %", 100 * SignalShare(data, data.Comms.Where(c => c.Channel == "post"), "vague-commitment")),
            ("posts: sales-pressure, %", 100 * SignalShare(data, data.Comms.Where(c => c.Channel == "post"), "sales-pressure")),
            ("posts: gratitude, %", 100 * SignalShare(data, data.Comms.Where(c => c.Channel == "post"), "gratitude")),
            ("posts: employee-focus, %", 100 * SignalShare(data, data.Comms.Where(c => c.Channel == "post"), "employee-focus")),
            ("next survey score after a caring reply", MeanNextScore(data, caring: true)),
            ("next survey score after a curt reply", MeanNextScore(data, caring: false)),
        };

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale {data.Scale}: {string.Join(", ", data.Files.Select(f => $"{Path.GetFileName(f.Path)} {f.Rows}"))}"));
        foreach (var (name, before, after) in figures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {before:0.##} | {after:0.##} |"));
            Assert.True(double.IsFinite(before) && double.IsFinite(after), name);
        }

        foreach (var (name, value) in once)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {value:0.##} |"));
            Assert.True(double.IsFinite(value), name);
        }
    }
}
