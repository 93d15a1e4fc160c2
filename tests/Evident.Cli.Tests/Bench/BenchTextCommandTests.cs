using System.Globalization;
using System.Text.Json;
using Evident.Bench.Text;
using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Bench;

public sealed class BenchTextCommandTests
{
    private const string Survey =
        "id,comment\n" +
        "1,I was on hold for 40 minutes and nobody helped\n" +
        "2,\"The nurse was lovely, and the doctor explained everything\"\n" +
        "3,Billed twice for the same appointment\n" +
        "4,Quick and easy\n";

    [Fact]
    public async Task Prints_the_machine_and_both_modes_on_one_thread_and_on_all_cores_with_positive_rates()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--seconds", "1");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string firstLine = result.Stdout.Split('\n')[0];
        Assert.StartsWith("machine: ", firstLine, StringComparison.Ordinal);
        Assert.Contains($"{Environment.ProcessorCount} processor", firstLine, StringComparison.Ordinal);
        Assert.Contains($"input: {path}, 4 texts, ", firstLine, StringComparison.Ordinal);

        var (header, rows) = MarkdownTable.Parse(result.Stdout);
        Assert.Equal(["mode", "threads", "texts/s", "MB/s", "bytes allocated/text"], header);
        Assert.Equal(
            [("sentiment", 1), ("sentiment", Environment.ProcessorCount), ("full", 1), ("full", Environment.ProcessorCount)],
            rows.Select(row => (row[0], int.Parse(row[1], CultureInfo.InvariantCulture))));
        foreach (string[] row in rows)
        {
            Assert.True(Number(row[2]) > 0, $"texts/s in {string.Join(" | ", row)}");
            Assert.True(Number(row[3]) > 0, $"MB/s in {string.Join(" | ", row)}");
            Assert.True(Number(row[4]) >= 0, $"bytes/text in {string.Join(" | ", row)}");
        }

        Assert.Contains("measuring full, 1 thread", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_carries_the_machine_the_input_and_every_measurement()
    {
        using var folder = new TempFolder();
        string path = folder.Write("texts.txt", "fine\n\nnot fine at all\nthree\n");

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--seconds", "0.1", "--limit", "2", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(Environment.ProcessorCount, report.GetProperty("machine").GetProperty("processorCount").GetInt32());
        Assert.Equal(2, report.GetProperty("input").GetProperty("texts").GetInt32());
        Assert.Equal(9.5, report.GetProperty("input").GetProperty("meanChars").GetDouble());
        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["sentiment", "sentiment", "full", "full"], results.Select(r => r.GetProperty("mode").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("textsPerSecond").GetDouble() > 0));
    }

    [Fact]
    public async Task Rounds_report_each_measurements_median_with_the_range_and_alternate_the_order()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--seconds", "0.05", "--rounds", "3");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var (header, rows) = MarkdownTable.Parse(result.Stdout);
        Assert.Equal(["mode", "threads", "texts/s (median of 3)", "range", "MB/s", "bytes allocated/text"], header);
        Assert.Equal(4, rows.Count);
        foreach (string[] row in rows)
        {
            string[] range = row[3].Split(" – ");
            Assert.True(Number(range[0]) <= Number(row[2]) && Number(row[2]) <= Number(range[1]), string.Join(" | ", row));
        }

        // each measurement three times; the second round runs backwards, so it opens with the full analysis on all cores
        var steps = result.Stderr.Split('\n').Where(line => line.StartsWith("measuring ", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, steps.Count);
        Assert.StartsWith("measuring sentiment, 1 thread (round 1 of 3)", steps[0], StringComparison.Ordinal);
        Assert.StartsWith($"measuring full, {Environment.ProcessorCount} threads (round 2 of 3)", steps[4], StringComparison.Ordinal);
        Assert.StartsWith("measuring sentiment, 1 thread (round 3 of 3)", steps[8], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_after_rounds_carries_the_count_and_the_range()
    {
        using var folder = new TempFolder();
        string path = folder.Write("texts.txt", "fine\nnot fine at all\n");

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--seconds", "0.05", "--rounds", "2", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var results = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(2, r.GetProperty("rounds").GetInt32());
            double rate = r.GetProperty("textsPerSecond").GetDouble();
            Assert.InRange(rate, r.GetProperty("minTextsPerSecond").GetDouble(), r.GetProperty("maxTextsPerSecond").GetDouble());
        });
    }

    [Fact]
    public async Task A_missing_input_file_is_a_usage_error()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "absent.csv");

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--seconds", "0.1");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"error: {path}: no such file", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("--seconds", "0")]
    [InlineData("--limit", "0")]
    [InlineData("--rounds", "0")]
    public async Task Seconds_and_limit_must_be_positive(string option, string value)
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, option, value);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"{option} must be", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_runs_both_builds_in_alternating_rounds_and_finds_no_difference_between_a_build_and_itself()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);
        string engine = Path.GetDirectoryName(typeof(Evident.Text.TextAnalyzer).Assembly.Location)!;

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--compare", engine, "--seconds", "0.02", "--rounds", "3");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.StartsWith("machine: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"baseline: {Path.Combine(engine, "Evident.Text.dll")}", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("this build: ", lines[2], StringComparison.Ordinal);
        var (header, rows) = MarkdownTable.Parse(result.Stdout);
        Assert.Equal(["mode", "baseline texts/s", "this build texts/s", "this / baseline (median of 3)", "range"], header);
        Assert.Equal(["sentiment", "full"], rows.Select(row => row[0]));
        foreach (string[] row in rows)
        {
            Assert.True(Number(row[1]) > 0 && Number(row[2]) > 0, string.Join(" | ", row));
            string[] range = row[4].Split(" – ");
            Assert.True(Number(range[0]) <= Number(row[3]) && Number(row[3]) <= Number(range[1]), string.Join(" | ", row));
        }
        Assert.Contains("outputs on 4 texts: sentiment differs on 0, the full analysis on 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("measuring full, round 3 of 3", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_as_json_carries_both_builds_the_speeds_and_the_differences()
    {
        using var folder = new TempFolder();
        string path = folder.Write("texts.txt", "fine\nnot fine at all\n");
        string engine = Path.GetDirectoryName(typeof(Evident.Text.TextAnalyzer).Assembly.Location)!;

        var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--compare", engine, "--seconds", "0.02", "--rounds", "2", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(Path.Combine(engine, "Evident.Text.dll"), report.GetProperty("baseline").GetProperty("path").GetString());
        Assert.Equal(0.02, report.GetProperty("secondsPerWindow").GetDouble());
        var comparison = report.GetProperty("result");
        Assert.Equal(2, comparison.GetProperty("texts").GetInt32());
        Assert.Equal(0, comparison.GetProperty("sentimentDifferences").GetInt32());
        Assert.Equal(0, comparison.GetProperty("analysisDifferences").GetInt32());
        var speeds = comparison.GetProperty("speeds").EnumerateArray().ToList();
        Assert.Equal(["sentiment", "full"], speeds.Select(r => r.GetProperty("mode").GetString()));
        Assert.All(speeds, r =>
        {
            Assert.Equal(2, r.GetProperty("rounds").GetInt32());
            Assert.InRange(r.GetProperty("ratio").GetDouble(), r.GetProperty("minRatio").GetDouble(), r.GetProperty("maxRatio").GetDouble());
        });
    }

    [Fact]
    public void Comparison_counts_the_texts_whose_outputs_differ_and_keeps_the_first_as_examples()
    {
        string[] texts =
        [
            "I was on hold for 40 minutes and nobody called me back",
            "Quick and easy",
            "Never again, still waiting for my refund",
            "The nurse was lovely",
            "Transferred three times and nothing resolved",
        ];
        var vader = new Evident.Text.TextAnalyzer(Evident.Text.TextAnalyzer.Default.Lexicons, Evident.Text.Sentiment.SentimentOptions.Vader);
        var baseline = EngineBuild.Of(vader, "vader rules");
        var candidate = EngineBuild.Of(Evident.Text.TextAnalyzer.Default, "default rules");
        int expected = texts.Count(t => vader.ScoreSentiment(t).Compound != Evident.Text.TextAnalyzer.Default.ScoreSentiment(t).Compound);

        var result = BuildComparison.Run(baseline, candidate, texts, TimeSpan.FromMilliseconds(10), 2);

        Assert.InRange(expected, 1, texts.Length - 1); // the texts must tell the two rule sets apart, and not all of them
        Assert.Equal(expected, result.SentimentDifferences);
        Assert.True(result.AnalysisDifferences >= expected, $"{result.AnalysisDifferences} full analyses differ");
        var sentimentExamples = result.Examples.Where(e => e.Mode == "sentiment").ToList();
        Assert.Equal(expected, sentimentExamples.Count);
        Assert.All(sentimentExamples, e =>
        {
            Assert.Equal(texts[e.Row], e.Text);
            Assert.Equal(vader.ScoreSentiment(e.Text).Compound, double.Parse(e.Baseline, CultureInfo.InvariantCulture));
            Assert.Equal(Evident.Text.TextAnalyzer.Default.ScoreSentiment(e.Text).Compound, double.Parse(e.Candidate, CultureInfo.InvariantCulture));
        });
        Assert.Equal(["sentiment", "full"], result.Speeds.Select(s => s.Mode));
        Assert.All(result.Speeds, s => Assert.Equal(2, s.Rounds));
    }

    [Fact]
    public async Task Compare_names_what_is_wrong_with_the_build_it_was_given()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);
        string junk = folder.Write("junk.dll", "not an assembly");
        string otherAssembly = typeof(BenchTextCommandTests).Assembly.Location;

        (string Compare, string Expected)[] cases =
        [
            (Path.Combine(folder.Path, "absent.dll"), "absent.dll: no such file"),
            (folder.Path, "no Evident.Text.dll in this folder"),
            (junk, "junk.dll: not a .NET assembly"),
            (otherAssembly, "holds no Evident.Text.TextAnalyzer"),
        ];
        foreach (var (compare, expected) in cases)
        {
            var result = await CommandRunner.RunAsync(null, "bench", "text", path, "--compare", compare, "--seconds", "0.02", "--rounds", "1");

            Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
            Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
            Assert.Equal("", result.Stdout);
        }
    }

    private static double Number(string cell) =>
        double.Parse(cell, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
