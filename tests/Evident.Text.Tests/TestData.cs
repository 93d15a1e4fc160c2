namespace Evident.Text.Tests;

/// <summary>Files copied next to the test assembly (Cases/, Corpora/).</summary>
internal static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    /// <summary>Rows of a tab-separated case file: comment lines (#) and blank lines skipped.</summary>
    public static IEnumerable<string[]> Rows(string relative) =>
        File.ReadLines(PathOf(relative))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));
}
