using System.Globalization;
using System.Text.Json;
using Evident.Cli.Tests.Analyze;
using Evident.Text;

namespace Evident.Cli.Tests.Bench;

public sealed class BenchAccuracyCommandTests
{
    // VADER ground truth: id TAB mean rating TAB text, CRLF lines.
    private const string Tweets =
        "1\t2.9\tI love this, it is wonderful!\r\n" +
        "2\t-2.8\tThis is terrible and awful.\r\n" +
        "3\t1.6\tGood service today.\r\n" +
        "4\t-1.9\tThe staff were rude.\r\n" +
        "5\t0.1\tThe clinic opens at nine.\r\n" +
        "6\t2.2\tGreat people, thank you so much.\r\n";

    // UCI sentences: text TAB 0/1 label.
    private const string Yelp =
        "Loved this place, great food.\t1\r\n" +
        "Terrible service, awful food.\t0\r\n" +
        "The staff were friendly and helpful.\t1\r\n" +
        "I hated it.\t0\r\n";

    [Fact]
    public async Task Prints_pearson_r_for_rated_corpora_and_accuracy_for_labelled_ones_beside_their_targets()
    {
        using var folder = new TempFolder();
        string data = WriteCorpora(folder);

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", data);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith($"data: {data}", result.Stdout, StringComparison.Ordinal);
        var (header, rows) = MarkdownTable.Parse(result.Stdout);
        Assert.Equal(["corpus", "n", "metric", "value", "target", "met"], header);
        Assert.Equal(["vader/tweets", "uci/yelp"], rows.Select(row => row[0]));

        string[] tweets = rows[0];
        Assert.Equal(("6", "r", "0.880"), (tweets[1], tweets[2], tweets[4]));
        double r = double.Parse(tweets[3], CultureInfo.InvariantCulture);
        Assert.InRange(r, 0.0, 1.0); // clearly positive and negative texts: the ratings and scores must go together
        Assert.Equal(r >= 0.88 ? "yes" : "no", tweets[5]);

        string[] yelp = rows[1];
        Assert.Equal(("4", "accuracy", "0.836"), (yelp[1], yelp[2], yelp[4]));
        Assert.Equal("1.000", yelp[3]);
        Assert.Equal("yes", yelp[5]);
    }

    [Fact]
    public async Task Json_lists_each_corpus_with_its_metric_and_target()
    {
        using var folder = new TempFolder();
        string data = WriteCorpora(folder);

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", data, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var corpora = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("corpora").EnumerateArray().ToList();
        Assert.Equal([("vader/tweets", 6, "r"), ("uci/yelp", 4, "accuracy")],
            corpora.Select(c => (c.GetProperty("corpus").GetString(), c.GetProperty("n").GetInt32(), c.GetProperty("metric").GetString())));
        Assert.Equal(0.836, corpora[1].GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task A_missing_data_folder_is_a_usage_error_that_says_to_pass_data()
    {
        using var folder = new TempFolder();
        string data = Path.Combine(folder.Path, "no-such-data");

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", data);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"error: {data}: no such folder; pass --data DIR", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Ablation_scores_each_corpus_with_each_part_of_the_engine_left_out()
    {
        using var folder = new TempFolder();
        string data = WriteCorpora(folder);

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", data, "--ablate");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string ablation = result.Stdout[result.Stdout.IndexOf("ablation:", StringComparison.Ordinal)..];
        var rows = ablation.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(rows, r => r[0] == "all (the engine as shipped)");
        Assert.Contains(rows, r => r[0] == "without our lexicon");
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal(3, r.Length); // variant, vader/tweets, uci/yelp
            Assert.InRange(double.Parse(r[2], CultureInfo.InvariantCulture), 0, 1);
        });
    }

    [Fact]
    public async Task Hand_labelled_TWCS_tweets_are_scored_for_label_and_theme_when_the_corpus_is_there()
    {
        using var folder = new TempFolder();
        string data = WriteCorpora(folder);
        var labelled = Evident.Bench.Text.LabelledTweets.Labels().Take(2).ToList();
        Directory.CreateDirectory(Path.Combine(folder.Path, "twcs"));
        folder.Write(Path.Combine("twcs", "twcs_first5000.csv"),
            "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n" +
            $"{labelled[0].Id},1,True,Tue Oct 31 22:10:47 +0000 2017,\"I love this, it is wonderful!\",,\n" +
            $"{labelled[1].Id},1,True,Tue Oct 31 22:11:47 +0000 2017,\"The staff were rude, awful service\",,\n" +
            "999999999,1,True,Tue Oct 31 22:12:47 +0000 2017,a tweet with no label,,\n");

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", data, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var rows = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("corpora").EnumerateArray()
            .Where(c => c.GetProperty("corpus").GetString() == "twcs/labelled").ToList();
        Assert.Equal(["label accuracy", "theme accuracy", "main theme accuracy"], rows.Select(r => r.GetProperty("metric").GetString()));
        Assert.All(rows, r => Assert.Equal(2, r.GetProperty("n").GetInt32())); // the unlabelled tweet is not scored
        double expected = ((labelled[0].Label == "positive" ? 1 : 0) + (labelled[1].Label == "negative" ? 1 : 0)) / 2.0; // plainly good, plainly bad
        Assert.Equal(expected, rows[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_twcs_file_without_its_columns_is_named_with_the_columns_it_has()
    {
        using var folder = new TempFolder();
        string data = WriteCorpora(folder);
        Directory.CreateDirectory(Path.Combine(folder.Path, "twcs"));
        folder.Write(Path.Combine("twcs", "twcs_first5000.csv"), "id,body\n1,hello\n");

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", data);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("twcs_first5000.csv", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("tweet_id", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"body\"", result.Stderr, StringComparison.Ordinal); // the columns the file has
    }

    [Fact]
    public void Every_hand_label_names_a_known_theme_and_a_label()
    {
        var known = TextAnalyzer.Default.Lexicons.Taxonomy.Themes.Select(t => t.Id).Append("none").ToHashSet(StringComparer.Ordinal);
        var labels = Evident.Bench.Text.LabelledTweets.Labels();

        Assert.True(labels.Count >= 120);
        Assert.All(labels, l =>
        {
            Assert.Matches("^[0-9]+$", l.Id);
            Assert.All(l.Themes, t => Assert.Contains(t, known));
            Assert.Contains(l.Label, (string[])["positive", "neutral", "negative"]);
        });
        Assert.Equal(labels.Count, labels.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_labelled_set_is_scored_for_label_theme_and_main_theme_without_data()
    {
        using var folder = new TempFolder();
        string set = folder.Write("airline.tsv",
            "# a comment line\n" +
            "lost-or-damaged-item\tnegative\tThe delivery driver lost my parcel, useless.\n" + // main theme first: right
            "delivery\tnegative\tThe delivery driver lost my parcel, useless.\n" + // found, but not first
            "none\tpositive\tThank you so much, wonderful!\n" +
            "\n" +
            "refund\tpositive\tThe sky is blue.\n"); // neither the theme nor the label reads right

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--sets", set, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var rows = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("corpora").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(("set/airline", 4), (r.GetProperty("corpus").GetString(), r.GetProperty("n").GetInt32())));
        var values = rows.ToDictionary(r => r.GetProperty("metric").GetString()!, r => r.GetProperty("value").GetDouble());
        Assert.Equal(0.75, values["label accuracy"]);
        Assert.Equal(0.75, values["theme accuracy"]);
        Assert.Equal(0.5, values["main theme accuracy"]);
    }

    [Fact]
    public async Task A_folder_of_sets_scores_each_and_all_together()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "sets"));
        folder.Write(Path.Combine("sets", "b.tsv"), "none\tpositive\tWonderful, thank you!\n");
        folder.Write(Path.Combine("sets", "a.tsv"), "none\tnegative\tThis is terrible and awful.\nnone\tneutral\tThe sky is blue.\n");
        folder.Write(Path.Combine("sets", "notes.txt"), "not a set");

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--sets", Path.Combine(folder.Path, "sets"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var (_, rows) = MarkdownTable.Parse(result.Stdout);
        Assert.Equal(["set/a", "set/b", "sets (all)"], rows.Select(r => r[0]).Distinct());
        Assert.Equal("3", rows.First(r => r[0] == "sets (all)")[1]);
    }

    [Fact]
    public async Task Learn_theme_order_prints_the_leads_and_weak_theme_phrases_the_sets_say()
    {
        using var folder = new TempFolder();
        var lines = new System.Text.StringBuilder();
        for (int i = 0; i < 6; i++)
        {
            lines.Append("refund\tnegative\tI want a refund, the flight was delayed\n"); // refund given, delay not: six times
            lines.Append("none\tpositive\tthe crew was lovely\n"); // "crew was" names staff-attitude, which no reader gave
        }
        string set = folder.Write("learn.tsv", lines.ToString());

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--sets", set, "--learn-theme-order");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("# leads: 1 pair,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("refund\tdelay\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("staff-attitude\tcrew was\t6\t0", result.Stdout, StringComparison.Ordinal);

        var none = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", folder.Path, "--learn-theme-order");
        Assert.Equal(ExitCodes.UsageOrInput, none.ExitCode);
        Assert.Contains("--learn-theme-order learns from hand-labelled sets; pass --sets FILE|DIR", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learn_tone_model_prints_the_model_file_the_sets_teach()
    {
        using var folder = new TempFolder();
        var lines = new System.Text.StringBuilder();
        for (int i = 0; i < 5; i++)
        {
            lines.Append("none\tnegative\tstill waiting for my parcel\n");
            lines.Append("none\tneutral\twhere is the depot?\n");
        }
        string set = folder.Write("learn.tsv", lines.ToString());

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--sets", set, "--learn-tone-model");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string file = result.Stdout.ReplaceLineEndings("\n");
        Assert.Contains("learnt from 10 hand-labelled texts", file, StringComparison.Ordinal);
        Assert.Contains("\n<threshold>\t6\t3\n", file, StringComparison.Ordinal);
        Assert.Contains("\nstill wait\t1.792\t", file, StringComparison.Ordinal); // log(6/7) - log(1/7): in all five negative texts, in none of the five others
        var model = Evident.Text.Sentiment.ToneModel.Parse(file, Evident.Text.TextAnalyzer.Default.Lexicons.Vocabulary, "stdout");
        Assert.False(model.IsEmpty);

        var none = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", folder.Path, "--learn-tone-model");
        Assert.Equal(ExitCodes.UsageOrInput, none.ExitCode);
        Assert.Contains("--learn-tone-model learns from hand-labelled sets; pass --sets FILE|DIR", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_line_out_of_format_is_named_by_file_and_line()
    {
        using var folder = new TempFolder();
        string set = folder.Write("bad.tsv", "none\tpositive\tWonderful!\nnone\tgreat\tSo good.\n");

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--sets", set);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("bad.tsv:2: expected the label positive, neutral or negative", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_set_or_an_ablation_without_data_says_what_to_pass()
    {
        using var folder = new TempFolder();
        string set = folder.Write("ok.tsv", "none\tpositive\tWonderful!\n");

        var missing = await CommandRunner.RunAsync(null, "bench", "accuracy", "--sets", Path.Combine(folder.Path, "nope.tsv"));
        var ablate = await CommandRunner.RunAsync(null, "bench", "accuracy", "--sets", set, "--ablate");

        Assert.Equal((ExitCodes.UsageOrInput, ExitCodes.UsageOrInput), (missing.ExitCode, ablate.ExitCode));
        Assert.Contains("nope.tsv: no such file or folder; pass a .tsv set", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("--ablate scores the rated corpora; pass --data", ablate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_data_the_command_says_to_pass_it()
    {
        var result = await CommandRunner.RunAsync(null, "bench", "accuracy");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("--data", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--sets", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_without_corpora_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = await CommandRunner.RunAsync(null, "bench", "accuracy", "--data", folder.Path);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("no corpora found", result.Stderr, StringComparison.Ordinal);
    }

    private static string WriteCorpora(TempFolder folder)
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "vader"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "uci-sentences"));
        folder.Write(Path.Combine("vader", "tweets_GroundTruth.txt"), Tweets);
        folder.Write(Path.Combine("uci-sentences", "yelp_labelled.txt"), Yelp);
        return folder.Path;
    }
}
