using Evident.Text.Signals;

namespace Evident.Text.Tests.Signals;

public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("make", 1)] // a silent final e
    [InlineData("table", 2)] // but not in -le
    [InlineData("queue", 1)] // one group of vowels
    [InlineData("Beautiful", 3)]
    [InlineData("rhythm", 1)] // y is a vowel
    [InlineData("café", 2)] // accented vowels count
    [InlineData("NÉE", 1)] // in either case
    [InlineData("psst", 1)] // every word has one
    [InlineData("aeiou", 1)]
    [InlineData("banana", 3)]
    public void Syllables_are_groups_of_vowels(string word, int syllables) =>
        Assert.Equal(syllables, Readability.Syllables(word));

    [Fact]
    public void Short_words_in_short_sentences_read_more_easily()
    {
        double plain = TextAnalyzer.Default.Analyze("We are sorry. We will call you today.").Readability;
        double dense = TextAnalyzer.Default.Analyze("Unfortunately, organisational reconfiguration necessitates considerable deliberation.").Readability;
        Assert.InRange(plain, 80, 100);
        Assert.InRange(dense, 0, 20);
    }

    [Theory]
    [InlineData("The agent was lovely and the queue was short.")] // every word a lexicon form: counted from the vocabulary
    [InlineData("Coolest staff ever, sooooo helpful! Thanx.")] // read through other forms (cool, so) and unknown: counted as written
    public void Reading_ease_counts_each_word_as_written(string text)
    {
        var words = text.Split([' ', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries);
        int syllables = words.Sum(w => Readability.Syllables(w));
        int sentences = text.Count(ch => ch is '.' or '!');
        double expected = Math.Round(Math.Clamp(206.835 - 1.015 * words.Length / sentences - 84.6 * syllables / words.Length, 0, 100), 1);
        Assert.Equal(expected, TextAnalyzer.Default.Analyze(text).Readability);
    }
}
