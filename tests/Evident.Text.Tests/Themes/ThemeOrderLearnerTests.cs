using Evident.Bench.Text;

namespace Evident.Text.Tests.Themes;

/// <summary>The learner behind the shipped theme leads and weak theme phrases: its thresholds, on texts made up here.</summary>
public sealed class ThemeOrderLearnerTests
{
    private static IEnumerable<LabelledTweet> Repeat(int times, string text, params string[] themes) =>
        Enumerable.Range(0, times).Select(i => new LabelledTweet($"{text}#{i}", text, themes, "negative"));

    [Theory]
    [InlineData(8, 2, false)] // eight to two: not more than four times as often
    [InlineData(6, 1, true)]
    [InlineData(5, 0, false)] // five: fewer than six
    [InlineData(9, 2, true)]
    public void A_lead_needs_six_texts_and_more_than_four_times_the_reverse(int led, int followed, bool learnt)
    {
        const string text = "I want a refund, the flight was delayed"; // names refund and delay
        var texts = Repeat(led, text, "refund").Concat(Repeat(followed, text, "delay"));
        var leads = ThemeOrderLearner.Learn(TextAnalyzer.Default, texts).Leads;
        Assert.Equal(learnt, leads.Any(l => l is { Theme: "refund", Over: "delay" }));
        Assert.DoesNotContain(leads, l => l is { Theme: "delay", Over: "refund" });
    }

    [Theory]
    [InlineData(1, 2, true)] // named the theme in three texts, given in one
    [InlineData(2, 2, true)] // two of four: at most half
    [InlineData(2, 1, false)] // two of three: more than half
    [InlineData(0, 2, false)] // two texts: fewer than three
    public void A_weak_phrase_named_its_theme_in_three_texts_or_more_and_was_given_in_at_most_half(int given, int notGiven, bool weak)
    {
        const string text = "the crew was lovely"; // "crew was" names staff-attitude
        var texts = Repeat(given, text, "staff-attitude").Concat(Repeat(notGiven, text, "none"));
        var phrases = ThemeOrderLearner.Learn(TextAnalyzer.Default, texts).WeakPhrases;
        Assert.Equal(weak, phrases.Any(w => w is { Theme: "staff-attitude", Phrase: "crew was" }));
    }
}
