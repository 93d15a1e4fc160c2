using Evident.Cli.Phrases;

namespace Evident.Cli.Tests.Phrases;

public sealed class PhraseSnippetTests
{
    [Fact]
    public void A_short_text_is_shown_whole_with_the_phrase_marked()
    {
        Assert.Equal("the «night shuttle» never came", PhraseSnippet.Around("the night shuttle never came", 4, 13));
    }

    [Fact]
    public void A_long_text_is_cut_between_words_around_the_phrase()
    {
        string before = string.Join(' ', Enumerable.Repeat("waited", 30));
        string after = string.Join(' ', Enumerable.Repeat("outside", 30));
        string text = $"{before} night shuttle {after}";

        string snippet = PhraseSnippet.Around(text, before.Length + 1, 13, width: 40);

        Assert.StartsWith("…waited", snippet, StringComparison.Ordinal);
        Assert.Contains(" «night shuttle» ", snippet, StringComparison.Ordinal);
        Assert.EndsWith("outside…", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Length, 30, 44);
    }

    [Fact]
    public void Line_breaks_and_runs_of_spaces_become_one_space()
    {
        const string Text = "so late:\r\n\r\nnight \n shuttle   again";
        int start = Text.IndexOf("night", StringComparison.Ordinal);
        int end = Text.IndexOf("shuttle", StringComparison.Ordinal) + "shuttle".Length;

        Assert.Equal("so late: «night shuttle» again", PhraseSnippet.Around(Text, start, end - start));
    }
}
