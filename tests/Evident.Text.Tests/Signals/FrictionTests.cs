namespace Evident.Text.Tests.Signals;

public sealed class FrictionTests
{
    private static TextAnalysis Analyze(string text) => TextAnalyzer.Default.Analyze(text);

    [Theory]
    [InlineData("I was on hold for 40 minutes before anyone answered.", 40)]
    [InlineData("Waited over 2 hours in the waiting room.", 120)]
    [InlineData("We queued for half an hour at check-in.", 30)]
    [InlineData("On hold for 45mins again.", 45)]
    [InlineData("chat queue for 1h45 now", 105)] // hours and minutes written as one
    [InlineData("On hold for 1hr30 this morning.", 90)]
    public void A_stated_wait_carries_its_minutes(string text, double minutes)
    {
        var wait = Analyze(text).Friction.Single(f => f.Kind == "wait");
        Assert.Equal(minutes, wait.Minutes);
    }

    [Theory]
    [InlineData("On hold for 1h75.")] // not minutes of an hour
    [InlineData("On hold for 1h5.")] // one digit: not the form
    public void Hours_and_minutes_as_one_need_two_digits_under_sixty(string text) =>
        Assert.Null(Analyze(text).Friction.Single(f => f.Kind == "wait").Minutes);

    [Fact]
    public void A_negated_friction_phrase_does_not_count()
    {
        Assert.DoesNotContain(Analyze("I was not transferred, the first agent sorted it.").Friction, f => f.Kind == "transfer");
    }

    [Fact]
    public void What_happened_despite_everything_still_counts()
    {
        var a = Analyze("I have had no update despite emailing three times.");
        Assert.Contains(a.Friction, f => f.Kind == "repeat-contact"); // "despite" is a negator to VADER, but the emails were sent
        Assert.DoesNotContain(a.Cues, c => c.Valence > 0); // nor is the repeated contact turned into praise
        Assert.DoesNotContain(Analyze("I got it sorted without calling three times.").Friction, f => f.Kind == "repeat-contact");
    }

    [Fact]
    public void Effort_rises_with_each_kind_of_friction()
    {
        double none = Analyze("Lovely staff and quick service.").Effort;
        double one = Analyze("I was transferred to another department.").Effort;
        double many = Analyze("I was transferred three times, on hold for an hour, and it is still not resolved.").Effort;
        Assert.Equal(0, none);
        Assert.True(one > none);
        Assert.True(many > one);
        Assert.InRange(many, 0, 1);
    }

    [Fact]
    public void Reply_quality_signals_are_found_in_an_organisations_reply()
    {
        var a = Analyze("I'm so sorry to hear that. I completely understand how frustrating this is. I have escalated it and we'll call you within 24 hours. Kind regards.");
        var signals = a.Signals.Select(s => s.Signal).ToHashSet();
        Assert.Contains("apology", signals);
        Assert.Contains("empathy", signals);
        Assert.Contains("ownership", signals);
        Assert.Contains("next-step", signals);
        Assert.Contains("politeness", signals);
    }

    [Fact]
    public void We_and_you_are_counted_for_perspective()
    {
        var p = Analyze("We are proud of our results. We thank our shareholders.").Perspective;
        Assert.Equal(4, p.We);
        Assert.Equal(0, p.You);
        Assert.True(p.YouFocus < 0);
        Assert.True(Analyze("You told us what you need, and your feedback shaped this.").Perspective.YouFocus > 0);
    }

    [Fact]
    public void Plain_text_reads_easier_than_dense_text()
    {
        double plain = Analyze("We are sorry. We will call you today. Your refund is on its way.").Readability;
        double dense = Analyze("Notwithstanding the aforementioned considerations, remediation of the identified discrepancies necessitates comprehensive organisational reconfiguration.").Readability;
        Assert.True(plain > 70, $"plain {plain}");
        Assert.True(dense < 30, $"dense {dense}");
    }
}
