namespace Evident.Bench.Text;

/// <summary>One mode's speed in a comparison: the median rates of both builds and the median and range of the per-round ratios.</summary>
/// <param name="Ratio">The median over rounds of this build's rate divided by the baseline's in the same round.</param>
public sealed record BuildSpeed(string Mode, int Rounds, double BaselineTextsPerSecond, double CandidateTextsPerSecond, double Ratio, double MinRatio, double MaxRatio);

/// <summary>A text on which the two builds' outputs differ: the sentiment compounds, or the full analyses as JSON.</summary>
/// <param name="Row">The text's 0-based position in the input.</param>
public sealed record OutputDifference(string Mode, int Row, string Text, string Baseline, string Candidate);

/// <summary>What a comparison found: the speeds, and on how many texts the outputs differ (with the first few).</summary>
/// <param name="AnalysisDifferences">Texts whose full analysis differs as JSON; <c>null</c> when the baseline cannot write it.</param>
public sealed record BuildComparisonResult(int Texts, int SentimentDifferences, int? AnalysisDifferences, IReadOnlyList<OutputDifference> Examples, IReadOnlyList<BuildSpeed> Speeds);

/// <summary>
/// Two builds of the engine in one process, timed in alternating windows (baseline first in odd rounds, this build first in
/// even ones) after both are warm. The machines this runs on drift by a third within minutes, so two separate runs of
/// <c>bench text</c> cannot tell a change of a few per cent; a ratio taken within each round can: the same build against
/// itself gives a median near 1.00 with rounds within a few per cent.
/// </summary>
public static class BuildComparison
{
    /// <summary>How many differing texts are kept as examples.</summary>
    public const int MaxExamples = 5;

    public static BuildComparisonResult Run(EngineBuild baseline, EngineBuild candidate, IReadOnlyList<string> texts, TimeSpan window, int rounds, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfZero(texts.Count);
        progress?.Invoke("comparing outputs");
        var examples = new List<OutputDifference>();
        int sentimentDifferences = CountDifferences("sentiment", texts, t => Compound(baseline.Sentiment(t)), t => Compound(candidate.Sentiment(t)), examples);
        int? analysisDifferences = baseline.WritesJson && candidate.WritesJson
            ? CountDifferences("full", texts, t => baseline.AnalysisJson(t)!, t => candidate.AnalysisJson(t)!, examples)
            : null;

        (string Mode, Action<string> Baseline, Action<string> Candidate)[] modes =
        [
            ("sentiment", t => baseline.Sentiment(t), t => candidate.Sentiment(t)),
            ("full", t => baseline.Analyze(t), t => candidate.Analyze(t)),
        ];
        var speeds = new List<BuildSpeed>();
        foreach (var (mode, baselineWork, candidateWork) in modes)
        {
            progress?.Invoke($"warming {mode} on both builds");
            TextThroughput.Warm(texts, baselineWork);
            TextThroughput.Warm(texts, candidateWork);
            var baselineRates = new double[rounds];
            var candidateRates = new double[rounds];
            var ratios = new double[rounds];
            double Rate(Action<string> work) => TextThroughput.SingleThread(mode, texts, 0, work, window).TextsPerSecond;
            for (int round = 0; round < rounds; round++)
            {
                progress?.Invoke($"measuring {mode}, round {round + 1} of {rounds}");
                if (round % 2 == 0)
                {
                    baselineRates[round] = Rate(baselineWork);
                    candidateRates[round] = Rate(candidateWork);
                }
                else
                {
                    candidateRates[round] = Rate(candidateWork);
                    baselineRates[round] = Rate(baselineWork);
                }
                ratios[round] = candidateRates[round] / baselineRates[round];
            }
            speeds.Add(new BuildSpeed(mode, rounds, Median(baselineRates), Median(candidateRates), Median(ratios), ratios.Min(), ratios.Max()));
        }
        return new BuildComparisonResult(texts.Count, sentimentDifferences, analysisDifferences, examples, speeds);
    }

    /// <summary>Compounds are compared exactly (round-trip text), so a change below <c>evident analyze</c>'s four decimals shows too.</summary>
    private static string Compound(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static int CountDifferences(string mode, IReadOnlyList<string> texts, Func<string, string> baseline, Func<string, string> candidate, List<OutputDifference> examples)
    {
        int differences = 0;
        int examplesBefore = examples.Count;
        for (int row = 0; row < texts.Count; row++)
        {
            string before = baseline(texts[row]);
            string after = candidate(texts[row]);
            if (before == after)
            {
                continue;
            }
            differences++;
            if (examples.Count - examplesBefore < MaxExamples)
            {
                examples.Add(new OutputDifference(mode, row, texts[row], before, after));
            }
        }
        return differences;
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count).</summary>
    internal static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
