using Evident.Text.Phrases;
using Evident.Text.Themes;

namespace Evident.Text.Tests.Themes;

/// <summary>Phrases a person writes are checked against the syntax the engine matches, before they join a taxonomy.</summary>
public sealed class PhraseSyntaxTests
{
    [Theory]
    [InlineData("car park")]
    [InlineData("wait # hour")]
    [InlineData("crew * lovely")]
    [InlineData("didn't arrive")]
    [InlineData("self-service")]
    [InlineData("café")]
    [InlineData("bag ... missing")]
    [InlineData("no ... seat left")]
    [InlineData("$ for a")]
    [InlineData("$")] // any amount of money: a topic of its own
    [InlineData("eu261")] // one word to the tokenizer
    [InlineData("put|kept|left on hold")]
    [InlineData("never|not arrive|come")]
    [InlineData("wait # hour|minute")]
    public void A_phrase_the_engine_can_match_passes(string phrase) => Assert.Null(PhraseSyntax.Problem(phrase));

    [Theory]
    [InlineData("4g signal", "digits are not matched literally")]
    [InlineData("* abroad", "cannot start with *")]
    [InlineData("# *", "at least one word")]
    [InlineData("bill, abroad", "',' cannot be matched")]
    [InlineData("t&cs", "'&' cannot be matched")]
    [InlineData("wait#hour", "#, $ and * stand alone")]
    [InlineData("$5 fee", "digits are not matched literally")]
    [InlineData("us$ fee", "#, $ and * stand alone")]
    [InlineData("$ #", "at least one word")]
    [InlineData("#", "at least one word")]
    [InlineData("*", "at least one word")]
    [InlineData("bag...missing", "a gap is written ...")]
    [InlineData("bag .. missing", "a gap is written ...")]
    [InlineData("e.g. form", "full stops are not matched")]
    [InlineData("... missing", "never first or last")]
    [InlineData("lost ...", "never first or last")]
    [InlineData("bag ... ... missing", "write it once")]
    [InlineData("bag * ... missing", "write it once")]
    [InlineData("one two three four five six seven eight nine", "more than 8 words")]
    [InlineData("on hold|", "a word on each side of every |")]
    [InlineData("put||kept on hold", "a word on each side of every |")]
    [InlineData("kept|kept on hold", "lists an alternative twice")]
    [InlineData("bag ...|lost missing", "a gap (...) cannot be one of the alternatives")]
    [InlineData("wait #|4 hour", "'wait 4 hour': digits are not matched literally")]
    [InlineData("a|b|c|d c|d|e|f e|f|g|h g|h|i|j z", "more than 64 phrases")]
    public void A_phrase_that_would_never_match_is_refused_with_the_reason(string phrase, string reason) =>
        Assert.Contains(reason, PhraseSyntax.Problem(PhraseSyntax.Normalise(phrase)), StringComparison.Ordinal);

    [Fact]
    public void Alternatives_stand_for_every_combination_in_order() =>
        Assert.Equal(["never arrive", "never come", "not arrive", "not come"], PhraseSyntax.Expand("never|not arrive|come"));

    [Fact]
    public void A_phrase_without_alternatives_stands_for_itself() =>
        Assert.Equal(["on hold"], PhraseSyntax.Expand("on hold"));

    [Theory]
    [InlineData("The parcel was left at the kiosk.", "left at the kiosk")]
    [InlineData("My parcel was dumped by the kiosk", "dump by the kiosk")]
    public void Each_alternative_matches_and_is_reported_as_the_phrase_that_matched(string text, string phrase)
    {
        var extension = ThemeTaxonomy.Parse("""{"themes": [{"id": "kiosk", "name": "Kiosk", "phrases": ["left|dump at|by the kiosk"]}]}""", "extension.json");
        var analyzer = new TextAnalyzer(LexiconSet.LoadEmbedded(extension));

        var theme = Assert.Single(analyzer.Analyze(text).Themes, t => t.Id == "kiosk");
        Assert.Equal("theme:" + phrase, Assert.Single(theme.Evidence).Rule);
    }

    [Fact]
    public void Alternatives_in_the_customer_lexicon_each_take_the_valence()
    {
        var lexicons = LexiconSet.Build(vaderLexicon: "good\t1.9\n", emojiLexicon: "", cxLexicon: "kept|left me hanging\t-1.5\tservice\n",
            taxonomy: TextAnalyzer.Default.Lexicons.Taxonomy, signals: "");
        var analyzer = new TextAnalyzer(lexicons);

        Assert.True(analyzer.ScoreSentiment("They kept me hanging").Compound < -0.3);
        Assert.True(analyzer.ScoreSentiment("They left me hanging").Compound < -0.3);
        Assert.Equal(0, analyzer.ScoreSentiment("They hung me").Compound);
    }

    [Fact]
    public void Phrases_are_normalised_as_the_engine_reads_them() =>
        Assert.Equal("didn't arrive on time", PhraseSyntax.Normalise("  Didn’t  ARRIVE on   time "));

    [Fact]
    public void An_ellipsis_character_is_read_as_a_gap() =>
        Assert.Equal("bag ... missing", PhraseSyntax.Normalise("Bag…missing"));

    [Fact]
    public void Extending_a_shipped_theme_keeps_its_phrases_and_takes_a_stated_name()
    {
        var shipped = TextAnalyzer.Default.Lexicons.Taxonomy;
        var delivery = shipped.Find("delivery")!;
        var extension = ThemeTaxonomy.Of([new Theme("delivery", "Deliveries", "", ["parcel shop"]), new Theme("refund", "refund", "", ["store credit"])]);

        var merged = shipped.Extend(extension);

        Assert.Equal(("Deliveries", delivery.Description), (merged.Find("delivery")!.Name, merged.Find("delivery")!.Description));
        Assert.Equal([.. delivery.Phrases, "parcel shop"], merged.Find("delivery")!.Phrases);
        Assert.Equal(shipped.Find("refund")!.Name, merged.Find("refund")!.Name); // a name equal to the id is one not stated
    }

    [Theory]
    [InlineData("No complaints, lovely stay.", "complaint-handling")] // praise, not complaint handling
    [InlineData("Spent my whole lunch break in the queue.", "food-quality")] // a time of day, not food
    public void A_theme_phrase_inside_one_of_its_exceptions_does_not_count(string text, string theme) =>
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze(text).Themes, t => t.Id == theme);

    [Theory]
    [InlineData("I made a complaint and nobody replied.", "complaint-handling")]
    [InlineData("The lunch was cold.", "food-quality")]
    public void The_same_phrase_outside_its_exceptions_counts(string text, string theme) =>
        Assert.Contains(TextAnalyzer.Default.Analyze(text).Themes, t => t.Id == theme);

    [Fact]
    public void An_extension_may_add_exceptions_to_a_shipped_theme()
    {
        var extension = ThemeTaxonomy.Parse("""{"themes": [{"id": "delivery", "except": ["delivery of the baby"]}]}""", "extension.json");
        var analyzer = new TextAnalyzer(LexiconSet.LoadEmbedded(extension));
        const string text = "The midwife was wonderful during the delivery of the baby.";

        Assert.Contains(TextAnalyzer.Default.Analyze(text).Themes, t => t.Id == "delivery");
        Assert.DoesNotContain(analyzer.Analyze(text).Themes, t => t.Id == "delivery");
        Assert.Contains(analyzer.Analyze("The delivery was late.").Themes, t => t.Id == "delivery");
    }

    [Fact]
    public void A_workspace_phrase_written_in_an_inflected_form_takes_nothing_from_the_shipped_phrases()
    {
        // "waiting" written in a workspace phrase once became a word of its own, and every shipped "wait" phrase stopped
        // matching "waiting": "still waiting" lost its theme in every text of that workspace
        const string text = "Still waiting for my refund after three weeks.";
        var extension = ThemeTaxonomy.Parse("""{"themes": [{"id": "facilities", "phrases": ["waiting area", "parking spaces"]}]}""", "extension.json");
        var analyzer = new TextAnalyzer(LexiconSet.LoadEmbedded(extension));

        Assert.Equal(TextAnalyzer.Default.Analyze(text).Themes.Select(t => t.Id), analyzer.Analyze(text).Themes.Select(t => t.Id));
        Assert.Contains(analyzer.Analyze("The waiting area was freezing.").Themes, t => t.Id == "facilities");
        Assert.Contains(analyzer.Analyze("There were no parking space left").Themes, t => t.Id == "facilities"); // written plural, matches the singular
    }
}
