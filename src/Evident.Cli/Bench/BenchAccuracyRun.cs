using System.Globalization;
using Evident.Bench.Text;
using Evident.Text;
using Spectre.Console;

namespace Evident.Cli.Bench;

/// <summary>One run of <c>evident bench accuracy</c>: find the corpora, score every text, compare with the targets.</summary>
/// <param name="data">The <c>--data</c> folder: the benchmark reads the corpora only where it is told to.</param>
internal sealed class BenchAccuracyRun(string? data, bool json, TextWriter stdout, TextWriter stderr)
{
    /// <summary>Also print the ablation table: each lexicon and rule beyond VADER left out in turn.</summary>
    public bool Ablate { get; init; }

    /// <summary>The <c>--sets</c> paths: hand-labelled sets (<see cref="LabelledSets"/>), files or folders of them.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>Print the theme order learnt from the <see cref="Sets"/> (<see cref="ThemeOrderLearner"/>) instead of scoring.</summary>
    public bool LearnThemeOrder { get; init; }

    /// <summary>Print the learnt tone learnt from the <see cref="Sets"/> (<see cref="ToneModelLearner"/>) instead of scoring.</summary>
    public bool LearnToneModel { get; init; }

    public int Execute()
    {
        if (data is null && Sets.Count == 0)
        {
            return Fail("nothing to score; pass --data DIR, the folder holding vader/ and uci-sentences/, or --sets FILE|DIR");
        }
        if (data is null && Ablate)
        {
            return Fail("--ablate scores the rated corpora; pass --data DIR as well");
        }
        var sets = new List<(string Name, IReadOnlyList<LabelledTweet> Texts)>();
        foreach (string path in Sets)
        {
            try
            {
                sets.AddRange(LabelledSets.Load(path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return Fail(exception.Message);
            }
        }
        if (LearnThemeOrder)
        {
            if (sets.Count == 0)
            {
                return Fail("--learn-theme-order learns from hand-labelled sets; pass --sets FILE|DIR");
            }
            PrintThemeOrder(ThemeOrderLearner.Learn(TextAnalyzer.Default, sets.SelectMany(s => s.Texts)));
            return ExitCodes.Success;
        }
        if (LearnToneModel)
        {
            if (sets.Count == 0)
            {
                return Fail("--learn-tone-model learns from hand-labelled sets; pass --sets FILE|DIR");
            }
            stdout.Write(ToneModelLearner.Learn(TextAnalyzer.Default.Lexicons.Vocabulary, sets.SelectMany(s => s.Texts)).Format());
            return ExitCodes.Success;
        }
        if (data is null)
        {
            Print(null, [.. SetRows(sets)]);
            return ExitCodes.Success;
        }

        string folder = data;
        if (!Directory.Exists(folder))
        {
            return Fail($"{folder}: no such folder; pass --data DIR, the folder holding vader/ and uci-sentences/");
        }

        IReadOnlyList<LabelledCorpus> corpora;
        try
        {
            corpora = SentimentAccuracy.LoadAll(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail($"{folder}: {exception.Message}");
        }

        var rows = new List<AccuracyRow>();
        foreach (var corpus in corpora)
        {
            if (corpus.Texts.Count == 0)
            {
                stderr.WriteLine($"skipped {corpus.Name}: its file holds no rated texts");
                continue;
            }

            rows.Add(AccuracyRow.From(SentimentAccuracy.Evaluate(TextAnalyzer.Default, corpus), corpus.Binary));
        }

        string twcs = Path.Combine(folder, "twcs", "twcs_first5000.csv");
        if (File.Exists(twcs))
        {
            try
            {
                rows.AddRange(LabelledTweetRows(LabelledTweets.Evaluate(TextAnalyzer.Default, LabelledTweets.Load(twcs))));
            }
            catch (IOException exception)
            {
                return Fail($"{twcs}: {exception.Message}");
            }
        }

        if (rows.Count == 0)
        {
            return Fail($"{folder}: no corpora found; expected vader/*_GroundTruth.txt, uci-sentences/*_labelled.txt or twcs/twcs_first5000.csv");
        }
        rows.AddRange(SetRows(sets));

        Print(Path.GetFullPath(folder), rows);
        if (Ablate && !json)
        {
            PrintAblation(corpora.Where(c => c.Texts.Count > 0).ToList());
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// The hand-labelled TWCS tweets: the share labelled as the person did, the share given a theme they accept, and the share
    /// whose first-listed theme is one they accept.
    /// </summary>
    private static IEnumerable<AccuracyRow> LabelledTweetRows(LabelledTweetResult result) => LabelledRows("twcs/labelled", result);

    private static IEnumerable<AccuracyRow> LabelledRows(string corpus, LabelledTweetResult result)
    {
        if (result.N == 0)
        {
            yield break;
        }
        yield return new AccuracyRow(corpus, result.N, "label accuracy", (double)result.LabelsRight / result.N, null, null);
        yield return new AccuracyRow(corpus, result.N, "theme accuracy", (double)result.ThemesRight / result.N, null, null);
        yield return new AccuracyRow(corpus, result.N, "main theme accuracy", (double)result.MainThemesRight / result.N, null, null);
    }

    /// <summary>Each <c>--sets</c> set's rows, named <c>set/NAME</c>, then the sets together when there are several.</summary>
    private static IEnumerable<AccuracyRow> SetRows(List<(string Name, IReadOnlyList<LabelledTweet> Texts)> sets)
    {
        var total = new LabelledTweetResult(0, 0, 0, 0);
        foreach (var (name, texts) in sets)
        {
            var result = LabelledTweets.Evaluate(TextAnalyzer.Default, texts);
            total = total.Plus(result);
            foreach (var row in LabelledRows("set/" + name, result))
            {
                yield return row;
            }
        }
        if (sets.Count > 1)
        {
            foreach (var row in LabelledRows("sets (all)", total))
            {
                yield return row;
            }
        }
    }

    private void Print(string? folder, List<AccuracyRow> rows)
    {
        if (json)
        {
            BenchConsole.WriteJson(stdout, new BenchAccuracyReport(folder, rows));
            return;
        }

        if (folder is not null)
        {
            stdout.WriteLine($"data: {folder}");
        }
        var table = new Table()
            .AddColumn("corpus")
            .AddColumn(new TableColumn("n").RightAligned())
            .AddColumn("metric")
            .AddColumn(new TableColumn("value").RightAligned())
            .AddColumn(new TableColumn("target").RightAligned())
            .AddColumn("met");
        foreach (var row in rows)
        {
            table.AddRow(
                row.Corpus,
                row.N.ToString("N0", CultureInfo.InvariantCulture),
                row.Metric,
                row.Value.ToString("0.000", CultureInfo.InvariantCulture),
                row.Target?.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
                row.Met switch { true => "yes", false => "no", null => "" });
        }

        BenchConsole.WriteTable(stdout, table);
    }

    private void PrintAblation(List<LabelledCorpus> corpora)
    {
        stdout.WriteLine();
        stdout.WriteLine("ablation: r (VADER corpora) or accuracy (UCI) with one part of the engine changed");
        var table = new Table().AddColumn("variant");
        foreach (var corpus in corpora)
        {
            table.AddColumn(new TableColumn(corpus.Name).RightAligned());
        }
        foreach (var variant in SentimentAblation.Variants())
        {
            var cells = new List<string> { variant.Name };
            foreach (var corpus in corpora)
            {
                var result = SentimentAccuracy.Evaluate(variant.Analyzer, corpus);
                cells.Add((corpus.Binary ? result.BinaryAccuracy : result.PearsonR).ToString("0.000", CultureInfo.InvariantCulture));
            }
            table.AddRow([.. cells]);
        }
        BenchConsole.WriteTable(stdout, table);
    }

    /// <summary>The learnt leads, a line per theme as its <c>"leads"</c> in themes.json, then weak_theme_phrases.tsv's lines.</summary>
    private void PrintThemeOrder(ThemeOrderLearner.Learnt learnt)
    {
        stdout.WriteLine($"# leads: {learnt.Leads.Count} {(learnt.Leads.Count == 1 ? "pair" : "pairs")}, each put so at least {ThemeOrderLearner.LeadMinimum} times and more than {ThemeOrderLearner.LeadRatio} times as often as the reverse");
        foreach (var theme in learnt.Leads.GroupBy(l => l.Theme))
        {
            stdout.WriteLine($"{theme.Key}\t{string.Join(", ", theme.Select(l => l.Over))}");
        }
        stdout.WriteLine($"# weak theme phrases: {learnt.WeakPhrases.Count} (theme, phrase, texts it named the theme in, texts whose reader gave it)");
        foreach (var weak in learnt.WeakPhrases)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{weak.Theme}\t{weak.Phrase}\t{weak.Named}\t{weak.Given}"));
        }
    }

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInput;
    }
}

