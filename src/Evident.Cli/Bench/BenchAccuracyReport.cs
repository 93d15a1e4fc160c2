using Evident.Bench.Text;

namespace Evident.Cli.Bench;

/// <summary>Everything <c>evident bench accuracy</c> prints, in the shape of its JSON.</summary>
/// <param name="Data">The folder the corpora were read from; null when only <c>--sets</c> were scored.</param>
public sealed record BenchAccuracyReport(string? Data, IReadOnlyList<AccuracyRow> Corpora);

/// <summary>One corpus's figure: Pearson r for mean ratings, sign accuracy for 0/1 labels.</summary>
/// <param name="Met"><c>null</c> when the corpus has no target.</param>
public sealed record AccuracyRow(string Corpus, int N, string Metric, double Value, double? Target, bool? Met)
{
    public static AccuracyRow From(AccuracyResult result, bool binary)
    {
        double value = binary ? result.BinaryAccuracy : result.PearsonR;
        return new AccuracyRow(result.Corpus, result.N, binary ? "accuracy" : "r", value, result.Target, result.Target is double target ? value >= target : null);
    }
}
