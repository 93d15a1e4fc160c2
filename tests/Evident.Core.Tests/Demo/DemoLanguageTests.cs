using Evident.Core.Demo;
using Evident.Text;
using static Evident.Core.Tests.Demo.DemoFigures;

namespace Evident.Core.Tests.Demo;

/// <summary>The story as the language engine reads it: what the demo's texts are about, and how they say it.</summary>
[Collection(DemoGroup.Name)]
public sealed class DemoLanguageTests(DemoData data)
{
    [Fact]
    public void Callers_comments_turn_to_the_phone_menu_and_the_wait()
    {
        double before = CommentShare(data, CallersSurveys(data, after: false), PhonePain);
        double after = CommentShare(data, CallersSurveys(data, after: true), PhonePain);

        Assert.True(after > 0.35, $"after {after:P0}");
        Assert.True(after > 3 * before, $"{before:P0} -> {after:P0}");
    }

    [Fact]
    public void The_automated_phone_theme_appears_with_the_new_menu()
    {
        double before = CommentShare(data, data.Survey.Where(s => !IsAfter(s.CreatedAt)), a => HasTheme(a, "automated-phone"));
        double after = CommentShare(data, data.Survey.Where(s => IsAfter(s.CreatedAt)), a => HasTheme(a, "automated-phone"));

        Assert.True(before < 0.02, $"before {before:P1}");
        Assert.True(after > 5 * before && after > 0.08, $"{before:P1} -> {after:P1}");
    }

    [Fact]
    public void Staff_kindness_stays_a_strength_throughout()
    {
        Assert.True(StaffPraiseShare(data, after: false) > 0.85);
        Assert.True(StaffPraiseShare(data, after: true) > 0.85);
        double before = CommentShare(data, data.Survey.Where(s => !IsAfter(s.CreatedAt)), a => HasTheme(a, "staff-attitude"));
        double after = CommentShare(data, data.Survey.Where(s => IsAfter(s.CreatedAt)), a => HasTheme(a, "staff-attitude"));
        Assert.InRange(after / before, 0.75, 1.33);
    }

    [Theory]
    [InlineData("billing")]
    [InlineData("facilities")]
    [InlineData("availability")]
    [InlineData("digital-self-service")]
    [InlineData("cleanliness")]
    public void Other_themes_run_at_a_steady_rate(string theme)
    {
        double before = CommentShare(data, data.Survey.Where(s => !IsAfter(s.CreatedAt)), a => HasTheme(a, theme));
        double after = CommentShare(data, data.Survey.Where(s => IsAfter(s.CreatedAt)), a => HasTheme(a, theme));

        Assert.True(before > 0.01, $"{theme} before {before:P1}");
        Assert.InRange(after / before, 0.5, 2);
    }

    [Fact]
    public void Leadership_speaks_for_patients_and_sells_but_rarely_thanks_anyone()
    {
        var posts = data.Comms.Where(c => c.Channel == "post").ToList();

        Assert.True(SignalShare(data, posts, "customer-perspective") > 0.45);
        Assert.True(SignalShare(data, posts, "vague-commitment") > 0.45);
        Assert.True(SignalShare(data, posts, "sales-pressure") > 0.2);
        Assert.True(SignalShare(data, posts, "gratitude") < 0.1);
        Assert.True(SignalShare(data, posts, "employee-focus") < 0.1);
        Assert.True(SignalShare(data, Leadership(data, after: true), "gratitude") < SignalShare(data, Leadership(data, after: false), "gratitude"));
    }

    [Fact]
    public void Patients_answered_with_care_score_higher_in_their_next_survey()
    {
        var replies = RepliesToComplaints(data);

        Assert.True(replies.Count(r => r.Caring && r.NextScore is not null) >= 20);
        Assert.True(replies.Count(r => !r.Caring && r.NextScore is not null) >= 20);
        Assert.True(MeanNextScore(data, caring: true) > MeanNextScore(data, caring: false) + 1);
    }

    [Fact]
    public void Caring_replies_read_as_apology_and_empathy_with_a_next_step_and_curt_ones_do_not()
    {
        var records = new DemoRecords();
        var team = new PatientExperienceTeam(records, new DemoRandom(1, "test"));
        var complaints = new[] { "On hold for 40 minutes, then cut off.", "I was charged twice for the same scan.", "Waited 40 minutes past my appointment time." };
        for (int i = 0; i < 300; i++)
        {
            var said = new FeedbackRow { At = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc), Person = "p", Segment = "new", Region = "Riverside", Channel = "google", Text = complaints[i % 3] };
            team.Answer(said, i % 2 == 0 ? ReplyStyle.Caring : ReplyStyle.Curt, "Riverside");
        }

        var caring = records.Comms.Where((_, i) => i % 2 == 0).Select(c => (c.Text, A: TextAnalyzer.Default.Analyze(c.Text))).ToList();
        var curt = records.Comms.Where((_, i) => i % 2 == 1).Select(c => (c.Text, A: TextAnalyzer.Default.Analyze(c.Text))).ToList();
        Assert.All(caring, r => Assert.True(HasSignal(r.A, "apology"), r.Text));
        Assert.All(caring, r => Assert.True(HasSignal(r.A, "ownership") || HasSignal(r.A, "next-step"), r.Text));
        Assert.True(Share(caring, r => HasSignal(r.A, "empathy")) > 0.6);
        Assert.All(curt, r => Assert.False(HasSignal(r.A, "apology") || HasSignal(r.A, "empathy") || HasSignal(r.A, "ownership"), r.Text));
    }

    [Fact]
    public void Patients_write_in_many_different_words()
    {
        var comments = data.Survey.Concat(data.Csat).Concat(data.Reviews).Concat(data.Social).Select(f => f.Text).OfType<string>().ToList();
        var sentences = comments.SelectMany(c => c.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).ToHashSet();

        Assert.True(comments.Distinct().Count() > 0.4 * comments.Count);
        Assert.True(sentences.Count > 1000, $"{sentences.Count} distinct sentences");
        Assert.True(Share(comments, c => c.Any(char.IsLetter) && !c.Any(char.IsUpper)) > 0.05, "some people type in lower case");
    }
}
