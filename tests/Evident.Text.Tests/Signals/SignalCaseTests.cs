namespace Evident.Text.Tests.Signals;

/// <summary>Hand-written cases (Cases/signal_cases.tsv) for emotions, friction, audit and reply signals.</summary>
public sealed class SignalCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in TestData.Rows("Cases/signal_cases.tsv").Where(r => r.Length == 2 && r[0] != "text"))
        {
            data.Add(row[0], row[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signal_case_is_detected_as_expected(string text, string expected)
    {
        var a = TextAnalyzer.Default.Analyze(text);
        var found = a.Emotions.Select(e => "emotion:" + e.Emotion)
            .Concat(a.Friction.Select(f => "friction:" + f.Kind))
            .Concat(a.Signals.Select(s => Category(s.Signal) + ":" + s.Signal))
            .ToHashSet();
        foreach (string label in expected.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (label.StartsWith('-'))
            {
                Assert.False(found.Contains(label[1..]), $"'{label[1..]}' must not be found in: {text} (found {string.Join(", ", found)})");
            }
            else
            {
                Assert.True(found.Contains(label), $"'{label}' not found in: {text} (found {string.Join(", ", found)})");
            }
        }
    }

    private static string Category(string signal) =>
        TextAnalyzer.Default.Lexicons.SignalLabels.First(l => l.Label == signal && l.Category is "audit" or "reply").Category;
}
