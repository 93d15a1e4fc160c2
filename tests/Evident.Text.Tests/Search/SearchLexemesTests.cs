using Evident.Text.Search;

namespace Evident.Text.Tests.Search;

public sealed class SearchLexemesTests
{
    [Fact]
    public void Lexemes_compare_as_their_texts_do_ordinally()
    {
        // Shorter starts of longer words, the same first four letters, digits and letters beyond ASCII.
        string text = "wait waiting waited wai w 40 4 400 zebra café cafe caf crème crem ÿes yes ünïcode unicode refunds refund a380s";
        var lexemes = SearchLexemes.ForThread();
        var words = new List<LexemeAt>();
        lexemes.Read(text, words);
        var found = words.Where(w => w.Lexeme >= 0).Select(w => w.Lexeme).Distinct().ToList();
        Assert.True(found.Count > 15, $"{found.Count} lexemes");
        foreach (int a in found)
        {
            foreach (int b in found)
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(lexemes.Lexeme(a), lexemes.Lexeme(b))), Math.Sign(lexemes.CompareOrdinal(a, b)));
            }
        }
    }

    [Fact]
    public void The_same_word_is_one_lexeme_and_its_bytes_are_utf8()
    {
        var lexemes = SearchLexemes.ForThread();
        var words = new List<LexemeAt>();
        Assert.Equal(5, lexemes.Read("Waiting WAITED crème, the wait", words));
        Assert.Equal(words[0].Lexeme, words[1].Lexeme);
        Assert.Equal(words[0].Lexeme, words[4].Lexeme);
        Assert.Equal(-1, words[3].Lexeme); // "the", a stop word, keeps its place
        Assert.Equal([1, 2, 3, 4, 5], words.Select(w => w.Position));
        Assert.Equal("crème", lexemes.Lexeme(words[2].Lexeme));
        Assert.Equal("crème"u8.ToArray(), lexemes.Utf8(words[2].Lexeme).ToArray());
    }

    [Fact]
    public void A_table_grown_past_its_limit_starts_afresh_and_reads_the_same()
    {
        const string Sentence = "Refunds were delayed; I waited 40 minutes on hold.";
        var before = Read(Sentence);
        // More distinct words than the table keeps, in one text: it grows for that text, then starts afresh at the next.
        Read(string.Join(' ', Enumerable.Range(0, 60_000).Select(i => "order" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(before, Read(Sentence));
        Assert.Equal(before, Read(Sentence));
    }

    private static List<(string?, int)> Read(string text)
    {
        var lexemes = SearchLexemes.ForThread();
        var words = new List<LexemeAt>();
        lexemes.Read(text, words);
        return words.Select(w => (w.Lexeme < 0 ? null : lexemes.Lexeme(w.Lexeme), w.Position)).ToList();
    }
}
