using Evident.Bench.Text;

namespace Evident.Text.Tests.Sentiment;

/// <summary>
/// Agreement with human raters on VADER's own corpora must not fall below the targets the engine was built to reach
/// (issue 2; measured figures in docs/benchmarks.md). A rule change that costs accuracy below a target fails here:
/// NYT stands 0.0006 above its floor.
/// </summary>
public sealed class CorpusRegressionTests
{
    [Theory]
    [InlineData("tweets_GroundTruth.txt", 0.88)]
    [InlineData("amazonReviewSnippets_GroundTruth.txt", 0.64)]
    [InlineData("movieReviewSnippets_GroundTruth.txt", 0.50)]
    [InlineData("nytEditorialSnippets_GroundTruth.txt", 0.55)]
    public void Compound_correlates_with_the_human_mean(string file, double floor)
    {
        var corpus = SentimentAccuracy.LoadVader(file, TestData.PathOf("Corpora/" + file));
        Assert.True(corpus.Texts.Count > 3000);
        var result = SentimentAccuracy.Evaluate(TextAnalyzer.Default, corpus);
        Assert.True(result.PearsonR >= floor, $"{file}: r = {result.PearsonR:F3}, floor {floor}");
    }

    [Fact]
    public void Pearson_is_computed_correctly()
    {
        Assert.Equal(1, SentimentAccuracy.Pearson([1, 2, 3], [2, 4, 6]), 9);
        Assert.Equal(-1, SentimentAccuracy.Pearson([1, 2, 3], [3, 2, 1]), 9);
        // hand-computed: x = 1,2,3,4; y = 1,3,2,4 → r = 0.8
        Assert.Equal(0.8, SentimentAccuracy.Pearson([1, 2, 3, 4], [1, 3, 2, 4]), 9);
    }

    [Fact]
    public void Parallel_analysis_gives_the_same_results_as_sequential()
    {
        var corpus = SentimentAccuracy.LoadVader("tweets", TestData.PathOf("Corpora/tweets_GroundTruth.txt"));
        var texts = corpus.Texts.Take(2000).ToArray();
        var sequential = texts.Select(t => TextAnalyzer.Default.Analyze(t)).ToArray();
        var parallel = new TextAnalysis[texts.Length];
        Parallel.For(0, texts.Length, i => parallel[i] = TextAnalyzer.Default.Analyze(texts[i]));
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i].Sentiment, parallel[i].Sentiment);
            Assert.Equal(sequential[i].Themes.Select(t => t.Id), parallel[i].Themes.Select(t => t.Id));
            Assert.Equal(sequential[i].Friction.Count, parallel[i].Friction.Count);
        }
    }
}
