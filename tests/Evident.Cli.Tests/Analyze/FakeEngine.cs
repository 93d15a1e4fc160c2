using Evident.Text;

namespace Evident.Cli.Tests.Analyze;

/// <summary>A predictable stand-in for the language engine, so that these tests check the command, not the engine.</summary>
internal static class FakeEngine
{
    /// <summary>Negative when the text mentions "hold"; the first word is evidence of everything.</summary>
    public static TextAnalysis Analyse(string text)
    {
        var sentiment = text.Contains("hold", StringComparison.Ordinal)
            ? new SentimentScore(-0.612345, 0, 0.7, 0.3)
            : new SentimentScore(0.4, 0.3, 0.7, 0);
        var firstWord = new TextSpan(0, Math.Max(0, text.IndexOf(' ', StringComparison.Ordinal)));
        Evidence[] evidence = [new(firstWord, "rule:first-word")];
        return new TextAnalysis(
            sentiment,
            [new SentenceSentiment(new TextSpan(0, text.Length), sentiment)],
            [new SentimentCue(firstWord, -1.5, "lexicon:test")],
            [new EmotionHit("anger", evidence)],
            [new ThemeHit("wait-time", "Wait time", sentiment, evidence)],
            [new FrictionHit("wait", 40, evidence), new FrictionHit("transfer", null, evidence)],
            Effort: 1.0 / 3,
            [new SignalHit("apology", evidence), new SignalHit("thanks", evidence), new SignalHit("apology", evidence)],
            new PerspectiveCounts(We: 1, You: 3, I: 0, Words: 9),
            Readability: double.NaN);
    }

    public static TextAnalysis FailOnBoom(string text) =>
        text.Contains("boom", StringComparison.Ordinal) ? throw new InvalidOperationException("engine broke") : Analyse(text);
}
