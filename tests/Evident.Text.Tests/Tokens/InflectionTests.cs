using Evident.Text.Tokens;

namespace Evident.Text.Tests.Tokens;

public sealed class InflectionTests
{
    [Theory]
    [InlineData("hat", "hate", "hated", "hate")] // "old hat" read first had kept "hated" from "hate"
    [InlineData("hate", "hat", "hated", "hate")]
    [InlineData("sit", "site", "siting", "site")]
    [InlineData("sit", "site", "sitting", "sit")]
    public void A_form_belongs_to_the_word_English_spells_it_from(string first, string second, string form, string lemma)
    {
        var builder = new VocabularyBuilder();
        builder.InternLemma(first);
        builder.InternLemma(second);
        Assert.True(builder.TryFind(form, out int id));
        Assert.True(builder.TryFind(lemma, out int expected));
        Assert.Equal(expected, builder.LemmaOf(id));
    }

    [Fact]
    public void Past_is_not_inflected_so_paste_keeps_pasted() =>
        Assert.Contains(TextAnalyzer.Default.Analyze("The agent copied and pasted the same answer.").Cues, c => c.Rule == "cx:copy and paste");

    [Fact]
    public void Hated_reads_as_hate_beside_old_hat() =>
        Assert.Contains(TextAnalyzer.Default.Analyze("I hated every minute of it").Emotions, e => e.Emotion == "anger");

    [Fact]
    public void A_phrase_word_matches_its_possessive()
    {
        Assert.Contains(TextAnalyzer.Default.Analyze("Is the store open on New Year's Day?").Themes, t => t.Id == "availability"); // written "new year day"
        Assert.InRange(TextAnalyzer.Default.ScoreSentiment("Please send me the fraud team's number.").Compound, -0.05, 0.05); // "fraud team" 0 holds "fraud"
    }

    [Theory]
    [InlineData("what", "what's")] // "what is": written as such in phrases
    [InlineData("else", "else's")]
    public void Question_words_and_pronouns_have_no_possessive(string word, string form) =>
        Assert.DoesNotContain(form, Inflections.FormsOf(word));

    [Fact]
    public void Credit_where_credit_is_due_is_not_billing() =>
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze("Credit where credit's due, the team were great.").Themes, t => t.Id == "billing");
}
