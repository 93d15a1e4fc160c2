using System.Globalization;
using Evident.Bench.Text;
using Evident.Text;
using Spectre.Console;

namespace Evident.Cli.Bench;

/// <summary>One run of <c>evident bench accuracy</c>: find the corpora, score every text, compare with the targets.</summary>
/// <param name="data">The <c>--data</c> folder: the benchmark reads the corpora only where it is told to.</param>
internal sealed class BenchAccuracyRun(string data, bool json, TextWriter stdout, TextWriter stderr)
{
    /// <summary>Also print the ablation table: each lexicon and rule beyond VADER left out in turn.</summary>
    public bool Ablate { get; init; }

    public int Execute()
    {
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

        Print(Path.GetFullPath(folder), rows);
        if (Ablate && !json)
        {
            PrintAblation(corpora.Where(c => c.Texts.Count > 0).ToList());
        }
        return ExitCodes.Success;
    }

    /// <summary>The hand-labelled TWCS tweets: the share labelled as the person did, and the share given a theme they accept.</summary>
    private static IEnumerable<AccuracyRow> LabelledTweetRows(LabelledTweetResult result)
    {
        if (result.N == 0)
        {
            yield break;
        }
        yield return new AccuracyRow("twcs/labelled", result.N, "label accuracy", (double)result.LabelsRight / result.N, null, null);
        yield return new AccuracyRow("twcs/labelled", result.N, "theme accuracy", (double)result.ThemesRight / result.N, null, null);
    }

    private void Print(string folder, List<AccuracyRow> rows)
    {
        if (json)
        {
            BenchConsole.WriteJson(stdout, new BenchAccuracyReport(folder, rows));
            return;
        }

        stdout.WriteLine($"data: {folder}");
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

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInput;
    }
}

