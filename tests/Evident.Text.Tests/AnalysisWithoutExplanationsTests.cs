namespace Evident.Text.Tests;

/// <summary>
/// <c>Analyze(text, explain: false)</c>, which imports use for the figures they store: the same findings as the full
/// analysis, without the per-sentence scores and the sentiment cues.
/// </summary>
public sealed class AnalysisWithoutExplanationsTests
{
    [Fact]
    public void Leaves_out_sentences_and_cues_and_finds_everything_else_the_same()
    {
        var texts = TestData.Rows("Cases/theme_cases.tsv").Select(r => r[0]).Where(t => t != "text")
            .Concat(File.ReadLines(TestData.PathOf("Corpora/tweets_GroundTruth.txt")).Take(500).Select(l => l.Split('\t')[2]))
            .ToList();
        Assert.True(texts.Count > 800);
        int withCues = 0;
        foreach (string text in texts)
        {
            var full = TextAnalyzer.Default.Analyze(text);
            var lean = TextAnalyzer.Default.Analyze(text, explain: false);
            Assert.Empty(lean.Sentences);
            Assert.Empty(lean.Cues);
            withCues += full.Cues.Count > 0 ? 1 : 0;
            Assert.Equal(full.Sentiment, lean.Sentiment);
            Assert.Equal(full.Themes.Select(t => (t.Id, t.Sentiment)), lean.Themes.Select(t => (t.Id, t.Sentiment)));
            Assert.Equal(full.Friction.Select(f => (f.Kind, f.Minutes)), lean.Friction.Select(f => (f.Kind, f.Minutes)));
            Assert.Equal(full.Emotions.Select(e => e.Emotion), lean.Emotions.Select(e => e.Emotion));
            Assert.Equal(full.Signals.Select(s => s.Signal), lean.Signals.Select(s => s.Signal));
            Assert.Equal((full.Effort, full.Perspective, full.Readability), (lean.Effort, lean.Perspective, lean.Readability));
        }
        Assert.True(withCues > 400); // the full analysis had something to leave out
    }
}
