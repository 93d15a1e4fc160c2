using Evident.Text.Phrases;
using Evident.Text.Tokens;

namespace Evident.Text.Tests.Phrases;

public sealed class PhraseIndexTests
{
    private static (PhraseIndex Index, Vocabulary Vocabulary) Build(params (string Phrase, int Payload)[] phrases)
    {
        var words = new VocabularyBuilder();
        var builder = new PhraseIndex.Builder();
        foreach (var (phrase, payload) in phrases)
        {
            builder.Add(phrase, payload, words);
        }
        var vocabulary = words.Build();
        return (builder.Build(words), vocabulary);
    }

    private static string[] Find(PhraseIndex index, Vocabulary vocabulary, string text)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, vocabulary);
        var matches = new PhraseMatch[n + 1];
        int found = index.FindAll(tokens.AsSpan(0, n), matches);
        return [.. matches.Take(found).Select(m => $"{index.Texts[m.Phrase]}@{tokens[m.FirstToken].Start}-{tokens[m.EndToken - 1].End}")];
    }

    [Fact]
    public void A_phrase_word_matches_its_spellings_without_the_apostrophe_and_shortened()
    {
        var (index, vocabulary) = Build(("doesn't recline", 0), ("cant get through", 1), ("please call me", 2));

        Assert.Equal(["doesn't recline@5-19"], Find(index, vocabulary, "seat doesnt recline"));
        Assert.Equal(["doesn't recline@5-20"], Find(index, vocabulary, "seat doesn't recline"));
        Assert.Equal(["cant get through@0-17"], Find(index, vocabulary, "can't get through"));
        Assert.Equal(["cant get through@0-16"], Find(index, vocabulary, "cant get through"));
        Assert.Equal(["cant get through@0-14"], Find(index, vocabulary, "can't get thru"));
        Assert.Equal(["please call me@0-11"], Find(index, vocabulary, "pls call me"));
        Assert.Empty(Find(index, vocabulary, "does recline")); // "does" is not "doesn't"
    }

    [Fact]
    public void A_phrase_word_matches_the_abbreviations_of_case_notes()
    {
        var (index, vocabulary) = Build(("customer service", 0), ("cancel by text", 1));

        Assert.Equal(["customer service@5-17"], Find(index, vocabulary, "said cust service never rang"));
        Assert.Equal(["cancel by text@5-15"], Find(index, vocabulary, "appt cxl by txt"));
        Assert.Equal(["cancel by text@0-17"], Find(index, vocabulary, "cancelled by text."));
    }

    [Fact]
    public void Phrases_opened_by_a_number_are_found_by_the_word_after_it_or_by_their_wildcard()
    {
        var (index, vocabulary) = Build(("# minute wait", 0), ("# minute", 0), ("# * late", 1), ("# hour", 2), ("# ... refund", 3));
        const string text = "a 40 minute wait, 3 days late, 2 hour queue and 5 days for my refund";

        Assert.Equal(
            ["# minute wait@2-16", "# * late@18-29", "# hour@31-37", "# ... refund@48-68"], // "# minute" gives way to the longer phrase of its payload
            Find(index, vocabulary, text));
    }

    [Fact]
    public void A_number_phrase_needs_its_next_word_and_the_same_sentence()
    {
        var (index, vocabulary) = Build(("# minute wait", 0), ("# hour", 1));
        Assert.Empty(Find(index, vocabulary, "I waited 40. Minute by minute. Then 2 days, not an hour"));
        Assert.Equal(["# hour@5-11"], Find(index, vocabulary, "only 1 hour"));
    }

    [Fact]
    public void A_phrase_does_not_go_on_into_a_hashtag_or_past_a_line_break()
    {
        var (index, vocabulary) = Build(("app crashed", 0), ("app crashed again", 1), ("# minute wait", 2), ("# minute", 3));

        Assert.Empty(Find(index, vocabulary, "the app #crashed again")); // a tag is no phrase word, though it spells one
        Assert.Empty(Find(index, vocabulary, "the app\ncrashed again")); // a line break ends the sentence
        Assert.Empty(Find(index, vocabulary, "we waited 40\nminutes"));
        Assert.Equal(["app crashed again@4-21", "app crashed@4-15", "# minute@30-40"], Find(index, vocabulary, "the app crashed again, waited 40 minutes"));
    }
}
