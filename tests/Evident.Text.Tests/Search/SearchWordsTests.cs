using Evident.Text.Search;

namespace Evident.Text.Tests.Search;

public sealed class SearchWordsTests
{
    private static List<SearchWord> Read(string text)
    {
        var words = new List<SearchWord>();
        int added = SearchWords.Read(text, words);
        Assert.Equal(words.Count, added);
        return words;
    }

    [Fact]
    public void Words_are_lower_cased_and_stemmed_and_stop_words_keep_their_place()
    {
        // As to_tsvector('english', …) reads it: 'didn':2 'wait':4,5 'hold':7,9 '40':10 'min':11 'café':12 'crème':13.
        var words = Read("I didn't wait: waited ON hold, on hold 40 mins! Café crème?");
        Assert.Equal(
            [(null, 1), ("didn", 2), (null, 3), ("wait", 4), ("wait", 5), (null, 6), ("hold", 7), (null, 8), ("hold", 9), ("40", 10), ("min", 11), ("café", 12), ("crème", 13)],
            words.Select(w => (w.Lexeme, w.Position)));
    }

    [Fact]
    public void A_word_with_digits_is_not_stemmed()
    {
        Assert.Equal(["2nd", "a380s", "refund"], Read("2nd A380s refunds").Select(w => w.Lexeme));
    }

    [Fact]
    public void A_run_too_long_to_be_a_word_is_skipped_but_keeps_its_place()
    {
        var words = Read("long " + new string('x', SearchWords.MaxWordLength + 1) + " queue");
        Assert.Equal([("long", 1), ("queue", 3)], words.Select(w => (w.Lexeme!, w.Position)));
    }

    [Fact]
    public void The_same_word_on_several_threads_reads_the_same()
    {
        // Each thread keeps its own stems; none may see another's half-written table.
        string text = string.Join(' ', Enumerable.Range(0, 400).Select(i => "waiting" + new string('s', i % 7) + " refunds"));
        var expected = Read(text).Select(w => w.Lexeme).ToList();
        Parallel.For(0, 64, _ => Assert.Equal(expected, Read(text).Select(w => w.Lexeme)));
    }
}
