using System.Globalization;
using System.Text;
using System.Text.Json;
using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Reports;

/// <summary><c>evident metrics</c>, <c>report</c> and <c>brief</c> on a real SQLite workspace built with <c>evident import</c>.</summary>
public sealed class MetricsAndReportTests
{
    /// <summary>60 answers: 36 promoters, 24 detractors (NPS 20); ten CSAT answers, 8 satisfied; one comment is hostile HTML.</summary>
    private static async Task<string> WorkspaceAsync(TempFolder folder)
    {
        var survey = new StringBuilder("id,date,nps,comment,segment,team\n");
        for (int i = 0; i < 60; i++)
        {
            bool promoter = i < 36;
            string comment = i == 59 ? "<script>alert('x')</script> On hold for 90 minutes, <b>furious</b>, terrible!" : promoter ? "Lovely staff, very kind." : "On hold for 40 minutes, nobody called back.";
            survey.Append(CultureInfo.InvariantCulture, $"s{i},2026-0{1 + i % 3}-10T10:00:00Z,{(promoter ? 9 : 4)},\"{comment}\",{(i % 2 == 0 ? "new" : "regular")},{(i % 3 == 0 ? "north" : "south")}\n");
        }

        var csat = new StringBuilder("id,date,csat,comment\n");
        for (int i = 0; i < 10; i++)
        {
            csat.Append(CultureInfo.InvariantCulture, $"c{i},2026-02-0{1 + i % 9}T10:00:00Z,{(i < 8 ? 5 : 2)},ok\n");
        }

        string db = Path.Combine(folder.Path, "w.db");
        foreach (var (name, content) in new[] { ("survey.csv", survey.ToString()), ("csat.csv", csat.ToString()) })
        {
            var import = await CommandRunner.RunAsync(null, "import", folder.Write(name, content), "--kind", "feedback", "--db", db);
            Assert.Equal(0, import.ExitCode);
        }

        return db;
    }

    [Fact]
    public async Task Metrics_json_has_each_score_with_its_interval_and_n()
    {
        using var folder = new TempFolder();
        string db = await WorkspaceAsync(folder);

        var result = await CommandRunner.RunAsync(null, "metrics", "--db", db, "--format", "json", "--min-n", "10");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        var nps = json.GetProperty("nps");
        Assert.Equal(20, nps.GetProperty("value").GetDouble(), 6);
        Assert.Equal(60, nps.GetProperty("n").GetInt64());
        var ci = nps.GetProperty("ci");
        Assert.True(ci[0].GetDouble() < 20 && ci[1].GetDouble() > 20);
        Assert.Equal(80, json.GetProperty("csat").GetProperty("value").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ces").GetProperty("value").ValueKind);
        Assert.Equal("no answers", json.GetProperty("ces").GetProperty("withheld").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("enps").GetProperty("value").ValueKind);
        Assert.Equal(0, json.GetProperty("first_response_seconds").GetProperty("n").GetInt64());
        Assert.True(json.TryGetProperty("resolution_seconds", out _));
        Assert.False(json.TryGetProperty("groups", out _));
    }

    [Fact]
    public async Task Metrics_by_a_field_gives_one_object_per_group_and_withholds_small_ones()
    {
        using var folder = new TempFolder();
        string db = await WorkspaceAsync(folder);

        var result = await CommandRunner.RunAsync(null, "metrics", "--db", db, "--format", "json", "--by", "team", "--min-n", "25", "--period", "month");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("team", json.GetProperty("by").GetString());
        var groups = json.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal(["", "north", "south"], groups.Keys.Order());
        Assert.Equal(20, groups["north"].GetProperty("nps").GetProperty("n").GetInt64()); // every third answer
        Assert.Equal(JsonValueKind.Null, groups["north"].GetProperty("nps").GetProperty("value").ValueKind); // 20 < 25
        Assert.StartsWith("too few", groups["north"].GetProperty("nps").GetProperty("withheld").GetString());
        Assert.Equal(40, groups["south"].GetProperty("nps").GetProperty("n").GetInt64());
        Assert.False(groups["south"].GetProperty("nps").TryGetProperty("vs_rest", out _)); // everyone else is north: too few
        Assert.Equal(3, json.GetProperty("periods").GetArrayLength());

        var smaller = await CommandRunner.RunAsync(null, "metrics", "--db", db, "--format", "json", "--by", "team", "--min-n", "15");
        var south = JsonDocument.Parse(smaller.Stdout).RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "south");
        Assert.True(south.GetProperty("nps").GetProperty("vs_rest").TryGetProperty("significant", out _));
    }

    [Fact]
    public async Task Metrics_refuse_an_anonymity_threshold_below_three()
    {
        using var folder = new TempFolder();
        var result = await CommandRunner.RunAsync(null, "metrics", "--db", Path.Combine(folder.Path, "none.db"), "--anonymity", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never below 3", result.Stderr);
    }

    [Theory]
    [InlineData("report", "FOLDER", "--out FOLDER: is a folder; name the file to write in it, such as FOLDER/report.html")]
    [InlineData("brief", "", "--out needs a file name")]
    [InlineData("report", "FOLDER/missing/r.html", "--out FOLDER/missing/r.html: the folder FOLDER/missing does not exist")]
    public async Task A_report_to_a_place_it_cannot_be_written_is_refused_before_the_workspace_is_read(string verb, string output, string message)
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        await File.WriteAllTextAsync(db, "not a database: the check must come before the workspace is opened");

        var result = await CommandRunner.RunAsync(null, verb, "--db", db, "--out", output.Replace("FOLDER", folder.Path, StringComparison.Ordinal));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: " + message.Replace("FOLDER", folder.Path, StringComparison.Ordinal), result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_on_a_missing_workspace_say_so()
    {
        using var folder = new TempFolder();
        var result = await CommandRunner.RunAsync(null, "metrics", "--db", Path.Combine(folder.Path, "missing", "w.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no workspace here", result.Stderr);
    }

    [Fact]
    public async Task The_report_is_one_self_contained_page_where_what_customers_wrote_is_inert()
    {
        using var folder = new TempFolder();
        string db = await WorkspaceAsync(folder);
        string output = Path.Combine(folder.Path, "report.html");

        var result = await CommandRunner.RunAsync(null, "report", "--db", db, "--out", output, "--min-n", "10");

        Assert.Equal(0, result.ExitCode);
        string html = await File.ReadAllTextAsync(output);
        foreach (string section in new[] { "summary", "scorecard", "themes", "friction", "say-do", "employees", "rhetoric", "replies", "verbatims", "method" })
        {
            Assert.Contains($"<section id=\"{section}\"", html);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>furious</b>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<link", html); // nothing fetched: no stylesheet, image or font from anywhere
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("url(", html);
        Assert.Contains("<svg", html);
        Assert.Contains("NPS is 20.0", html);
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public async Task Without_scores_the_summary_speaks_of_sentiment_and_response_times()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        var comments = new StringBuilder("id,date,comment\n");
        var contacts = new StringBuilder("id,started_at,first_response_seconds\n");
        for (int i = 0; i < 40; i++)
        {
            comments.Append(CultureInfo.InvariantCulture, $"m{i},2026-03-0{1 + i % 9}T10:00:00Z,{(i % 2 == 0 ? "Still waiting for a reply." : "\"Thanks, sorted quickly.\"")}\n");
            contacts.Append(CultureInfo.InvariantCulture, $"t{i},2026-03-0{1 + i % 9}T10:00:00Z,{60 * (i + 1)}\n");
        }

        Assert.Equal(0, (await CommandRunner.RunAsync(null, "import", folder.Write("comments.csv", comments.ToString()), "--kind", "feedback", "--db", db)).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(null, "import", folder.Write("contacts.csv", contacts.ToString()), "--kind", "interactions", "--db", db)).ExitCode);
        string output = Path.Combine(folder.Path, "report.html");

        Assert.Equal(0, (await CommandRunner.RunAsync(null, "report", "--db", db, "--out", output)).ExitCode);

        string html = await File.ReadAllTextAsync(output);
        Assert.Contains("Comments average a sentiment of", html);
        Assert.Contains("Half of customers wait 20.5 min for a first answer", html); // median of 1 … 40 minutes
    }

    [Fact]
    public async Task The_brief_names_the_biggest_pains_with_verbatims()
    {
        using var folder = new TempFolder();
        string db = await WorkspaceAsync(folder);
        string output = Path.Combine(folder.Path, "brief.html");

        var result = await CommandRunner.RunAsync(null, "brief", "--db", db, "--out", output, "--min-n", "10");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1. ", result.Stdout);
        Assert.Contains("On hold for 40 minutes", result.Stdout);
        string html = await File.ReadAllTextAsync(output);
        Assert.Contains("<mark", html);
        Assert.Contains("On hold for 40 minutes", html);
    }
}
