using Evident.Core.Input;
using Evident.Text;

namespace Evident.Bench.Text;

/// <summary>A customer tweet of the TWCS sample with the themes and the label a person gave it before the engine read it.</summary>
/// <param name="Themes">Theme ids any of which is right; "none" among them accepts a text with no theme.</param>
public sealed record LabelledTweet(string Id, string Text, IReadOnlyList<string> Themes, string Label);

/// <summary>
/// How many of the labelled texts the engine labels as the person did, how many get a theme they accept among those found,
/// and how many get one as the theme listed first (the analysis lists a text's main theme first).
/// </summary>
public sealed record LabelledTweetResult(int N, int LabelsRight, int ThemesRight, int MainThemesRight)
{
    /// <summary>The counts of both results together.</summary>
    public LabelledTweetResult Plus(LabelledTweetResult other) =>
        new(N + other.N, LabelsRight + other.LabelsRight, ThemesRight + other.ThemesRight, MainThemesRight + other.MainThemesRight);
}

/// <summary>
/// Hand labels for tweets of the TWCS sample (<c>twcs-labels.tsv</c>, embedded: tweet id, themes, label), joined with the
/// texts of the corpus file, which stays outside the repository. The texts are read only from the file the benchmark is given.
/// </summary>
public static class LabelledTweets
{
    private const string Resource = "Evident.Bench.Text.twcs-labels.tsv";

    /// <summary>The hand labels: tweet id → (themes, label), in file order.</summary>
    public static IReadOnlyList<(string Id, string[] Themes, string Label)> Labels()
    {
        using var stream = typeof(LabelledTweets).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded");
        using var reader = new StreamReader(stream);
        var labels = new List<(string, string[], string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            string[] f = line.Split('\t');
            labels.Add((f[0], f[1].Split('|'), f[2]));
        }
        return labels;
    }

    /// <summary>The labelled tweets whose ids occur in <paramref name="twcsCsv"/>, with their texts from it.</summary>
    public static IReadOnlyList<LabelledTweet> Load(string twcsCsv)
    {
        var labels = Labels();
        var wanted = labels.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!InputFile.TryOpen(twcsCsv, InputFormat.Csv, out var reader, out string? problem))
        {
            throw new IOException(problem);
        }
        using (reader)
        {
            if (!TextColumn.TryResolve(reader.Columns, "tweet_id", out int id, out _) ||
                !TextColumn.TryResolve(reader.Columns, "text", out int text, out _))
            {
                throw new IOException($"expected the TWCS export's tweet_id and text columns; found {TextColumn.ListColumns(reader.Columns)}");
            }
            while (reader.TryRead(out var row))
            {
                if (row.Error is null && row.Fields.Count > Math.Max(id, text) && row.Fields[id] is { } key && wanted.Contains(key))
                {
                    texts[key] = row.Fields[text] ?? "";
                }
            }
        }
        return [.. labels.Where(l => texts.ContainsKey(l.Id)).Select(l => new LabelledTweet(l.Id, texts[l.Id], l.Themes, l.Label))];
    }

    /// <summary>
    /// Whether the themes found are what a labeller accepted: any of the <paramref name="expected"/> ids, or no theme at all
    /// when "none" is among them ("none", "none|food-quality"). The probe sets in the tests are scored the same way.
    /// </summary>
    public static bool AcceptsThemes(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> found) =>
        expected.Contains("none", StringComparer.Ordinal) && found.Count == 0 || found.Any(id => expected.Contains(id, StringComparer.Ordinal));

    public static LabelledTweetResult Evaluate(TextAnalyzer analyzer, IReadOnlyList<LabelledTweet> tweets)
    {
        int labels = 0, themes = 0, main = 0;
        foreach (var tweet in tweets)
        {
            var analysis = analyzer.Analyze(tweet.Text);
            var found = analysis.Themes.Select(t => t.Id).ToList();
            labels += string.Equals(analysis.Sentiment.Label.ToString(), tweet.Label, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            themes += AcceptsThemes(tweet.Themes, found) ? 1 : 0;
            main += AcceptsThemes(tweet.Themes, found.Take(1).ToList()) ? 1 : 0;
        }
        return new LabelledTweetResult(tweets.Count, labels, themes, main);
    }
}
