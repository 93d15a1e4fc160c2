using Evident.Bench.Text;
using Evident.Text.Sentiment;
using Evident.Text.Themes;
using Evident.Text.Tokens;

namespace Evident.Text.Tests.Sentiment;

/// <summary>The learnt tone, irony and neutral (<see cref="ToneModel"/>): when they read a text, what they leave alone, and the shipped model's file.</summary>
public sealed class ToneModelTests
{
    private static readonly TextAnalyzer s_rulesOnly = new(TextAnalyzer.Default.Lexicons, SentimentOptions.Default with { LearntTone = false, LearntIrony = false, LearntNeutral = false });

    [Theory]
    [InlineData("@acmeair bag. still. not. here.", "tone:still not", "still. not")]
    [InlineData("@acmeair DMd you 3 days ago. nothing.", "tone:day ago", "days ago")]
    [InlineData("@acmeair booked an aisle seat, now in 34E", "tone:<mention> book", "booked")] // the @handle counts for nothing: the word carries it
    public void Flat_bad_news_the_rules_leave_neutral_reads_negative(string text, string rule, string words)
    {
        Assert.Equal(SentimentLabel.Neutral, s_rulesOnly.ScoreSentiment(text).Label);
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(SentimentLabel.Negative, analysis.Sentiment.Label);
        Assert.Equal(TextAnalyzer.Default.ScoreSentiment(text), analysis.Sentiment); // the fast path reads it too
        var cue = Assert.Single(analysis.Cues);
        Assert.Equal(rule, cue.Rule);
        Assert.Equal(words, text.Substring(cue.Span.Start, cue.Span.Length));
        Assert.Equal(-ToneModel.Valence, cue.Valence, 3);
        Assert.InRange(analysis.Sentiment.Compound, -0.15, -0.05); // mild: no word said it
    }

    [Fact]
    public void Flat_good_news_reads_positive()
    {
        const string text = "the fitter came at 8 sharp, done by 9, took the old one away too";
        Assert.Equal(SentimentLabel.Neutral, s_rulesOnly.ScoreSentiment(text).Label);
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(SentimentLabel.Positive, analysis.Sentiment.Label);
        Assert.StartsWith(RuleNames.LearntTonePrefix, Assert.Single(analysis.Cues).Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can I change the name on my booking?")]
    [InlineData("What time does the store open on Sunday?")]
    [InlineData("The parcel is at the depot.")]
    public void Plain_questions_and_statements_stay_neutral(string text)
    {
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(SentimentLabel.Neutral, analysis.Sentiment.Label);
        Assert.DoesNotContain(analysis.Cues, c => c.Rule.StartsWith(RuleNames.LearntTonePrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Still nothing from you after a week, this is a joke")] // the rules already read it
    [InlineData("The fitter was lovely and so patient")]
    [InlineData("The room was lovely and the staff were wonderful, the parking was awful. A mixed experience overall.")] // neutral on purpose
    public void What_the_rules_decided_is_left_alone(string text) =>
        Assert.Equal(s_rulesOnly.ScoreSentiment(text), TextAnalyzer.Default.ScoreSentiment(text));

    [Theory]
    [InlineData("@acmeair gate agent rolled her eyes at me when I asked about my connection. thanks for the warm welcome", "tone-irony:roll her")]
    [InlineData("@acmeair your agent said there's nothing I can do and walked away. so helpful", "tone-irony:can do")]
    [InlineData("@acmebank passed between 4 departments today, each one says it's not them. fantastic stuff", "tone-irony:pass between")]
    public void Praise_in_a_complaint_about_a_service_is_irony(string text, string rule)
    {
        Assert.Equal(SentimentLabel.Positive, s_rulesOnly.ScoreSentiment(text).Label);
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(SentimentLabel.Negative, analysis.Sentiment.Label);
        Assert.Equal(TextAnalyzer.Default.ScoreSentiment(text), analysis.Sentiment);
        var turned = analysis.Cues.Where(c => c.Rule.StartsWith(RuleNames.LearntIronyPrefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(turned);
        Assert.All(turned, c => Assert.Equal(rule, c.Rule));
        Assert.All(turned, c => Assert.True(c.Valence < 0)); // each good word, a quarter of its valence, against it
        Assert.DoesNotContain(analysis.Cues, c => c.Valence > 0);
    }

    [Theory]
    [InlineData("@acmeair the crew were lovely and the flight was on time, thanks")]
    [InlineData("Thanks for sorting my refund so quickly")]
    public void Praise_that_reads_as_praise_stays(string text) =>
        Assert.Equal(s_rulesOnly.ScoreSentiment(text), TextAnalyzer.Default.ScoreSentiment(text));

    [Fact]
    public void Irony_is_read_only_in_a_text_about_a_service()
    {
        const string model = "<threshold>\t99\t99\n<irony>\t3\t1\nthe\t5\t0\n";
        var lexicons = LexiconSet.Build(vaderLexicon: "nice\t1.0\n", emojiLexicon: "", cxLexicon: "", taxonomy: TextAnalyzer.Default.Lexicons.Taxonomy, signals: "", toneModel: model);
        var analyzer = new TextAnalyzer(lexicons);
        var withoutIrony = new TextAnalyzer(lexicons, SentimentOptions.Default with { LearntIrony = false });
        Assert.Equal(SentimentLabel.Positive, withoutIrony.ScoreSentiment("the queue, nice").Label);
        Assert.Equal(SentimentLabel.Negative, analyzer.ScoreSentiment("the queue, nice").Label); // "queue" names wait-time
        Assert.Equal(SentimentLabel.Positive, analyzer.ScoreSentiment("the garden, nice").Label); // no theme
    }

    [Fact]
    public void One_mild_word_in_a_text_that_reads_as_neither_is_neutral()
    {
        const string text = "is there a problem with the app today?";
        Assert.Equal(SentimentLabel.Negative, s_rulesOnly.ScoreSentiment(text).Label);
        var analysis = TextAnalyzer.Default.Analyze(text);
        Assert.Equal(SentimentLabel.Neutral, analysis.Sentiment.Label);
        var cue = Assert.Single(analysis.Cues);
        Assert.Equal(RuleNames.LearntNeutral, cue.Rule);
        Assert.Equal("problem", text.Substring(cue.Span.Start, cue.Span.Length));
        Assert.Equal(Assert.Single(s_rulesOnly.Analyze(text).Cues).Valence / 10, cue.Valence, 2); // a tenth of what it counted
    }

    [Theory]
    [InlineData("@united how hard is it to keep a plane on schedule?")] // a phrase read it
    [InlineData("been on hold for 40 minutes")] // a rule read it
    [InlineData("my order is late, it's a disaster")] // too strong to be incidental
    public void What_a_phrase_or_a_rule_read_is_not_made_neutral(string text) =>
        Assert.Equal(s_rulesOnly.ScoreSentiment(text), TextAnalyzer.Default.ScoreSentiment(text));

    [Fact]
    public void Neutral_needs_both_log_odds_below_their_bounds()
    {
        var model = Model("<threshold>\t99\t99\n<neutral>\t-2\t-2\n<prior>\t-1\t-1\nwhere\t-2\t-2\nlovely\t-2\t3\n");
        bool Neutral(string text)
        {
            var (tokens, question) = Tokenized(text);
            return model.IsNeutral(model.Measure(tokens, question));
        }
        Assert.True(Neutral("where"));
        Assert.False(Neutral("there")); // -1: not below -2
        Assert.False(Neutral("where lovely")); // positive -3 + 3 = 0
        var withoutBounds = Model("<threshold>\t1\t1\nwhere\t-9\t-9\n");
        Assert.False(withoutBounds.IsNeutral(withoutBounds.Measure(ReadOnlySpan<int>.Empty, question: false))); // no <neutral> line: never
    }

    [Fact]
    public void The_theme_the_learnt_words_favour_by_a_wide_margin_goes_first()
    {
        const string text = "the app keeps logging me out and I can't get into my account";
        var phrasesOnly = new TextAnalyzer(TextAnalyzer.Default.Lexicons, SentimentOptions.Default with { LearntMainTheme = false }).Analyze(text).Themes;
        var themes = TextAnalyzer.Default.Analyze(text).Themes;
        Assert.Equal("digital-self-service", phrasesOnly[0].Id);
        Assert.Equal("account-access", themes[0].Id);
        Assert.Equal(phrasesOnly.Select(t => t.Id).Order(), themes.Select(t => t.Id).Order()); // the same themes, one moved
    }

    private static ThemeHit Hit(string id) => new(id, id, SentimentScore.Empty, []);

    [Fact]
    public void A_found_theme_goes_first_only_past_the_margin_and_only_among_themes_the_model_knows()
    {
        const string themes = "<main theme>\trefund\t0\t0\n<main theme>\tdelay\t0\t0\nmoney\t0\t0\trefund:3\nback\t0\t0\trefund:3 delay:1\n";
        var model = Model("<threshold>\t99\t99\n<main margin>\t4\t4\n" + themes);
        Assert.Equal(0, MainOf(model, "my money", "delay", "refund")); // 3 - 0: not past 4
        Assert.Equal(1, MainOf(model, "my money back", "delay", "refund")); // 6 - 1
        Assert.Equal(0, MainOf(model, "money money money", "delay", "refund")); // a word counts once: 3, not 9
        Assert.Equal(1, MainOf(Model("<threshold>\t99\t99\n<main margin>\t2\t2\n" + themes), "my money", "delay", "refund"));
        Assert.Equal(0, MainOf(model, "my money back", "my-own-theme", "refund")); // a workspace's own theme first stays first
        Assert.Equal(0, MainOf(Model("<threshold>\t99\t99\n" + themes), "my money back", "delay", "refund")); // no margin: never
        var e = Assert.Throws<FormatException>(() => Model("<threshold>\t1\t1\n<main margin>\t2\t2\n<main theme>\trefund\t0\t0\nwait\t0\t0\tdelay:1\n"));
        Assert.Contains("delay:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_features_main_theme_weights_are_read_by_theme_whatever_order_the_file_writes_them_in()
    {
        // three themes; "back" weighs for all of them, written out of order; only two are found, so the weight read for
        // each must be its own and not its neighbour's
        const string header = "<threshold>\t99\t99\n<main margin>\t4\t4\n<main theme>\trefund\t0\t0\n<main theme>\tbilling\t0\t0\n<main theme>\tdelay\t0\t0\n";
        var model = Model(header + "back\t0\t0\tdelay:1 billing:50 refund:6\n");
        Assert.Equal(1, MainOf(model, "my money back", "delay", "refund")); // 6 - 1
        Assert.Equal(0, MainOf(model, "my money back", "refund", "delay"));
        Assert.Equal(1, MainOf(model, "my money back", "refund", "billing")); // 50 - 6
        var e = Assert.Throws<FormatException>(() => Model(header + "back\t0\t0\trefund:1 delay:2 refund:3\n"));
        Assert.Contains("refund:3", e.Message, StringComparison.Ordinal);
        Assert.Contains("test.tsv:6", e.Message, StringComparison.Ordinal);
    }

    private static int MainOf(ToneModel model, string text, params string[] ids)
    {
        return model.MainOf(Tokenized(text).Tokens, [.. ids.Select(Hit)]);
    }

    private static ToneModel Model(string lines) => ToneModel.Parse(lines, TextAnalyzer.Default.Lexicons.Vocabulary, "test.tsv");

    /// <summary>The text's tokens by the shipped vocabulary, and whether it asks a question.</summary>
    private static (Token[] Tokens, bool Question) Tokenized(string text)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        int n = Tokenizer.Tokenize(text, tokens, TextAnalyzer.Default.Lexicons.Vocabulary, out var shape);
        return (tokens[..n], shape.HasQuestion);
    }

    private static int Read(ToneModel model, string text)
    {
        var (tokens, question) = Tokenized(text);
        return model.Read(tokens, question, out _, out _, out _);
    }

    [Theory]
    [InlineData("@acmetel thank you Jess in chat, all sorted", "customer-service", "theme-learnt:sort", "sorted", SentimentLabel.Positive)]
    [InlineData("two hours in reception for a ten minute job", "wait-time", "theme-learnt:minute", "minute", SentimentLabel.Negative)]
    public void A_text_no_phrase_names_a_theme_in_gets_the_one_its_words_make_likely(string text, string id, string rule, string words, SentimentLabel label)
    {
        var phrasesOnly = new TextAnalyzer(TextAnalyzer.Default.Lexicons, SentimentOptions.Default with { LearntTheme = false });
        Assert.Empty(phrasesOnly.Analyze(text).Themes);
        var hit = Assert.Single(TextAnalyzer.Default.Analyze(text).Themes);
        Assert.Equal(id, hit.Id);
        Assert.True(hit.Learnt);
        var evidence = Assert.Single(hit.Evidence);
        Assert.Equal(rule, evidence.Rule);
        Assert.Equal(words, text.Substring(evidence.Span.Start, evidence.Span.Length));
        Assert.Equal(label, hit.Sentiment.Label); // the clauses around the word, as a phrase's
    }

    [Theory]
    [InlineData("what a lovely sunny day for a walk")] // no theme is likely enough
    [InlineData("the app crashes every time I try to pay")] // a phrase named it: the learnt theme is not asked
    [InlineData("@acmebank someone bought a laptop with my points and says it was authorised")]
    public void A_text_a_phrase_names_or_no_theme_is_likely_for_is_left_alone(string text)
    {
        var phrasesOnly = new TextAnalyzer(TextAnalyzer.Default.Lexicons, SentimentOptions.Default with { LearntTheme = false });
        Assert.Equal(phrasesOnly.Analyze(text).Themes.Select(t => t.Id), TextAnalyzer.Default.Analyze(text).Themes.Select(t => t.Id));
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze(text).Themes.SelectMany(t => t.Evidence), e => e.Rule.StartsWith(RuleNames.LearntThemePrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze(text).Themes, t => t.Learnt);
    }

    [Fact]
    public void The_learnt_theme_is_the_likeliest_past_the_floor_with_the_strongest_feature_as_evidence()
    {
        const string themes = "<learnt theme>\trefund\t-2\n<learnt theme>\tdelay\t-2\nmoney\t0\t0\t\trefund:2.5\nback\t0\t0\t\trefund:0.5 delay:1\nlate\t0\t0\t\tdelay:2\n";
        var model = Model("<threshold>\t99\t99\n<learnt theme probability>\t0.7\t0.7\n" + themes);
        Assert.Equal((null, ""), LearntTheme(model, "my money")); // -2 + 2.5: p 0.62, under 0.7
        Assert.Equal(("refund", "money"), LearntTheme(model, "my money back")); // refund 1.0 (p 0.73), delay -1
        Assert.Equal(("refund", "money"), LearntTheme(model, "money money back")); // a word counts once
        Assert.Equal(("delay", "late"), LearntTheme(model, "late back")); // delay 1.0, refund -1.5
        Assert.Equal(("refund", "money"), LearntTheme(Model("<threshold>\t99\t99\n<learnt theme probability>\t0.6\t0.6\n" + themes), "my money"));
        Assert.Equal((null, ""), LearntTheme(Model("<threshold>\t99\t99\n" + themes), "my money back")); // no floor: never
        var pair = Model("<threshold>\t99\t99\n<learnt theme probability>\t0.7\t0.7\n<learnt theme>\trefund\t-2\nmoney back\t0\t0\t\trefund:3\n");
        Assert.Equal(("refund", "money back"), LearntTheme(pair, "I want my money back")); // a pair's evidence spans both words
        var e = Assert.Throws<FormatException>(() => Model("<threshold>\t1\t1\n<learnt theme>\trefund\t-2\nwait\t0\t0\t\tdelay:1\n"));
        Assert.Contains("test.tsv:3", e.Message, StringComparison.Ordinal);
        Assert.Contains("delay:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("<learnt theme>", e.Message, StringComparison.Ordinal);
        Assert.Contains("test.tsv:2", Assert.Throws<FormatException>(() => Model("<threshold>\t1\t1\n<learnt theme>\trefund\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_weighing_for_many_themes_counts_for_each_of_them_among_more_themes_than_the_weights_name()
    {
        // 70 themes, weights for the first four only: "money" weighs for four (a row of its own, added at once), "late"
        // for one (read as a run); themes 4-69 weigh nothing, yet every theme's score is read
        string themes = string.Concat(Enumerable.Range(0, 70).Select(t => $"<learnt theme>\tt{t}\t-2\n"));
        var model = Model("<threshold>\t99\t99\n<learnt theme probability>\t0.7\t0.7\n" + themes +
            "money\t0\t0\t\tt0:3 t1:0.5 t2:1 t3:0.25\nlate\t0\t0\t\tt2:2.5\n");
        Assert.Equal(("t0", "money"), LearntTheme(model, "my money")); // t0: -2 + 3 = 1 (p 0.73)
        Assert.Equal(("t2", "late"), LearntTheme(model, "money late")); // t2: -2 + 1 + 2.5 = 1.5 over t0's 1; late weighs most
        Assert.Equal((null, ""), LearntTheme(model, "late")); // t2: 0.5 (p 0.62)
    }

    private static (string? Id, string Words) LearntTheme(ToneModel model, string text)
    {
        var tokens = Tokenized(text).Tokens;
        string? id = model.LearntTheme(tokens, out int at, out int pairEnd, out _);
        return (id, id is null ? "" : text[tokens[at].Start..tokens[Math.Max(at, pairEnd)].End]);
    }

    /// <summary>A model that reads any unknown word ("zorblax") as a delay.</summary>
    private const string UnknownIsDelay = "<threshold>\t99\t99\n<learnt theme probability>\t0.7\t0.7\n<learnt theme>\tdelay\t0\n<unknown>\t0\t0\t\tdelay:5\n";

    [Fact]
    public void A_learnt_theme_the_workspace_taxonomy_lacks_is_not_given()
    {
        var taxonomy = TextAnalyzer.Default.Lexicons.Taxonomy;
        var with = LexiconSet.Build(vaderLexicon: "", emojiLexicon: "", cxLexicon: "", taxonomy: taxonomy, signals: "", toneModel: UnknownIsDelay);
        var hit = Assert.Single(new TextAnalyzer(with).Analyze("zorblax").Themes); // an unknown word: the feature <unknown>
        Assert.Equal("delay", hit.Id);
        Assert.Equal("theme-learnt:<unknown>", Assert.Single(hit.Evidence).Rule);
        var without = LexiconSet.Build(vaderLexicon: "", emojiLexicon: "", cxLexicon: "", taxonomy: ThemeTaxonomy.Of(taxonomy.Themes.Where(t => t.Id != "delay")), signals: "", toneModel: UnknownIsDelay);
        Assert.Empty(new TextAnalyzer(without).Analyze("zorblax").Themes);
    }

    [Fact]
    public void A_text_in_another_language_gets_no_learnt_theme()
    {
        var analyzer = new TextAnalyzer(LexiconSet.Build(vaderLexicon: "", emojiLexicon: "", cxLexicon: "", taxonomy: TextAnalyzer.Default.Lexicons.Taxonomy, signals: "", toneModel: UnknownIsDelay));
        Assert.Equal("delay", Assert.Single(analyzer.Analyze("zorblax zorblix").Themes).Id);
        Assert.Empty(analyzer.Analyze("zorblax está en la casa").Themes); // Spanish: learnt from English, not asked
    }

    [Fact]
    public void A_feature_counts_once_however_often_it_occurs()
    {
        var model = Model("<threshold>\t3\t3\n<mention>\t2\t0\nstill\t2\t0\n");
        Assert.Equal(0, Read(model, "@a @b @c @d hello")); // one mention: 2, not 8
        Assert.Equal(-1, Read(model, "@a still waiting")); // a mention and "still": 4
        Assert.Equal(0, Read(model, "still still still")); // 2
    }

    [Fact]
    public void Pairs_of_adjacent_words_weigh_and_a_question_counts()
    {
        var model = Model("<threshold>\t3\t3\nstill nothing\t4\t0\n<question>\t0\t4\n");
        Assert.Equal(-1, Read(model, "still nothing from them"));
        Assert.Equal(0, Read(model, "nothing still")); // the other order is another pair
        Assert.Equal(0, Read(model, "it is open"));
        Assert.Equal(1, Read(model, "it is open?"));
        Assert.Equal(1, Read(model, "is it open")); // a closing question without its mark (the tokenizer's) counts
    }

    [Fact]
    public void Negative_wins_only_when_it_passes_its_threshold_by_as_much_as_positive()
    {
        var model = Model("<threshold>\t6\t3\nlate\t7\t0\nquick\t0\t5\n");
        Assert.Equal(-1, Read(model, "late"));
        Assert.Equal(1, Read(model, "quick"));
        Assert.Equal(1, Read(model, "late but quick")); // 7 - 6 = 1 against 5 - 3 = 2
    }

    [Fact]
    public void A_word_the_vocabulary_lost_is_skipped_and_a_bad_line_is_named()
    {
        var model = Model("<threshold>\t1\t1\nqwzxvbnm\t5\t0\nwait\t2\t0\n");
        Assert.Equal(-1, Read(model, "wait"));
        var e = Assert.Throws<FormatException>(() => Model("<threshold>\t1\t1\nwait\ttwo\t0\n"));
        Assert.Contains("test.tsv:2", e.Message, StringComparison.Ordinal);
        Assert.Contains("no <threshold>", Assert.Throws<FormatException>(() => Model("wait\t2\t0\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_model_nothing_is_read()
    {
        var lexicons = LexiconSet.Build(vaderLexicon: "", emojiLexicon: "", cxLexicon: "", taxonomy: TextAnalyzer.Default.Lexicons.Taxonomy, signals: "");
        Assert.True(lexicons.Tone.IsEmpty);
        Assert.Equal(0, new TextAnalyzer(lexicons).ScoreSentiment("@acmeair bag. still. not. here.").Compound);
    }

    /// <summary>
    /// The shipped tone_model.tsv is still what the probe sets teach (<see cref="ToneModelLearner"/>): the weights depend
    /// on the vocabulary, so a lexicon change moves a few; when relearning would read more than one probe text in two
    /// hundred differently (its tone, which theme it puts first, or the theme it gives a text no phrase named one in), learn
    /// it again.
    /// </summary>
    [Fact]
    public void The_shipped_model_reads_the_probe_texts_as_learning_it_again_would()
    {
        var vocabulary = TextAnalyzer.Default.Lexicons.Vocabulary;
        var texts = LabelledSets.Load(TestData.PathOf("Cases/probes")).SelectMany(set => set.Texts).ToList();
        var relearnt = ToneModel.Parse(ToneModelLearner.Learn(vocabulary, texts).Format(), vocabulary, "relearnt");
        var shipped = TextAnalyzer.Default.Lexicons.Tone;
        Assert.False(shipped.IsEmpty);
        var phrasesOrder = new TextAnalyzer(TextAnalyzer.Default.Lexicons, SentimentOptions.Default with { LearntMainTheme = false });
        int differ = 0, read = 0, moved = 0, given = 0;
        var tokens = new Token[256];
        foreach (var text in texts)
        {
            if (tokens.Length < Tokenizer.MaxTokens(text.Text.Length))
            {
                tokens = new Token[Tokenizer.MaxTokens(text.Text.Length)];
            }
            int n = Tokenizer.Tokenize(text.Text, tokens, vocabulary, out var shape);
            int a = shipped.Read(tokens.AsSpan(0, n), shape.HasQuestion, out _, out _, out _);
            int b = relearnt.Read(tokens.AsSpan(0, n), shape.HasQuestion, out _, out _, out _);
            var themes = phrasesOrder.Analyze(text.Text, explain: false).Themes;
            int mainA = shipped.MainOf(tokens.AsSpan(0, n), themes), mainB = relearnt.MainOf(tokens.AsSpan(0, n), themes);
            string? learntA = shipped.LearntTheme(tokens.AsSpan(0, n), out _, out _, out _), learntB = relearnt.LearntTheme(tokens.AsSpan(0, n), out _, out _, out _);
            differ += a != b || mainA != mainB || learntA != learntB ? 1 : 0;
            read += a != 0 ? 1 : 0;
            moved += mainA != 0 ? 1 : 0;
            given += learntA is null ? 0 : 1;
        }
        Assert.True(read > texts.Count / 10, $"the shipped model reads {read} of {texts.Count} probe texts");
        Assert.True(moved > texts.Count / 50, $"the shipped model moves the main theme of {moved} of {texts.Count} probe texts");
        Assert.True(given > texts.Count / 50, $"the shipped model finds a learnt theme likely in {given} of {texts.Count} probe texts");
        Assert.True(differ * 200 <= texts.Count,
            $"{differ} of {texts.Count} probe texts read otherwise by the model learnt now: evident bench accuracy --sets tests/Evident.Text.Tests/Cases/probes --learn-tone-model > src/Evident.Text/Lexicons/tone_model.tsv");
    }
}
