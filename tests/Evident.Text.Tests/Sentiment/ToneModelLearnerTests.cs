using System.Globalization;
using Evident.Bench.Text;
using Evident.Text.Sentiment;
using Evident.Text.Tokens;

namespace Evident.Text.Tests.Sentiment;

/// <summary>The learner behind the shipped tone_model.tsv, on texts made up here.</summary>
public sealed class ToneModelLearnerTests
{
    private static IEnumerable<LabelledTweet> Repeat(int times, string text, string label, string theme = "none") =>
        Enumerable.Range(0, times).Select(i => new LabelledTweet($"{text}#{i}", text, [theme], label));

    private static IEnumerable<LabelledTweet> Texts() =>
        Repeat(6, "still waiting for my parcel", "negative", "delivery")
            .Concat(Repeat(6, "parcel came today", "positive"))
            .Concat(Repeat(6, "where is the depot?", "neutral"))
            .Concat(Repeat(4, "the van was blue", "neutral"));

    private static readonly ToneModelLearner.Learnt s_learnt = ToneModelLearner.Learn(TextAnalyzer.Default.Lexicons.Vocabulary, Texts());

    private static ToneModelLearner.Feature Feature(string name) => Assert.Single(s_learnt.Features, f => f.Name == name);

    [Fact]
    public void A_feature_weighs_toward_the_class_whose_texts_hold_it()
    {
        Assert.True(Feature("still").Negative > 2 && Feature("still").Positive < 0);
        Assert.True(Feature("still wait").Negative > 2); // the pair, by lemma
        Assert.True(Feature("came today").Positive > 2 && Feature("came today").Negative < 0);
        Assert.True(Feature("<question>").Negative < 0 && Feature("<question>").Positive < 0);
        Assert.True(Math.Abs(Feature("parcel").Negative - Feature("parcel").Positive) < 1e-9); // as often in either
        // add-one log-odds: in 6 of the 6 negative texts, in none of the 16 others
        Assert.Equal(Math.Log(7.0 / 8) - Math.Log(1.0 / 18), Feature("still").Negative, 9);
        Assert.Equal(Math.Log(7.0 / 17), s_learnt.PriorNegative, 9);
    }

    [Fact]
    public void A_feature_weighs_toward_the_themes_it_was_given_with_in_two_texts_or_more()
    {
        var delivery = Assert.Single(s_learnt.MainThemes);
        Assert.Equal("delivery", delivery.Theme);
        Assert.Equal(Math.Log(7.0 / 17), delivery.Prior, 9); // 6 of 22 texts
        Assert.Equal(Math.Log(18.0) - Math.Log(8.0), delivery.PerFeature, 9); // a feature never seen with it: log(16 + 2) - log(6 + 2)
        var (theme, weight) = Assert.Single(Feature("still").Themes);
        Assert.Equal("delivery", theme);
        // in all 6 delivery texts and no other: log(7/8) - log(1/18), less log(1/8) - log(7/18) for a feature never seen with it
        Assert.Equal(Math.Log(7.0 / 8) - Math.Log(1.0 / 18) - (Math.Log(1.0 / 8) - Math.Log(7.0 / 18)), weight, 9);
        Assert.Empty(Feature("came today").Themes);
    }

    [Fact]
    public void The_learnt_theme_regression_weighs_a_themes_words_up_and_the_rest_down()
    {
        var (theme, bias) = Assert.Single(s_learnt.FoundThemes);
        Assert.Equal("delivery", theme);
        Assert.True(bias < 0, $"bias {bias}"); // 6 of 22 texts: unlikely before any word
        Assert.True(Weight("still wait") > 0 && Weight("still") > 0);
        Assert.True(Weight("came today") <= 0); // with a parcel, but never given the theme: down, or too little to keep
        Assert.DoesNotContain(s_learnt.Features, f => f.Name == "<question>" && f.Found.Count > 0); // the question mark is not learnt from
        Assert.All(s_learnt.Features.SelectMany(f => f.Found), w => Assert.True(Math.Abs(w.Weight) >= ToneModelLearner.ThemeWeightFloor));
        // learnt twice from the same texts: the same weights (a seeded order)
        Assert.Equal(s_learnt.Format(), ToneModelLearner.Learn(TextAnalyzer.Default.Lexicons.Vocabulary, Texts()).Format());
    }

    private static double Weight(string feature) => Feature(feature).Found.SingleOrDefault(w => w.Theme == "delivery").Weight;

    [Fact]
    public void A_feature_in_fewer_than_five_texts_is_dropped()
    {
        Assert.DoesNotContain(s_learnt.Features, f => f.Name is "van" or "blue");
        Assert.Equal(22, s_learnt.Texts);
    }

    [Fact]
    public void The_file_it_writes_is_the_model_the_engine_reads()
    {
        string file = s_learnt.Format();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<threshold>\t{ToneModelLearner.ThresholdNegative}\t{ToneModelLearner.ThresholdPositive}\n"), file, StringComparison.Ordinal);
        var model = ToneModel.Parse(file, TextAnalyzer.Default.Lexicons.Vocabulary, "learnt");
        Assert.Equal(ToneModelLearner.ThresholdNegative, model.ThresholdNegative);
        var lexicons = LexiconSet.Build(vaderLexicon: "", emojiLexicon: "", cxLexicon: "", taxonomy: TextAnalyzer.Default.Lexicons.Taxonomy, signals: "", toneModel: file);
        var analyzer = new TextAnalyzer(lexicons);
        Assert.Equal(SentimentLabel.Negative, analyzer.ScoreSentiment("still waiting for my parcel").Label);
        Assert.Equal(SentimentLabel.Positive, analyzer.ScoreSentiment("parcel came today").Label);
        Assert.Equal(SentimentLabel.Neutral, analyzer.ScoreSentiment("where is the depot?").Label);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<learnt theme probability>\t{ToneModelLearner.ThemeProbability}\t"), file, StringComparison.Ordinal);
        Assert.Equal(Math.Log(ToneModelLearner.ThemeProbability / (1 - ToneModelLearner.ThemeProbability)), model.LearntThemeLogit, 5);
        const string text = "still waiting for my parcel";
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, lexicons.Vocabulary, out _);
        Assert.Equal("delivery", lexicons.Tone.LearntTheme(tokens.AsSpan(0, n), out _, out _, out _));
        Assert.Null(lexicons.Tone.LearntTheme(tokens.AsSpan(0, 0), out _, out _, out _)); // no words: the bias alone
    }
}
