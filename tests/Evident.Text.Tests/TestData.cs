namespace Evident.Text.Tests;

/// <summary>Files copied next to the test assembly (Cases/, Corpora/), and the lexicons embedded in the engine.</summary>
internal static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    /// <summary>A shipped lexicon file as the engine reads it: embedded in Evident.Text (Lexicons/<paramref name="name"/>).</summary>
    public static string Lexicon(string name)
    {
        using var stream = typeof(TextAnalyzer).Assembly.GetManifestResourceStream("Evident.Text.Lexicons." + name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Rows of a tab-separated case file: comment lines (#) and blank lines skipped.</summary>
    public static IEnumerable<string[]> Rows(string relative) =>
        File.ReadLines(PathOf(relative))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));
}
