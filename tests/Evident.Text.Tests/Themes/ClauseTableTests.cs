using Evident.Text.Themes;
using Evident.Text.Tokens;

namespace Evident.Text.Tests.Themes;

/// <summary>The clause table a long text's theme matches read (<see cref="ClauseTable"/>) gives what the scan gives.</summary>
public sealed class ClauseTableTests
{
    [Theory]
    [InlineData("I waited on hold for 40 minutes, the staff were rude but the refund came. Thanks anyway!")]
    [InlineData("The app crashed; I called twice - nobody answered although they promised. Never again.\nStill waiting")]
    [InlineData("delivery late parcel damaged driver rude refund slow app broken bill wrong however staff kind booking easy")]
    [InlineData("Great. Terrible, awful: fine — okay but bad, yet good. Hmm? Yes! No.")]
    public void Every_match_span_gets_the_clause_the_scan_gives(string text)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int count = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary);
        var random = new Random(20261207);
        for (int round = 0; round < 20; round++)
        {
            // sentiment on some tokens, none on others: whether a clause carries any decides between it and its sentence
            var valences = new float[count];
            for (int i = 0; i < count; i++)
            {
                valences[i] = random.Next(4) == 0 ? (float)(random.NextDouble() - 0.5) : 0f;
            }

            var table = new ClauseTable(tokens.AsSpan(0, count), valences);
            for (int first = 0; first < count; first++)
            {
                for (int end = first + 1; end <= Math.Min(count, first + 6); end++)
                {
                    Assert.Equal(Clauses.Around(tokens.AsSpan(0, count), valences, first, end), table.Around(first, end));
                }
            }
        }
    }

    [Fact]
    public void A_long_text_naming_themes_thousands_of_times_is_analysed_as_its_parts_are()
    {
        // past ClauseTable.WorthMaking matches the table is used; each theme keeps every passage and reads its clauses
        const string Part = "I waited on hold for 40 minutes and the staff were rude. The refund never arrived and nobody called me back. ";
        var few = TextAnalyzer.Default.Analyze(string.Concat(Enumerable.Repeat(Part, 2)));
        var many = TextAnalyzer.Default.Analyze(string.Concat(Enumerable.Repeat(Part, 400)));

        Assert.Equal(few.Themes.Select(t => t.Id), many.Themes.Select(t => t.Id));
        Assert.Equal(few.Themes.Select(t => 200 * t.Evidence.Count), many.Themes.Select(t => t.Evidence.Count));
        Assert.All(many.Themes, t => Assert.True(t.Sentiment.Compound < -0.5, $"{t.Id}: {t.Sentiment.Compound}")); // every clause complains
    }
}
