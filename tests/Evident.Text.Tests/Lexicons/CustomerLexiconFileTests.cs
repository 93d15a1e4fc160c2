using System.Text.RegularExpressions;
using Evident.Text.Phrases;

namespace Evident.Text.Tests.Lexicons;

/// <summary>Mistakes in <c>cx_lexicon.tsv</c> that load without complaint and then silently do nothing.</summary>
public sealed partial class CustomerLexiconFileTests
{
    private static string[] Lines() => TestData.Lexicon("cx_lexicon.tsv").Split('\n');

    [GeneratedRegex(@"^#.*\t-?\d+(\.\d+)?\t")]
    private static partial Regex EntryShape();

    [Fact]
    public void No_entry_is_hidden_in_a_comment()
    {
        // "# different people<TAB>-1.0<TAB>service" reads as a comment: a sentiment phrase cannot start with '#'
        var hidden = Lines().Where(line => line.StartsWith('#') && EntryShape().IsMatch(line)).ToList();
        Assert.True(hidden.Count == 0, "entries written as comments: " + string.Join(" | ", hidden));
    }

    [Fact]
    public void Each_term_is_listed_once()
    {
        var repeated = Lines()
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .SelectMany(line => PhraseSyntax.Expand(line.Split('\t')[0]))
            .GroupBy(term => term, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();
        Assert.True(repeated.Count == 0, "listed more than once: " + string.Join(", ", repeated));
    }

    [Fact]
    public void A_sentiment_phrase_with_a_gap_is_refused_by_name()
    {
        var e = Assert.Throws<FormatException>(() => LexiconSet.Build(
            vaderLexicon: "good\t1.9\n", emojiLexicon: "", cxLexicon: "waited ... hours\t-2.0\n",
            taxonomy: TextAnalyzer.Default.Lexicons.Taxonomy, signals: ""));
        Assert.Contains("'waited ... hours'", e.Message, StringComparison.Ordinal);
    }
}
