using static Evident.Core.Tests.Demo.DemoFigures;

namespace Evident.Core.Tests.Demo;

/// <summary>The planted story, measured in the raw rows as an analyst would (docs/demo.md has the figures at scale 1).</summary>
[Collection(DemoGroup.Name)]
public sealed class DemoStoryTests(DemoData data)
{
    [Fact]
    public void The_new_phone_menu_has_more_steps_and_two_and_a_half_times_the_wait()
    {
        double before = MedianWait(InboundCalls(data, after: false));
        double after = MedianWait(InboundCalls(data, after: true));

        Assert.InRange(before, 100, 170);
        Assert.InRange(after / before, 2, 3.2);
        Assert.InRange(InboundCalls(data, after: false).Average(c => c.MenuSteps!.Value), 1, 2);
        Assert.InRange(InboundCalls(data, after: true).Average(c => c.MenuSteps!.Value), 4, 7);
    }

    [Fact]
    public void Calls_are_transferred_abandoned_and_repeated_more_after_the_change()
    {
        Assert.True(InboundCalls(data, true).Average(c => c.Transfers!.Value) > 3 * InboundCalls(data, false).Average(c => c.Transfers!.Value));
        Assert.True(Share(InboundCalls(data, true), c => c.Outcome == "abandoned") > 2 * Share(InboundCalls(data, false), c => c.Outcome == "abandoned"));
        Assert.True(RepeatContactShare(Channel(data, "phone", true)) > 1.8 * RepeatContactShare(Channel(data, "phone", false)));
    }

    [Fact]
    public void Chat_and_email_are_untouched()
    {
        Assert.InRange(MedianWait(Channel(data, "chat", true)) / MedianWait(Channel(data, "chat", false)), 0.85, 1.15);
        double emailBefore = Median(Channel(data, "email", false).Select(e => (e.FirstResponseAt!.Value - e.StartedAt).TotalHours));
        double emailAfter = Median(Channel(data, "email", true).Select(e => (e.FirstResponseAt!.Value - e.StartedAt).TotalHours));
        Assert.InRange(emailAfter / emailBefore, 0.85, 1.15);
        Assert.All(Channel(data, "chat", true).Concat(Channel(data, "email", true)), c => Assert.True(c.MenuSteps is null or <= 1));
    }

    [Fact]
    public void Callers_turn_from_promoters_to_detractors()
    {
        double before = Nps(CallersSurveys(data, after: false));
        double after = Nps(CallersSurveys(data, after: true));

        Assert.InRange(before, 25, 55);
        Assert.InRange(after, -10, 20);
        Assert.True(before - after >= 20, $"callers' NPS {before:F0} -> {after:F0}");
    }

    [Fact]
    public void Detractors_leave_two_to_three_times_as_often_as_promoters_and_visit_again_less()
    {
        double promoters = ChurnShare(data, "promoter");
        double detractors = ChurnShare(data, "detractor");

        Assert.InRange(promoters, 0.02, 0.1);
        Assert.InRange(detractors / promoters, 1.8, 4);
        Assert.True(detractors < 0.35, "most detractors stay");
        Assert.True(VisitAgainShare(data, "detractor") < VisitAgainShare(data, "promoter") - 0.03);
    }

    [Fact]
    public void More_patients_leave_after_the_change()
    {
        var churn = data.Journey.Where(j => j.Action == "churn").ToList();

        Assert.True(churn.Count(j => IsAfter(j.At)) > 1.15 * churn.Count(j => !IsAfter(j.At)));
    }

    [Fact]
    public void The_call_centre_sours_while_the_other_teams_hold()
    {
        double before = ENps(data, team => team == CallCentre, after: false);
        double after = ENps(data, team => team == CallCentre, after: true);
        double othersBefore = ENps(data, team => team != CallCentre, after: false);
        double othersAfter = ENps(data, team => team != CallCentre, after: true);

        Assert.InRange(before, 0, 40);
        Assert.True(after < -5, $"call centre eNPS after {after:F0}");
        Assert.True(before - after >= 25, $"call centre eNPS {before:F0} -> {after:F0}");
        Assert.InRange(othersAfter - othersBefore, -10, 10);
    }

    [Fact]
    public void Call_centre_agents_take_more_contacts_a_day_and_work_into_the_evening()
    {
        Assert.True(ContactsPerAgentDay(data, after: true) > 1.6 * ContactsPerAgentDay(data, after: false));
        Assert.True(AfterSixShare(data, after: false) < 0.02);
        Assert.True(AfterSixShare(data, after: true) > 0.08);
    }

    [Fact]
    public void Employee_comments_name_no_one()
    {
        var keys = data.Interactions.Select(i => i.Agent).OfType<string>().Concat(data.Pulse.Select(p => p.PersonKey!)).ToHashSet();

        Assert.All(data.Pulse.Where(p => p.Text is not null), p =>
        {
            Assert.DoesNotContain(keys, key => p.Text!.Contains(key, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotMatch(@"\b(Mr|Mrs|Ms|Dr)\.? [A-Z]", p.Text!);
        });
    }
}
