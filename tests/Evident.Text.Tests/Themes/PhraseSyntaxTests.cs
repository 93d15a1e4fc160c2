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
    public void A_phrase_the_engine_can_match_passes(string phrase) => Assert.Null(PhraseSyntax.Problem(phrase));

    [Theory]
    [InlineData("4g signal", "digits are not matched literally")]
    [InlineData("* abroad", "cannot start with *")]
    [InlineData("# *", "at least one word")]
    [InlineData("bill, abroad", "',' cannot be matched")]
    [InlineData("t&cs", "'&' cannot be matched")]
    [InlineData("wait#hour", "# and * stand alone")]
    [InlineData("bag...missing", "a gap is written ...")]
    [InlineData("bag .. missing", "a gap is written ...")]
    [InlineData("e.g. form", "full stops are not matched")]
    [InlineData("... missing", "never first or last")]
    [InlineData("lost ...", "never first or last")]
    [InlineData("bag ... ... missing", "write it once")]
    [InlineData("bag * ... missing", "write it once")]
    [InlineData("one two three four five six seven eight nine", "more than 8 words")]
    public void A_phrase_that_would_never_match_is_refused_with_the_reason(string phrase, string reason) =>
        Assert.Contains(reason, PhraseSyntax.Problem(PhraseSyntax.Normalise(phrase)), StringComparison.Ordinal);

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
}
