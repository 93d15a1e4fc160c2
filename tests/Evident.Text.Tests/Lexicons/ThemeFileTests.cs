using System.Text.Json;

namespace Evident.Text.Tests.Lexicons;

/// <summary>Mistakes in <c>themes.json</c> that load without complaint.</summary>
public sealed class ThemeFileTests
{
    [Fact]
    public void No_theme_lists_a_phrase_twice()
    {
        using var stream = typeof(TextAnalyzer).Assembly.GetManifestResourceStream("Evident.Text.Lexicons.themes.json")
            ?? throw new InvalidOperationException("themes.json is not embedded");
        using var json = JsonDocument.Parse(stream);
        var repeated = new List<string>();
        foreach (var theme in json.RootElement.GetProperty("themes").EnumerateArray())
        {
            string id = theme.GetProperty("id").GetString()!;
            var fallback = theme.TryGetProperty("fallback", out var f) ? f.EnumerateArray().Select(p => p.GetString()!) : [];
            repeated.AddRange(theme.GetProperty("phrases").EnumerateArray()
                .Select(p => p.GetString()!)
                .Concat(fallback) // a fallback that is also a phrase would never wait for the others
                .GroupBy(p => p, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => $"{id}: {g.Key}"));
        }
        Assert.True(repeated.Count == 0, "listed more than once: " + string.Join(", ", repeated));
    }
}
