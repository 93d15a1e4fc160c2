using Evident.Text.Search;

namespace Evident.Text.Tests.Search;

/// <summary>
/// Porter2 as PostgreSQL's english_stem applies it; each expected stem here was read from that dictionary
/// (ts_lexize('english_stem', word)). A store test compares the two over several thousand words.
/// </summary>
public sealed class EnglishStemmerTests
{
    [Theory]
    // Plurals and past forms (step 1a, 1b): "ies" keeps its e after one letter; a lone s stays after a vowel-less stem.
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "tie")]
    [InlineData("cries", "cri")]
    [InlineData("gaps", "gap")]
    [InlineData("gas", "gas")]
    [InlineData("kiwis", "kiwi")]
    [InlineData("refunds", "refund")]
    [InlineData("waited", "wait")]
    [InlineData("agreed", "agre")]
    [InlineData("feed", "feed")]
    // A doubled consonant is undone, a short word gets its e back.
    [InlineData("hopping", "hop")]
    [InlineData("hoping", "hope")]
    [InlineData("yelling", "yell")]
    [InlineData("cancelled", "cancel")]
    // A final y after a consonant (step 1c); a y after a vowel is a consonant.
    [InlineData("delivery", "deliveri")]
    [InlineData("emptied", "empti")]
    // Longer suffixes, each within its region (steps 2-5).
    [InlineData("relational", "relat")]
    [InlineData("cancellation", "cancel")]
    [InlineData("communication", "communic")]
    [InlineData("rudeness", "rude")]
    [InlineData("helpful", "help")]
    [InlineData("happily", "happili")]
    [InlineData("really", "realli")]
    [InlineData("luggage", "luggag")]
    [InlineData("consignment", "consign")]
    // Prefixes whose first region starts later, and the listed exceptions.
    [InlineData("generously", "generous")]
    [InlineData("arsenal", "arsenal")]
    [InlineData("commune", "commune")]
    [InlineData("dying", "die")]
    [InlineData("skies", "sky")]
    [InlineData("news", "news")]
    [InlineData("proceed", "proceed")]
    [InlineData("inning", "inning")]
    [InlineData("canning", "canning")]
    // Two letters or fewer are kept.
    [InlineData("is", "is")]
    public void Stems_as_postgresql_does(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));
}
