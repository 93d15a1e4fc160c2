using System.Text.Json;
using Evident.Cli.Analyze;
using Evident.Text;

namespace Evident.Cli.Tests.Analyze;

public sealed class AnalyzeCommandTests
{
    private const string Survey =
        "id,comment,score\n" +
        "1,I was on hold for 40 minutes and nobody helped,2\n" +
        "2,\"Friendly staff,\nquick answer\",9\n" +
        "3,Sorted in one call,8\n";

    [Fact]
    public async Task Each_row_becomes_one_json_line_in_input_order()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path);
        var lines = result.JsonLines();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal([0, 1, 2], lines.Select(line => line.GetProperty("row").GetInt32()));
        Assert.Equal([2, 3, 5], lines.Select(line => line.GetProperty("line").GetInt32()));
        Assert.Equal("Friendly staff,\nquick answer", lines[1].GetProperty("sentences")[0].GetProperty("text").GetString());
        Assert.Equal("negative", lines[0].GetProperty("sentiment").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Rows_stay_in_input_order_across_many_batches()
    {
        using var folder = new TempFolder();
        var rows = Enumerable.Range(0, 5_000).Select(i => $"{i},comment number {i}");
        string path = folder.Write("many.csv", "id,comment\n" + string.Join('\n', rows));

        var lines = (await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path)).JsonLines();

        Assert.Equal(5_000, lines.Count);
        Assert.Equal(Enumerable.Range(0, 5_000), lines.Select(line => line.GetProperty("row").GetInt32()));
        Assert.Equal("comment number 4999", lines[^1].GetProperty("sentences")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_malformed_row_is_replaced_by_an_error_object_and_reported_on_stderr()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", "id,comment\n1,fine\n2,\"multi\nline\"\n3,bad \"quote\n4\n5,fine again\n");

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path);
        var lines = result.JsonLines();

        Assert.Equal(ExitCodes.RowsFailed, result.ExitCode);
        Assert.Equal([0, 1, 2, 3, 4], lines.Select(line => line.GetProperty("row").GetInt32()));
        var error = lines[2].GetProperty("error");
        Assert.Equal((5, 7), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
        Assert.Equal(JsonValueKind.Null, lines[3].GetProperty("error").GetProperty("column").ValueKind);
        Assert.Contains($"{path}:5:7: quote inside an unquoted field", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{path}:6: row has 1 field(s) but the text column \"comment\" is field 2", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"analysed 5 rows \(2 errors\) in \d+\.\d s", result.Stderr);
    }

    [Fact]
    public async Task A_row_whose_text_an_unquoted_comma_split_is_an_error_not_a_text_cut_short()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", "id,comment\n1,fine\n2,late, again\n3,ends with the delimiter,\n");

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path);
        var lines = result.JsonLines();

        Assert.Equal(ExitCodes.RowsFailed, result.ExitCode);
        Assert.Equal(3, lines.Count);
        var error = lines[1].GetProperty("error");
        Assert.Equal((3, 8), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32())); // where " again" starts
        Assert.Contains($"{path}:3:8: the row has 3 fields where the header has 2", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("ends with the delimiter", lines[2].GetProperty("sentences")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_failure_inside_the_engine_costs_only_that_row()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.txt", "fine\nboom goes the engine\nfine again\n");

        var result = await CommandRunner.RunAsync(FakeEngine.FailOnBoom, "analyze", path);
        var lines = result.JsonLines();

        Assert.Equal(ExitCodes.RowsFailed, result.ExitCode);
        Assert.Equal(3, lines.Count);
        Assert.Contains("engine broke", lines[1].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(lines[2].TryGetProperty("sentiment", out _));
    }

    [Fact]
    public async Task The_json_shape_carries_spans_with_their_text_and_rounded_numbers()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "{\"comment\":\"Waited on hold\"}\n");

        var line = (await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path)).JsonLines()[0];

        Assert.Equal(-0.6123, line.GetProperty("sentiment").GetProperty("compound").GetDouble());
        Assert.Equal(0.3333, line.GetProperty("effort").GetDouble());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("readability").ValueKind);
        var span = line.GetProperty("themes")[0].GetProperty("spans")[0];
        Assert.Equal("{\"start\":0,\"length\":6,\"text\":\"Waited\",\"rule\":\"rule:first-word\"}", span.GetRawText());
        Assert.Equal("wait-time", line.GetProperty("themes")[0].GetProperty("id").GetString());
        Assert.Equal(40, line.GetProperty("friction")[0].GetProperty("minutes").GetDouble());
        Assert.Equal(2, line.GetProperty("signals").GetProperty("apology").GetArrayLength());
        Assert.Equal(0.5, line.GetProperty("perspective").GetProperty("you_focus").GetDouble());
        Assert.Equal("en", line.GetProperty("language").GetString());
    }

    [Fact]
    public async Task The_out_option_writes_the_json_to_a_file_and_nothing_to_standard_output()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);
        string output = Path.Combine(folder.Path, "out.jsonl");

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path, "--out", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(3, File.ReadAllLines(output).Length);
        Assert.Contains("analysed 3 rows (0 errors)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_stopped_part_way_leaves_the_earlier_output_file_as_it_was_and_no_partial_file()
    {
        using var folder = new TempFolder();
        string path = folder.Write("many.csv", "id,comment\n" + string.Join('\n', Enumerable.Range(0, 20_000).Select(i => $"{i},comment {i}")));
        string output = folder.Write("out.jsonl", "an earlier run's output\n");
        using var stop = new CancellationTokenSource();
        int analysed = 0;
        TextAnalysis StopAfterAFewBatches(string text)
        {
            if (Interlocked.Increment(ref analysed) == 5_000)
            {
                stop.Cancel(); // as Ctrl+C would, with a few batches already written
            }

            return FakeEngine.Analyse(text);
        }

        using var stderr = new StringWriter();
        int exitCode = await Program.RunAsync(new System.CommandLine.RootCommand { AnalyzeCommand.Create(StopAfterAFewBatches) },
            ["analyze", path, "--out", output], new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = stderr }, stop.Token);

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Equal("an earlier run's output\n", File.ReadAllText(output));
        Assert.Equal(["many.csv", "out.jsonl"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_output_file_in_a_folder_that_does_not_exist_names_the_folder()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);
        string missing = Path.Combine(folder.Path, "no-such-folder");

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path, "--out", Path.Combine(missing, "out.jsonl"));

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"the folder {missing} does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_is_a_folder_is_refused_before_the_engine_loads()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);

        var result = await CommandRunner.RunAsync(_ => throw new InvalidOperationException("the engine was loaded"), "analyze", path, "--out", folder.Path);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"--out {folder.Path}: is a folder; name the file to write in it, such as {Path.Combine(folder.Path, "analysis.jsonl")}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["survey.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_column_number_picks_the_text_column()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.tsv", "a\tb\nignored\tWaited on hold\n");

        var line = (await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path, "--text-column", "2")).JsonLines()[0];

        Assert.Equal("Waited on hold", line.GetProperty("sentences")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_missing_file_exits_with_code_2_and_names_the_file()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "missing.csv");

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"{path}: no such file", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_missing_text_column_exits_with_code_2_and_lists_the_columns()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,score,note\n1,9,fine\n");
        string output = folder.Write("out.jsonl", "keep me");

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path, "--out", output);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("\"id\", \"score\", \"note\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--text-column", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(output));
    }

    [Fact]
    public async Task Writing_over_the_input_file_is_refused()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", Survey);

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path, "--out", path);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Equal(Survey, File.ReadAllText(path));
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", "a.csv", "--format", "xml");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("xml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_format_given_explicitly_is_used_for_any_extension()
    {
        using var folder = new TempFolder();
        string path = folder.Write("export.dat", "{\"body\":\"on hold\"}\n");

        var result = await CommandRunner.RunAsync(FakeEngine.Analyse, "analyze", path, "--format", "jsonl");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Single(result.JsonLines());
    }
}
