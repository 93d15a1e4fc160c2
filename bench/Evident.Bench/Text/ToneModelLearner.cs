using System.Globalization;
using System.Text;
using Evident.Text.Sentiment;
using Evident.Text.Tokens;

namespace Evident.Bench.Text;

/// <summary>
/// Learns the learnt tone (<see cref="ToneModel"/>, tone_model.tsv) from hand-labelled sets: two Bernoulli naive Bayes
/// models, negative against the rest and positive against the rest, and per theme the readers gave one for the main theme
/// (<see cref="MainMargin"/>), over the features <see cref="ToneModel.FeatureNames"/>
/// gives (lemmas, pairs of adjacent words, a question). A feature counts once per text; only features found in at least
/// <see cref="MinimumTexts"/> texts are kept; each weighs the log of its add-one frequency in the class over that in the
/// rest. The thresholds were chosen by two-fold cross-validation over the probe sets, split by set, two seeds: reading
/// the texts the lexicon leaves neutral with (6, 3) gained 863 labels over the 13,465 texts read twice, against 781-862
/// for thresholds 4-8 and 3-6, 853-860 when repeated features count again, and 623 reading negative only. The weights depend only on the tokenizer and the vocabulary's lemmas, not on
/// what the rules make of a text, so learning again over the same sets with the same lexicons gives the same file.
/// </summary>
public static class ToneModelLearner
{
    public const int MinimumTexts = 5;
    public const float ThresholdNegative = 6f;
    public const float ThresholdPositive = 3f;

    /// <summary>
    /// Irony (<see cref="ToneModel.ReadsIrony"/>): a text the lexicon reads as positive below compound 0.5 whose negative
    /// log-odds pass 10 while the positive stay below 0. By the same cross-validation: +193 labels over the texts read
    /// twice (8: +202, but the VADER tweets' r -0.009; 12: +154).
    /// </summary>
    public const float IronyNegative = 10f;
    public const float IronyPositive = 0f;

    /// <summary>
    /// Neutral (<see cref="ToneModel.IsNeutral"/>): a text the lexicon reads within compound ±0.3 whose two log-odds are
    /// both below -4. Simulated with the same cross-validation: +445 labels over the texts read twice (mildly negative
    /// texts +332, mildly positive +113); -2 gained more there (+541) but lost the TWCS sample 13 labels, -4 gained it 27.
    /// </summary>
    public const float NeutralNegative = -4f;
    public const float NeutralPositive = -4f;

    /// <summary>
    /// The main theme (<see cref="ToneModel.MainOf(ReadOnlySpan{Token}, IReadOnlyList{Evident.Text.ThemeHit})"/>): a naive
    /// Bayes over the same features (those a text holds), one class per theme the readers gave; a found theme goes first
    /// when its log-odds pass the first's by more than this. Only a feature's weights for the themes it was given with in at
    /// least <see cref="MainMinimum"/> texts are kept (the rest weigh as if never seen with the theme). Simulated with the same cross-validation: +515 main themes over the texts
    /// read twice (margin 6: +488, 12: +479; keeping weights from one text: +510).
    /// </summary>
    public const float MainMargin = 8f;
    public const int MainMinimum = 2;

    /// <summary>
    /// The learnt theme (<see cref="ToneModel.LearntTheme(ReadOnlySpan{Token}, out int, out int, out string)"/>): per theme
    /// the readers gave, a logistic regression (that theme against the rest) over the same features but the question mark,
    /// learnt by stochastic gradient descent (<see cref="ThemeEpochs"/> passes in a seeded shuffled order, step
    /// 0.2 / (1 + pass), L2 1e-4, every bias from -3); weights below <see cref="ThemeWeightFloor"/> either way are dropped. A
    /// text no phrase names a theme in gets the likeliest when its probability passes <see cref="ThemeProbability"/>.
    /// Simulated with two-fold cross-validation over the probe sets (split by set): at 0.7, 108 themes given to the texts read
    /// twice, 91 of them (84 %) a theme the readers gave, net +84 texts with a right theme; at 0.6, 82 % right; at 0.5, 78 %;
    /// at 0.8, 88 %. The naive Bayes of the main theme, asked the same, is sure of a wrong theme far too often (6-8 % right at
    /// any threshold). Keeping the weights from 0.1 (100,000 against 32,000) gained 8 more texts by the same
    /// cross-validation, 6 of the held-out sets' 2,400, and cost the full analysis of a text naming no theme the reading of a
    /// table three times the size.
    /// </summary>
    public const double ThemeProbability = 0.7;
    public const double ThemeWeightFloor = 0.3;
    public const int ThemeEpochs = 8;

    /// <summary>A feature and its two weights (log-odds toward negative, toward positive).</summary>
    public sealed record Feature(string Name, double Negative, double Positive, int Texts, IReadOnlyList<(string Theme, double Weight)> Themes)
    {
        /// <summary>The feature's weights in the learnt theme's regressions, theme by theme.</summary>
        public IReadOnlyList<(string Theme, double Weight)> Found { get; init; } = [];
    }

    public sealed record Learnt(double PriorNegative, double PriorPositive, IReadOnlyList<Feature> Features, int Texts, IReadOnlyList<(string Theme, double Prior, double PerFeature)> MainThemes)
    {
        /// <summary>The learnt theme's regressions: each theme and its bias.</summary>
        public IReadOnlyList<(string Theme, double Bias)> FoundThemes { get; init; } = [];

        /// <summary>The model as tone_model.tsv writes it.</summary>
        public string Format()
        {
            var text = new StringBuilder();
            text.Append("# The learnt tone (src/Evident.Text/Sentiment/ToneModel.cs), learnt from ").Append(Texts.ToString(CultureInfo.InvariantCulture))
                .Append(" hand-labelled texts by\n# evident bench accuracy --sets tests/Evident.Text.Tests/Cases/probes --learn-tone-model\n")
                .Append("# feature TAB log-odds toward negative TAB toward positive; a feature is a lemma, <mention>, <number>, <unknown>,\n")
                .Append("# <question>, or two of them with a space (adjacent words). Do not edit by hand: learn it again.\n");
            Line(text, "<prior>", PriorNegative, PriorPositive);
            Line(text, "<threshold>", ThresholdNegative, ThresholdPositive);
            Line(text, "<irony>", IronyNegative, IronyPositive);
            Line(text, "<neutral>", NeutralNegative, NeutralPositive);
            Line(text, "<main margin>", MainMargin, MainMargin);
            foreach (var (theme, prior, perFeature) in MainThemes)
            {
                text.Append("<main theme>\t").Append(theme).Append('\t').Append(prior.ToString("0.###", CultureInfo.InvariantCulture))
                    .Append('\t').Append(perFeature.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
            }
            if (FoundThemes.Count > 0)
            {
                Line(text, "<learnt theme probability>", ThemeProbability, ThemeProbability);
            }
            foreach (var (theme, bias) in FoundThemes)
            {
                text.Append("<learnt theme>\t").Append(theme).Append('\t').Append(bias.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
            }
            foreach (var f in Features)
            {
                Line(text, f.Name, f.Negative, f.Positive);
                if (f.Themes.Count > 0 || f.Found.Count > 0)
                {
                    text.Length--; // the line goes on: TAB theme:weight … [TAB theme:weight …]
                    text.Append('\t').AppendJoin(' ', f.Themes.Select(t => t.Theme + ":" + t.Weight.ToString("0.##", CultureInfo.InvariantCulture)));
                    if (f.Found.Count > 0)
                    {
                        text.Append('\t').AppendJoin(' ', f.Found.Select(t => t.Theme + ":" + t.Weight.ToString("0.##", CultureInfo.InvariantCulture)));
                    }
                    text.Append('\n');
                }
            }
            return text.ToString();
        }

        private static void Line(StringBuilder text, string name, double negative, double positive) =>
            text.Append(name).Append('\t').Append(negative.ToString("0.###", CultureInfo.InvariantCulture))
                .Append('\t').Append(positive.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
    }

    public static Learnt Learn(Vocabulary vocabulary, IEnumerable<LabelledTweet> texts)
    {
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        var negative = new Dictionary<string, int>(StringComparer.Ordinal);
        var positive = new Dictionary<string, int>(StringComparer.Ordinal);
        var withTheme = new Dictionary<(string Feature, string Theme), int>();
        var themeTexts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int n = 0, negatives = 0, positives = 0;
        var buffer = new Token[256];
        var textFeatures = new List<(HashSet<string> Features, string[] Themes)>();
        foreach (var text in texts)
        {
            if (buffer.Length < Tokenizer.MaxTokens(text.Text.Length))
            {
                buffer = new Token[Tokenizer.MaxTokens(text.Text.Length)];
            }
            int count = Tokenizer.Tokenize(text.Text, buffer, vocabulary, out var shape);
            var features = ToneModel.FeatureNames(buffer.AsSpan(0, count), shape.HasQuestion, vocabulary).ToHashSet(StringComparer.Ordinal);
            textFeatures.Add((features, [.. text.Themes.Where(t => t != "none").Distinct()]));
            n++;
            bool isNegative = text.Label == "negative", isPositive = text.Label == "positive";
            negatives += isNegative ? 1 : 0;
            positives += isPositive ? 1 : 0;
            foreach (string theme in text.Themes.Where(t => t != "none").Distinct())
            {
                themeTexts[theme] = themeTexts.GetValueOrDefault(theme) + 1;
                foreach (string f in features)
                {
                    withTheme[(f, theme)] = withTheme.GetValueOrDefault((f, theme)) + 1;
                }
            }
            foreach (string f in features)
            {
                all[f] = all.GetValueOrDefault(f) + 1;
                if (isNegative)
                {
                    negative[f] = negative.GetValueOrDefault(f) + 1;
                }
                else if (isPositive)
                {
                    positive[f] = positive.GetValueOrDefault(f) + 1;
                }
            }
        }
        var themesOf = withTheme.Where(p => p.Value >= MainMinimum && all[p.Key.Feature] >= MinimumTexts)
            .GroupBy(p => p.Key.Feature)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.Key.Theme, MainDelta(p.Value, themeTexts[p.Key.Theme], all[p.Key.Feature], n)))
                .OrderBy(t => t.Theme, StringComparer.Ordinal).ToList());
        var foundThemes = themeTexts.Keys.ToList();
        var (found, biases) = LearnThemes(all.Where(p => p.Value >= MinimumTexts && p.Key != ToneModel.QuestionName).Select(p => p.Key).Order(StringComparer.Ordinal).ToList(), foundThemes, textFeatures);
        var kept = all.Where(p => p.Value >= MinimumTexts)
            .Select(p => new Feature(
                p.Key,
                Weight(negative.GetValueOrDefault(p.Key), negatives, p.Value, n),
                Weight(positive.GetValueOrDefault(p.Key), positives, p.Value, n),
                p.Value,
                themesOf.GetValueOrDefault(p.Key) ?? [])
            {
                Found = found.GetValueOrDefault(p.Key) ?? [],
            })
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        // a theme's score: its prior, plus per feature of the text the weight of a feature never seen with it (less a part the
        // same for every theme, which cancels), plus what a feature seen with it adds to that (MainDelta)
        var mainThemes = themeTexts.Select(p => (p.Key, Math.Log((p.Value + 1.0) / (n - p.Value + 1.0)), Math.Log(n - p.Value + 2.0) - Math.Log(p.Value + 2.0))).ToList();
        return new Learnt(Math.Log((negatives + 1.0) / (n - negatives + 1.0)), Math.Log((positives + 1.0) / (n - positives + 1.0)), kept, n, mainThemes)
        {
            FoundThemes = [.. foundThemes.Zip(biases, (theme, bias) => (theme, bias))],
        };
    }

    /// <summary>
    /// The learnt theme's regressions (<see cref="ThemeProbability"/>): per theme, a bias and per feature a weight, learnt by
    /// stochastic gradient descent on the log-loss of that theme against the rest; a feature's weights below
    /// <see cref="ThemeWeightFloor"/> either way are left out.
    /// </summary>
    private static (Dictionary<string, List<(string Theme, double Weight)>> Weights, double[] Biases) LearnThemes(
        List<string> features, List<string> themes, List<(HashSet<string> Features, string[] Themes)> texts)
    {
        const double Step = 0.2, L2 = 1e-4, FirstBias = -3;
        var index = features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var themeIndex = themes.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var rows = texts.Select(t => (Features: t.Features.Where(index.ContainsKey).Select(f => index[f]).Order().ToArray(),
            Themes: t.Themes.Select(th => themeIndex[th]).ToHashSet())).ToArray();
        var weights = new double[themes.Count, features.Count];
        var biases = Enumerable.Repeat(FirstBias, themes.Count).ToArray();
        var random = new Random(0);
        for (int epoch = 0; epoch < ThemeEpochs; epoch++)
        {
            random.Shuffle(rows);
            double step = Step / (1 + epoch);
            foreach (var (row, given) in rows)
            {
                for (int c = 0; c < themes.Count; c++)
                {
                    double z = biases[c];
                    foreach (int f in row)
                    {
                        z += weights[c, f];
                    }
                    double gradient = (given.Contains(c) ? 1 : 0) - 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
                    if (Math.Abs(gradient) < 1e-3)
                    {
                        continue;
                    }
                    biases[c] += step * gradient;
                    foreach (int f in row)
                    {
                        weights[c, f] += step * (gradient - L2 * weights[c, f]);
                    }
                }
            }
        }
        var kept = new Dictionary<string, List<(string Theme, double Weight)>>(StringComparer.Ordinal);
        for (int f = 0; f < features.Count; f++)
        {
            for (int c = 0; c < themes.Count; c++)
            {
                if (Math.Abs(weights[c, f]) >= ThemeWeightFloor)
                {
                    (kept.TryGetValue(features[f], out var list) ? list : kept[features[f]] = []).Add((themes[c], weights[c, f]));
                }
            }
        }
        return (kept, biases);
    }

    /// <summary>
    /// What a feature seen with a theme in <paramref name="inClass"/> texts adds over one never seen with it: its log-odds
    /// (<see cref="Weight"/>) less theirs, the part of the latter that is the same for every theme left out.
    /// </summary>
    private static double MainDelta(int inClass, int classTexts, int withFeature, int texts) =>
        Weight(inClass, classTexts, withFeature, texts) - (Math.Log(1.0 / (classTexts + 2.0)) - Math.Log((withFeature + 1.0) / (texts - classTexts + 2.0)));

    /// <summary>Log-odds of a feature toward a class: its add-one frequency among the class's texts over that among the rest.</summary>
    private static double Weight(int inClass, int classTexts, int withFeature, int texts) =>
        Math.Log((inClass + 1.0) / (classTexts + 2.0)) - Math.Log((withFeature - inClass + 1.0) / (texts - classTexts + 2.0));
}
