using System.Text.Json;
using Evident.Cli.Tests.Analyze;
using Evident.Cli.Tests.Bench;

namespace Evident.Cli.Tests.Phrases;

public sealed class PhrasesCommandTests
{
    // "night shuttle" recurs in four rows (data rows 0, 1, 3 and 6); no other phrase recurs.
    private const string Reviews =
        "id,comment\n" +
        "1,the night shuttle never came and we waited in the cold\n" +
        "2,Booked the night shuttle online but the driver went to the wrong terminal\n" +
        "3,check-in desk staff were friendly and quick\n" +
        "4,our night shuttle left early without us\n" +
        "5,\"room was clean, but the wifi kept dropping\"\n" +
        "6,breakfast buffet ran out of eggs by eight\n" +
        "7,is there a night shuttle from the airport after midnight\n" +
        "8,parking fees are far too high for guests\n" +
        "9,the pool closed for maintenance all week\n" +
        "10,lovely view from the balcony\n";

    [Fact]
    public async Task The_table_lists_a_phrase_recurring_in_four_texts_with_an_example()
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.csv", Reviews);

        var result = await CommandRunner.RunAsync(null, "phrases", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var (header, rows) = MarkdownTable.Parse(result.Stdout);
        Assert.Equal(["rank", "phrase", "texts", "occurrences", "score", "example"], header);
        string[] row = Assert.Single(rows, cells => cells[1] == "night shuttle");
        Assert.Equal("4", row[2]);
        Assert.Equal("4", row[3]);
        Assert.Equal("the «night shuttle» never came and we waited in the cold", row[5]);
        Assert.Contains("read 10 texts, ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_gives_each_phrase_with_its_examples_rows_and_spans()
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.csv", Reviews);

        var result = await CommandRunner.RunAsync(null, "phrases", path, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(path, report.GetProperty("input").GetString());
        Assert.Equal(10, report.GetProperty("texts").GetInt32());
        var phrase = Assert.Single(report.GetProperty("phrases").EnumerateArray(), p => p.GetProperty("phrase").GetString() == "night shuttle");
        Assert.Equal(4, phrase.GetProperty("texts").GetInt32());
        Assert.Equal(4, phrase.GetProperty("occurrences").GetInt32());
        Assert.True(phrase.GetProperty("score").GetDouble() > 0);

        var examples = phrase.GetProperty("examples").EnumerateArray().ToList();
        Assert.NotEmpty(examples);
        Assert.Equal(0, examples[0].GetProperty("row").GetInt32());
        Assert.Equal("the night shuttle never came and we waited in the cold", examples[0].GetProperty("text").GetString());
        Assert.All(examples, example => Assert.Equal("night shuttle", SpanText(example)));
    }

    [Fact]
    public async Task A_phrase_in_fewer_texts_than_min_texts_is_not_listed()
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.csv", Reviews);

        var table = await CommandRunner.RunAsync(null, "phrases", path, "--min-texts", "5");
        var json = await CommandRunner.RunAsync(null, "phrases", path, "--min-texts", "5", "--json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.DoesNotContain("night shuttle", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("read 10 texts, 0 phrases", table.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.DoesNotContain(
            JsonDocument.Parse(json.Stdout).RootElement.GetProperty("phrases").EnumerateArray(),
            p => p.GetProperty("phrase").GetString() == "night shuttle");
    }

    [Fact]
    public async Task A_missing_text_column_exits_with_code_2_and_lists_the_columns()
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.csv", Reviews);

        var result = await CommandRunner.RunAsync(null, "phrases", path, "--text-column", "note");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("there is no column named \"note\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"id\", \"comment\"", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_missing_file_exits_with_code_2_and_names_the_file()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "missing.csv");

        var result = await CommandRunner.RunAsync(null, "phrases", path);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"error: {path}: no such file", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Bad_rows_are_reported_and_skipped_and_the_exit_code_is_1()
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.csv", "id,comment\n0,a bad \"quote\n" + Reviews[(Reviews.IndexOf('\n') + 1)..]);

        var result = await CommandRunner.RunAsync(null, "phrases", path, "--json");

        Assert.Equal(ExitCodes.RowsFailed, result.ExitCode);
        Assert.Contains($"{path}:2:9: quote inside an unquoted field", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("read 10 texts (1 row skipped), ", result.Stderr, StringComparison.Ordinal);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(10, report.GetProperty("texts").GetInt32());
        var phrase = Assert.Single(report.GetProperty("phrases").EnumerateArray(), p => p.GetProperty("phrase").GetString() == "night shuttle");
        Assert.Equal(4, phrase.GetProperty("texts").GetInt32());

        // Rows are the input's data rows, as in analyze: the failed row still counts.
        Assert.Equal(1, phrase.GetProperty("examples")[0].GetProperty("row").GetInt32());
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--min-texts", "0")]
    public async Task Top_and_min_texts_must_be_positive(string option, string value)
    {
        using var folder = new TempFolder();
        string path = folder.Write("reviews.csv", Reviews);

        var result = await CommandRunner.RunAsync(null, "phrases", path, option, value);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"{option} must be at least 1", result.Stderr, StringComparison.Ordinal);
    }

    private static string SpanText(JsonElement example) =>
        example.GetProperty("text").GetString()!.Substring(example.GetProperty("start").GetInt32(), example.GetProperty("length").GetInt32());
}
