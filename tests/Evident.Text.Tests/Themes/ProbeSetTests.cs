using Evident.Bench.Text;

namespace Evident.Text.Tests.Themes;

/// <summary>
/// The probe sets (Cases/probes/*.tsv): texts written for a trade or a kind of message, each with the theme and the
/// label a reader would give, written before the lexicon changes they prompted. Single texts may stay wrong (irony,
/// a question put as a complaint), so each set asserts a floor, the count reached when it was last tuned: a change
/// that shadows a base word or breaks a rule shows here as a set falling below its floor.
/// </summary>
public sealed class ProbeSetTests
{
    public static TheoryData<string> Sets()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(TestData.PathOf("Cases/probes"), "*.tsv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Probe_set_stays_at_or_above_its_floor(string file)
    {
        string[] floor = File.ReadLines(TestData.PathOf("Cases/probes/" + file)).Single(l => l.StartsWith("# floor\t", StringComparison.Ordinal)).Split('\t');
        int themeFloor = int.Parse(floor[1]["themes=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        int labelFloor = int.Parse(floor[2]["labels=".Length..], System.Globalization.CultureInfo.InvariantCulture);

        int themes = 0, labels = 0;
        var misses = new List<string>();
        var rows = TestData.Rows("Cases/probes/" + file).ToList();
        foreach (string[] row in rows)
        {
            var (expectedThemes, expectedLabel, text) = (row[0], row[1], row[2]);
            var analysis = TextAnalyzer.Default.Analyze(text);
            var found = analysis.Themes.Select(t => t.Id).ToHashSet();
            bool themeOk = LabelledTweets.AcceptsThemes(expectedThemes.Split('|'), found);
            bool labelOk = string.Equals(analysis.Sentiment.Label.ToString(), expectedLabel, StringComparison.OrdinalIgnoreCase);
            themes += themeOk ? 1 : 0;
            labels += labelOk ? 1 : 0;
            if (!themeOk || !labelOk)
            {
                misses.Add($"{(themeOk ? "" : "theme ")}{(labelOk ? "" : "label ")}{text} (found {string.Join(", ", found)}; {analysis.Sentiment.Label})");
            }
        }

        Assert.True(rows.Count >= 15, $"{file}: {rows.Count} rows");
        Assert.True(themes >= themeFloor && labels >= labelFloor,
            $"{file}: themes {themes}/{rows.Count} (floor {themeFloor}), labels {labels}/{rows.Count} (floor {labelFloor}); misses:\n{string.Join("\n", misses)}");
    }
}
