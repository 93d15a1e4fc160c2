using System.Text.Json;
using Evident.Text.Phrases;
using Evident.Text.Tokens;

namespace Evident.Text.Tests.Lexicons;

/// <summary>
/// A phrase word that is a regular form of another phrase word joins it ("waiting area" reads as "wait area"), unless
/// own_forms.tsv lists it as a word of its own ("billing" is not "bill"). Before 2026-12-05 every written form was a word
/// of its own, and a form written by mistake silently stopped its base's phrases from matching it in every lexicon.
/// </summary>
public sealed class PhraseWordShadowTests
{
    private static HashSet<string> OwnForms() =>
        Resource("own_forms.tsv").Split('\n').Select(line => line.TrimEnd('\r').Split('\t')[0])
            .Where(form => form.Length > 0 && !form.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

    private static string Resource(string name) => TestData.Lexicon(name);

    private static IEnumerable<string> Phrases()
    {
        using (var themes = JsonDocument.Parse(Resource("themes.json")))
        {
            foreach (var theme in themes.RootElement.GetProperty("themes").EnumerateArray())
            {
                foreach (var phrase in theme.GetProperty("phrases").EnumerateArray())
                {
                    yield return phrase.GetString()!;
                }
                if (theme.TryGetProperty("except", out var exceptions))
                {
                    foreach (var phrase in exceptions.EnumerateArray())
                    {
                        yield return phrase.GetString()!;
                    }
                }
            }
        }

        foreach (string line in Resource("signals.tsv").Split('\n'))
        {
            string[] fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length == 3 && !line.StartsWith('#') && fields[0] != "category")
            {
                yield return fields[2];
            }
        }

        foreach (string line in Resource("cx_lexicon.tsv").Split('\n'))
        {
            string term = line.Split('\t')[0];
            if (!line.StartsWith("# ", StringComparison.Ordinal) && term.Contains(' ', StringComparison.Ordinal))
            {
                yield return term;
            }
        }
    }

    [Fact]
    public void Every_own_form_is_written_and_is_a_form_of_another_phrase_word()
    {
        // a listed form that no phrase writes, or whose base no phrase writes, changes nothing: the list would only mislead
        var words = Phrases().SelectMany(p => PhraseSyntax.Expand(PhraseSyntax.Normalise(p))).SelectMany(PhraseIndex.Builder.SplitWords)
            .Where(w => w is not "#" and not "$" and not "*").ToHashSet(StringComparer.Ordinal);
        var formsOfWritten = words.SelectMany(word => Inflections.FormsOf(word).Where(form => form != word)).ToHashSet(StringComparer.Ordinal);
        var stale = OwnForms().Where(form => !words.Contains(form) || !formsOfWritten.Contains(form)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "own_forms.tsv lists forms no phrase needs apart (not written, or no base written): " + string.Join(", ", stale));
    }

    /// <summary>
    /// Every phrase word that reads as another phrase word's form ("waiting" as "wait"), as found now. A phrase that writes a
    /// new base word joins the written forms of it in every lexicon ("take to ship" once made the "shipping" phrases match
    /// "ship", "a cracking" made "cracking" read as "crack"); this list makes each such join a reviewed change: add the form
    /// to own_forms.tsv to keep it apart, or accept the join by updating the list.
    /// </summary>
    private static SortedSet<string> PhraseWordJoins()
    {
        var vocabulary = TextAnalyzer.Default.Lexicons.Vocabulary;
        var joins = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string word in Phrases().SelectMany(p => PhraseSyntax.Expand(PhraseSyntax.Normalise(p))).SelectMany(PhraseIndex.Builder.SplitWords))
        {
            int id = vocabulary.Find(word);
            if (id >= 0 && vocabulary.Entries[id].Lemma != id && vocabulary.Forms[id] == word)
            {
                joins.Add(word + "\t" + vocabulary.Forms[vocabulary.Entries[id].Lemma]);
            }
        }
        return joins;
    }

    [Fact]
    public void Phrase_words_joined_to_another_are_the_reviewed_ones()
    {
        string path = TestData.PathOf("Cases/phrase_word_joins.tsv");
        var reviewed = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var now = PhraseWordJoins();
        var added = now.Where(j => !reviewed.Contains(j)).ToList();
        var gone = reviewed.Where(j => !now.Contains(j)).Order(StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0 && gone.Count == 0,
            $"phrase words joined to a base changed (review each: list the form in own_forms.tsv to keep it apart, or update tests/Evident.Text.Tests/Cases/phrase_word_joins.tsv): " +
            $"new joins [{string.Join("; ", added.Select(j => j.Replace('\t', '>')))}], joins gone [{string.Join("; ", gone.Select(j => j.Replace('\t', '>')))}]");
    }

    /// <summary>
    /// A word no lexicon lists is read through its base when it is an informal form of a sentiment word ("sweetest" as
    /// "sweet", "lovin" as "loving"); a phrase that writes such a form makes it a word of its own, without the sentiment, in
    /// every text ("was the sweetest" as a theme phrase once took the praise out of "they are the sweetest things"). Write
    /// the base instead, or list the form in the sentiment lexicon with its valence.
    /// </summary>
    [Fact]
    public void No_phrase_word_hides_the_sentiment_of_an_informal_form()
    {
        var vocabulary = TextAnalyzer.Default.Lexicons.Vocabulary;
        var hidden = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string word in Phrases().SelectMany(p => PhraseSyntax.Expand(PhraseSyntax.Normalise(p))).SelectMany(PhraseIndex.Builder.SplitWords))
        {
            int id = vocabulary.Find(word);
            if (id >= 0 && (vocabulary.Entries[id].Role & WordRole.Lexical) == 0 &&
                Tokenizer.TryInformalForm(word, vocabulary, out int informal, out _) && (vocabulary.Entries[informal].Role & WordRole.Lexical) != 0)
            {
                hidden.Add(word + " (" + vocabulary.Forms[informal] + ")");
            }
        }
        Assert.True(hidden.Count == 0, "phrase words that hide the sentiment of the form they are: " + string.Join(", ", hidden));
    }

    [Theory]
    [InlineData("billing", "billing")] // listed in own_forms.tsv: the billing department is not a bill
    [InlineData("waiting", "wait")] // written in phrases too ("waiting list"), and not listed: it joins "wait"
    [InlineData("cancelled", "cancel")]
    public void A_phrase_word_matches_as_its_base_unless_it_is_an_own_form(string form, string lemma)
    {
        var vocabulary = TextAnalyzer.Default.Lexicons.Vocabulary;
        var tokens = new Token[Tokenizer.MaxTokens(form.Length)];
        Assert.Equal(1, Tokenizer.Tokenize(form, tokens, vocabulary));
        Assert.Equal(vocabulary.Find(lemma), tokens[0].Lemma);
    }
}
