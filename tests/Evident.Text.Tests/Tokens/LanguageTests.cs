namespace Evident.Text.Tests.Tokens;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("@AmazonHelp Okay, danke für die Info")] // "die" is not the English word
    [InlineData("@AskPlayStation compre una tarjeta de 50$, la metí y no se me acreditaron los 50$")] // nor "no"
    [InlineData("@117032 bonjour a partir de combien de temps après creation de paypal")]
    public void A_text_in_another_language_is_not_read_as_English(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(0, a.Sentiment.Compound);
        Assert.Empty(a.Cues);
        Assert.Empty(a.Themes);
        Assert.Equal(TextAnalysis.Undetermined, a.Language);
    }

    [Theory]
    [InlineData("Très bien, merci", 0, 16)]
    [InlineData("  danke für die Info!  ", 2, 19)]
    public void A_text_in_another_language_is_one_sentence_not_its_punctuation(string text, int start, int length)
    {
        var a = TextAnalyzer.Default.Analyze(text);

        var sentence = Assert.Single(a.Sentences);
        Assert.Equal((start, length), (sentence.Span.Start, sentence.Span.Length));
        Assert.Equal(a.Sentiment.Compound, sentence.Sentiment.Compound);
    }

    [Theory]
    [InlineData("@117193 😒😒😒 mi plaga se llama Virgin Mobile. ¿Promociones? Básicamente me están robando.")]
    [InlineData("amazonのfireTVstickが見れない😢")] // another script
    public void A_foreign_text_keeps_the_feeling_of_its_emoji(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.True(a.Sentiment.Compound < -0.05, $"{text}: {a.Sentiment.Compound}");
        Assert.NotEmpty(a.Cues);
        Assert.All(a.Cues, c => Assert.DoesNotContain(text.Substring(c.Span.Start, c.Span.Length), char.IsLetter)); // emoji only
    }

    [Theory]
    [InlineData("I’m so angry, the café was closed and nobody told me")] // curly apostrophe and an accent
    [InlineData("Flying to El Paso, the café at the gate is great")] // one Spanish word among English ones
    [InlineData("Dinner at Le Café was lovely, merci to the staff")]
    public void An_English_text_with_accents_or_a_foreign_word_is_read(string text)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        Assert.NotEqual(0, a.Sentiment.Compound);
        Assert.Equal(TextAnalysis.English, a.Language);
    }
}
