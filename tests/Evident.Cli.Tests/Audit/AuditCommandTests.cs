using System.Text.Json;
using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Audit;

public sealed class AuditCommandTests
{
    // Newest first, as social exports are. Lines 2-6: gratitude twice in one post (line 2), sales (3 and 6), listening (5).
    private const string Feed =
        "id,published_at,text\n" +
        "5,2026-03-06 10:00,\"Thank you for coming. Thanks again, see you next year.\"\n" +
        "4,2026-03-05 10:00,Buy now while stocks last.\n" +
        "3,2026-03-04 10:00,Our new clinic opens on Monday.\n" +
        "2,2026-03-03 10:00,We opened a new clinic. Your feedback shaped every room of it! See you there.\n" +
        "1,2026-03-02 10:00,Flash sale this weekend only.\n";

    private static readonly string[] s_signals =
        ["customer-perspective", "employee-focus", "listening", "gratitude", "sales-pressure", "vague-commitment"];

    private static JsonElement Signal(JsonElement report, string name) => report.GetProperty("signals").GetProperty(name);

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public async Task Json_has_the_documented_keys_and_counts_posts_not_matches()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed);

        var result = await CommandRunner.RunAsync(null, "audit", path, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(["n", "file", "date_column", "signals", "we_you"], Keys(report));
        Assert.Equal(5, report.GetProperty("n").GetInt32());
        Assert.Equal(path, report.GetProperty("file").GetString());
        Assert.Equal("published_at", report.GetProperty("date_column").GetString());
        Assert.Equal(s_signals, Keys(report.GetProperty("signals")));
        Assert.All(s_signals, name => Assert.Equal(["count", "rate", "examples"], Keys(Signal(report, name))));

        var gratitude = Signal(report, "gratitude");
        Assert.Equal(1, gratitude.GetProperty("count").GetInt32());
        Assert.Equal(0.2, gratitude.GetProperty("rate").GetDouble());
        var sales = Signal(report, "sales-pressure");
        Assert.Equal(2, sales.GetProperty("count").GetInt32());
        Assert.Equal(0.4, sales.GetProperty("rate").GetDouble());

        var example = Assert.Single(Signal(report, "listening").GetProperty("examples").EnumerateArray());
        Assert.Equal(["line", "sentence", "match"], Keys(example));
        Assert.Equal(5, example.GetProperty("line").GetInt32());
        Assert.Equal("Your feedback shaped every room of it!", example.GetProperty("sentence").GetString());
        Assert.Equal("Your feedback", example.GetProperty("match").GetString());

        var weYou = report.GetProperty("we_you");
        Assert.Equal(["we", "you", "you_focused_posts", "we_focused_posts"], Keys(weYou));
        Assert.Equal(2, weYou.GetProperty("we").GetInt32());
        Assert.Equal(4, weYou.GetProperty("you").GetInt32());
        Assert.Equal(2, weYou.GetProperty("you_focused_posts").GetInt32());
        Assert.Equal(1, weYou.GetProperty("we_focused_posts").GetInt32());
        Assert.Contains("audited ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_takes_the_most_recent_posts_by_the_date_column_not_the_last_rows()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed);

        var result = await CommandRunner.RunAsync(null, "audit", path, "--last", "2", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(2, report.GetProperty("n").GetInt32());
        Assert.Equal(1, Signal(report, "gratitude").GetProperty("count").GetInt32());
        Assert.Equal(1, Signal(report, "sales-pressure").GetProperty("count").GetInt32());
        Assert.Equal(0, Signal(report, "listening").GetProperty("count").GetInt32());
        Assert.Equal([3], Signal(report, "sales-pressure").GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Contains("the 2 most recent of 5 posts, by published_at", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_date_column_last_takes_the_last_rows()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed.Replace("published_at", "channel", StringComparison.Ordinal));

        var result = await CommandRunner.RunAsync(null, "audit", path, "--last", "2", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, report.GetProperty("date_column").ValueKind);
        Assert.Equal(2, report.GetProperty("n").GetInt32());
        Assert.Equal(1, Signal(report, "listening").GetProperty("count").GetInt32());
        Assert.Equal(1, Signal(report, "sales-pressure").GetProperty("count").GetInt32());
        Assert.Equal(0, Signal(report, "gratitude").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_table_has_a_row_per_signal_with_posts_rate_and_an_example()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed);

        var result = await CommandRunner.RunAsync(null, "audit", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.Equal($"{path}: all 5 posts, dated by published_at", lines[0]);
        string[] sales = Cells(Assert.Single(lines, line => line.Contains("sales-pressure", StringComparison.Ordinal)));
        Assert.Equal(["sales-pressure", "2", "40.0%", "line 3: «Buy now» while stocks last."], sales);
        string[] vague = Cells(Assert.Single(lines, line => line.Contains("vague-commitment", StringComparison.Ordinal)));
        Assert.Equal(["vague-commitment", "0", "0.0%", ""], vague);
        Assert.Contains("we/you: 2 we-words, 4 you-words; 2 of 5 posts (40.0%)", result.Stdout, StringComparison.Ordinal);
    }

    private static string[] Cells(string row) => [.. row.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim())];

    [Fact]
    public async Task Html_escapes_what_the_file_says_and_marks_the_match()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv",
            "id,text\n1,Thank you <script>alert(1)</script> for your feedback.\n2,\"Fish & chips <b>today</b>, buy now!\"\n");

        var result = await CommandRunner.RunAsync(null, "audit", path, "--format", "html");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string html = result.Stdout;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Thank you</mark> &lt;script&gt;alert(1)&lt;/script&gt; for your feedback.", html, StringComparison.Ordinal);
        Assert.Contains("Fish &amp; chips &lt;b&gt;today&lt;/b&gt;, <mark>buy now</mark>!", html, StringComparison.Ordinal);

        // Self-contained: nothing loaded from elsewhere.
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Out_writes_the_report_to_a_file()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed);
        string report = Path.Combine(folder.Path, "audit.html");

        var result = await CommandRunner.RunAsync(null, "audit", path, "--format", "html", "--out", report);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("<mark>Buy now</mark> while stocks last.", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_is_a_folder_is_refused_and_an_earlier_report_is_replaced_whole()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed);
        string report = folder.Write("audit.json", "an earlier report");

        var refused = await CommandRunner.RunAsync(null, "audit", path, "--format", "json", "--out", folder.Path);
        var written = await CommandRunner.RunAsync(null, "audit", path, "--format", "json", "--out", report);

        Assert.Equal(ExitCodes.UsageOrInput, refused.ExitCode);
        Assert.Contains($"--out {folder.Path}: is a folder; name the file to write in it, such as {Path.Combine(folder.Path, "audit.json")}", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, written.ExitCode);
        Assert.StartsWith("{", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal(["audit.json", "posts.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_file_without_a_text_column_is_refused_with_the_columns_it_has()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", "id,published_at,caption\n1,2026-03-02,Thank you all\n");

        var result = await CommandRunner.RunAsync(null, "audit", path);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("found no text column", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Columns found: \"id\", \"published_at\", \"caption\".", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--text-column", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_column_picks_the_column_by_name()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", "id,caption\n1,Thank you all\n2,Buy now\n");

        var result = await CommandRunner.RunAsync(null, "audit", path, "--text-column", "caption", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(1, Signal(report, "gratitude").GetProperty("count").GetInt32());
        Assert.Equal(1, Signal(report, "sales-pressure").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_row_with_a_bad_date_is_skipped_with_its_line_and_column_and_the_others_counted()
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed.Replace("2026-03-05 10:00", "last Tuesday", StringComparison.Ordinal));

        var result = await CommandRunner.RunAsync(null, "audit", path, "--format", "json");

        Assert.Equal(ExitCodes.RowsFailed, result.ExitCode);
        Assert.Contains($"{path}:3: column published_at: expected a date and time", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("skipped 1 row", result.Stderr, StringComparison.Ordinal);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(4, report.GetProperty("n").GetInt32());
        Assert.Equal(1, Signal(report, "sales-pressure").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Date_column_names_the_column_that_dates_the_posts()
    {
        using var folder = new TempFolder();
        // "when" is no usual date name, and in file order the last post would be the sale.
        string path = folder.Write("posts.csv", "when,text\n2026-03-09,Thank you all\n2026-03-01,Buy now\n");

        var result = await CommandRunner.RunAsync(null, "audit", path, "--date-column", "when", "--last", "1", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("when", report.GetProperty("date_column").GetString());
        Assert.Equal(1, Signal(report, "gratitude").GetProperty("count").GetInt32());
        Assert.Equal(0, Signal(report, "sales-pressure").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("posts.csv", "")]
    [InlineData("posts.csv", "id,published_at,text\n")]
    [InlineData("posts.txt", "")]
    public async Task An_empty_feed_gives_n_zero_and_rates_of_zero(string name, string content)
    {
        using var folder = new TempFolder();
        string path = folder.Write(name, content);

        var result = await CommandRunner.RunAsync(null, "audit", path, "--format", "json", "--last", "10");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(0, report.GetProperty("n").GetInt32());
        Assert.All(s_signals, s =>
        {
            Assert.Equal(0, Signal(report, s).GetProperty("count").GetInt32());
            Assert.Equal(0.0, Signal(report, s).GetProperty("rate").GetDouble());
        });
    }

    [Fact]
    public async Task A_missing_file_is_an_error()
    {
        using var folder = new TempFolder();

        var result = await CommandRunner.RunAsync(null, "audit", Path.Combine(folder.Path, "nope.csv"));

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("nope.csv: no such file", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--last", "0", "--last must be at least 1.")]
    [InlineData("--examples", "-1", "--examples must be 0 or more.")]
    [InlineData("--format", "pdf", "pdf")]
    [InlineData("--date-column", "posted", "there is no column \"posted\" for --date-column")]
    public async Task Bad_options_are_refused(string option, string value, string message)
    {
        using var folder = new TempFolder();
        string path = folder.Write("posts.csv", Feed);

        var result = await CommandRunner.RunAsync(null, "audit", path, option, value);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }
}
