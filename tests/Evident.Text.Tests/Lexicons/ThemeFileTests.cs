using System.Text.Json;
using Evident.Text.Phrases;

namespace Evident.Text.Tests.Lexicons;

/// <summary>Mistakes in <c>themes.json</c> that load without complaint.</summary>
public sealed class ThemeFileTests
{
    [Fact]
    public void No_theme_lists_a_phrase_twice()
    {
        using var json = JsonDocument.Parse(TestData.Lexicon("themes.json"));
        var repeated = new List<string>();
        foreach (var theme in json.RootElement.GetProperty("themes").EnumerateArray())
        {
            string id = theme.GetProperty("id").GetString()!;
            var fallback = theme.TryGetProperty("fallback", out var f) ? f.EnumerateArray().Select(p => p.GetString()!) : [];
            repeated.AddRange(theme.GetProperty("phrases").EnumerateArray()
                .Select(p => p.GetString()!)
                .Concat(fallback) // a fallback that is also a phrase would never wait for the others
                .SelectMany(PhraseSyntax.Expand) // "put|kept on hold" beside "kept on hold" lists it twice
                .GroupBy(p => p, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => $"{id}: {g.Key}"));
        }
        Assert.True(repeated.Count == 0, "listed more than once: " + string.Join(", ", repeated));
    }

    /// <summary>Words after which "be" is written as it is read: "won't be back", "to be seen", "could be better".</summary>
    private static readonly HashSet<string> s_beafter =
    [
        "to", "can", "could", "will", "would", "should", "might", "may", "must", "not", "never", "ever", "definitely",
        "won't", "wont", "shouldn't", "shouldnt", "only", "we'll", "i'll", "you'll", "gonna", "can't", "cant", "cannot", "couldn't", "couldnt", "it'd", "i'd", "you'd", "we'd", "it", // "how hard can it be"
    ];

    [Fact]
    public void Be_is_written_only_where_the_text_says_be()
    {
        // "be" matches the word "be" only: "is", "are", "was" are words of their own, so "server be down" never matched
        // "the server is down" (found 2026-12-04)
        var phrases = TextAnalyzer.Default.Lexicons.Taxonomy.Themes.SelectMany(t => t.Phrases.Concat(t.Except).Concat(t.Fallback))
            .SelectMany(PhraseSyntax.Expand)
            .Concat(TextAnalyzer.Default.Lexicons.SentimentPhrases.Texts);
        var wrong = phrases.Where(p =>
        {
            string[] words = p.Split(' ');
            return Enumerable.Range(0, words.Length).Any(i => words[i] == "be" && (i == 0 || !s_beafter.Contains(words[i - 1])));
        }).ToList();
        Assert.True(wrong.Count == 0, "\"be\" after a word that does not take it (write is, are, was…): " + string.Join(", ", wrong));
    }

    [Fact]
    public void Every_shipped_phrase_keeps_the_phrase_syntax()
    {
        // the editor refuses such a phrase (PhraseSyntax.Problem); the shipped files are read without that check
        var lexicons = TextAnalyzer.Default.Lexicons;
        var written = lexicons.Taxonomy.Themes.SelectMany(t => t.Phrases.Concat(t.Except).Concat(t.Fallback))
            .Concat(lexicons.SignalPhrases.Texts).Concat(lexicons.SentimentPhrases.Texts);
        var broken = written.Select(p => (Phrase: p, Problem: PhraseSyntax.Problem(p))).Where(p => p.Problem is not null)
            .Select(p => $"{p.Phrase}: {p.Problem}").ToList();
        Assert.True(broken.Count == 0, "phrases that break the syntax: " + string.Join("; ", broken));
    }
}
