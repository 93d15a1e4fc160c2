using Evident.Text.Themes;

namespace Evident.Text.Tests.Themes;

public sealed class EmergingPhraseTests
{
    private static readonly string[] s_corpus =
    [
        "The night shuttle never came and we stood in the rain.",
        "Please bring back the night shuttle, it was the only way home.",
        "No night shuttle again tonight, so I paid for a taxi.",
        "The night shuttle driver was lovely but it was forty minutes late.",
        "I was on hold for an hour and nobody answered.",
        "On hold again, still no answer from anyone.",
        "Kept on hold for ages before giving up.",
        "The food was fine and the room was clean.",
        "Great stay, the room was clean and the staff were kind.",
        "There were no coat hooks in the cubicle.",
        "Please put coat hooks in the changing area.",
    ];

    [Fact]
    public void A_recurring_phrase_no_theme_covers_emerges()
    {
        var phrases = EmergingPhrases.Find(TextAnalyzer.Default, s_corpus, top: 5);
        var shuttle = Assert.Single(phrases, p => p.Text == "night shuttle");
        Assert.Equal(4, shuttle.Texts);
        Assert.True(shuttle.Score > 0);
        var example = shuttle.Examples[0];
        Assert.Equal("night shuttle", s_corpus[example.TextIndex].Substring(example.Span.Start, example.Span.Length), ignoreCase: true);
    }

    [Fact]
    public void A_phrase_the_taxonomy_covers_does_not_emerge()
    {
        // "on hold" recurs as often, but it is a wait-time phrase already
        var phrases = EmergingPhrases.Find(TextAnalyzer.Default, s_corpus, top: 20);
        Assert.DoesNotContain(phrases, p => p.Text.Contains("hold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fallback_word_does_not_hide_a_new_phrase_around_it()
    {
        // "problem" is a product-quality fallback, which names a theme only when nothing else does: "lanyard problem" is still new
        string[] corpus =
        [
            "Got the lanyard problem again today.",
            "Another lanyard problem this morning.",
            "The lanyard problem is back after the repair.",
            "Lanyard problem for the third time.",
        ];
        Assert.Contains(EmergingPhrases.Find(TextAnalyzer.Default, corpus, top: 10), p => p.Text == "lanyard problem");
    }

    [Fact]
    public void Phrases_of_function_words_and_rare_phrases_do_not_emerge()
    {
        var phrases = EmergingPhrases.Find(TextAnalyzer.Default, s_corpus, top: 20);
        Assert.DoesNotContain(phrases, p => p.Text.StartsWith("the ", StringComparison.Ordinal) || p.Text.EndsWith(" the", StringComparison.Ordinal));
        Assert.All(phrases, p => Assert.True(p.Texts >= 3, p.Text));
        Assert.DoesNotContain(phrases, p => p.Text == "coat hooks"); // in two texts only
    }

    [Fact]
    public void Phrases_are_ranked_best_first()
    {
        var phrases = EmergingPhrases.Find(TextAnalyzer.Default, s_corpus, top: 20, minimumTexts: 2);
        Assert.Equal(phrases.OrderByDescending(p => p.Score).Select(p => p.Text), phrases.Select(p => p.Text));
        Assert.Contains(phrases, p => p.Text == "coat hooks");
        Assert.Equal("night shuttle", phrases[0].Text); // four texts outweigh two
    }
}
