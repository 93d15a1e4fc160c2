using System.Reflection;
using Evident.Text.Tokens;

namespace Evident.Text.Tests.Tokens;

/// <summary>
/// The rules test some words by form through lists (GrammarWords). A list word no lexicon happened to hold was dropped
/// without a sound ("asap", "these", "having", "hey" were, until 2026-12-04), so every list is taken into the vocabulary.
/// </summary>
public sealed class GrammarWordsTests
{
    [Fact]
    public void Every_word_the_rules_test_by_form_is_in_the_vocabulary()
    {
        var vocabulary = TextAnalyzer.Default.Lexicons.Vocabulary;
        Assert.DoesNotContain(GrammarWords.FormsTested, word => vocabulary.Find(word) < 0);
    }

    [Fact]
    public void Every_word_list_is_among_the_forms_tested()
    {
        var tested = GrammarWords.FormsTested.ToHashSet();
        var lists = typeof(GrammarWords).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(string[]))
            .ToList();
        Assert.True(lists.Count >= 20, $"{lists.Count} lists found");
        Assert.All(lists, f => Assert.True(((string[])f.GetValue(null)!).All(tested.Contains), f.Name + " is missing from FormsTested"));
    }
}
