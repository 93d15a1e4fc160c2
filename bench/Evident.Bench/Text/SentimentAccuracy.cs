using System.Globalization;
using Evident.Text;

namespace Evident.Bench.Text;

/// <summary>One evaluation corpus: texts with a human gold value (a mean rating, or a 0/1 label).</summary>
public sealed record LabelledCorpus(string Name, IReadOnlyList<string> Texts, IReadOnlyList<double> Gold, bool Binary);

/// <summary>How well compound sentiment agrees with people on one corpus.</summary>
public sealed record AccuracyResult(string Corpus, int N, double PearsonR, double BinaryAccuracy, double? Target);

/// <summary>
/// Sentiment accuracy on human-rated corpora: Pearson r of compound against the raters' mean (VADER's four
/// corpora) and the share of sentences whose sign matches the label (UCI sentences, compound &gt; 0 → positive).
/// </summary>
public static class SentimentAccuracy
{
    /// <summary>Targets from the issue: VADER as measured here, plus the margin we committed to.</summary>
    public static readonly IReadOnlyDictionary<string, double> Targets = new Dictionary<string, double>
    {
        ["vader/tweets"] = 0.88, ["vader/movie"] = 0.50, ["vader/amazon"] = 0.64, ["vader/nyt"] = 0.55,
        ["uci/amazon"] = 0.864, ["uci/yelp"] = 0.836, ["uci/imdb"] = 0.811,
    };

    public static IReadOnlyList<LabelledCorpus> LoadAll(string dataDirectory)
    {
        var corpora = new List<LabelledCorpus>();
        foreach (var (name, file) in new[]
        {
            ("vader/tweets", "tweets_GroundTruth.txt"), ("vader/movie", "movieReviewSnippets_GroundTruth.txt"),
            ("vader/amazon", "amazonReviewSnippets_GroundTruth.txt"), ("vader/nyt", "nytEditorialSnippets_GroundTruth.txt"),
        })
        {
            string path = Path.Combine(dataDirectory, "vader", file);
            if (File.Exists(path))
            {
                corpora.Add(LoadVader(name, path));
            }
        }
        foreach (var (name, file) in new[] { ("uci/amazon", "amazon_cells_labelled.txt"), ("uci/yelp", "yelp_labelled.txt"), ("uci/imdb", "imdb_labelled.txt") })
        {
            string path = Path.Combine(dataDirectory, "uci-sentences", file);
            if (File.Exists(path))
            {
                corpora.Add(LoadUci(name, path));
            }
        }
        return corpora;
    }

    /// <summary>VADER ground truth: "id TAB mean-rating TAB text", CRLF lines.</summary>
    public static LabelledCorpus LoadVader(string name, string path)
    {
        var texts = new List<string>();
        var gold = new List<double>();
        foreach (string raw in File.ReadAllText(path).Split('\n'))
        {
            string[] f = raw.TrimEnd('\r').Split('\t', 3);
            if (f.Length == 3 && double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double rating))
            {
                texts.Add(f[2]);
                gold.Add(rating);
            }
        }
        return new LabelledCorpus(name, texts, gold, Binary: false);
    }

    /// <summary>UCI sentences: "sentence TAB label", the label after the last tab; split on \n only (NEL occurs in text).</summary>
    public static LabelledCorpus LoadUci(string name, string path)
    {
        var texts = new List<string>();
        var gold = new List<double>();
        foreach (string raw in File.ReadAllText(path).Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int tab = line.LastIndexOf('\t');
            if (tab > 0 && line[(tab + 1)..].Trim() is "0" or "1")
            {
                texts.Add(line[..tab]);
                gold.Add(line[(tab + 1)..].Trim() == "1" ? 1 : 0);
            }
        }
        return new LabelledCorpus(name, texts, gold, Binary: true);
    }

    public static AccuracyResult Evaluate(TextAnalyzer analyzer, LabelledCorpus corpus)
    {
        var predicted = new double[corpus.Texts.Count];
        for (int i = 0; i < predicted.Length; i++)
        {
            predicted[i] = analyzer.ScoreSentiment(corpus.Texts[i]).Compound;
        }
        int agree = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            bool positive = corpus.Binary ? corpus.Gold[i] > 0.5 : corpus.Gold[i] > 0;
            if (predicted[i] > 0 == positive)
            {
                agree++;
            }
        }
        Targets.TryGetValue(corpus.Name, out double target);
        return new AccuracyResult(corpus.Name, predicted.Length, Pearson(predicted, corpus.Gold), (double)agree / predicted.Length, target == 0 ? null : target);
    }

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }
}
