using System.Text.Json;
using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Import;

/// <summary><c>evident import</c>, <c>init</c> and <c>status</c> in-process, on real SQLite files.</summary>
public sealed class ImportCommandTests
{
    private const string Feedback = """
        id,date,score,comment,region
        1,2025-03-01T09:00:00Z,2,I was on hold for 40 minutes.,north
        2,2025-03-01T10:30:00Z,10,Lovely staff.,south
        3,not a date,7,Fine.,north
        4,2025-03-02T08:00:00Z,12,Too high a score.,north
        """;

    [Fact]
    public async Task Import_reports_imported_duplicate_and_rejected_and_writes_the_rejects_file()
    {
        using var folder = new TempFolder();
        string input = folder.Write("survey.csv", Feedback);
        string db = Path.Combine(folder.Path, "ws.db");

        var first = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);
        var second = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db, "--json");

        Assert.Equal(ExitCodes.RowsFailed, first.ExitCode);
        Assert.Contains("4 rows read: 2 imported, 0 duplicate, 2 rejected", first.Stderr);
        Assert.Contains($"{input}:4: column date: expected a date", first.Stderr);
        Assert.Contains($"{input}:5: column score: expected a nps score from 0 to 10", first.Stderr);
        string[] rejects = File.ReadAllLines(input + ".rejects.csv");
        Assert.Equal("line,column,reason,item", rejects[0]);
        Assert.StartsWith("4,date,", rejects[1]);
        Assert.EndsWith("\",", rejects[1]); // no item: the file is not a JSON array
        Assert.StartsWith("5,score,", rejects[2]);
        using var summary = JsonDocument.Parse(second.Stdout);
        Assert.Equal(0, summary.RootElement.GetProperty("imported").GetInt64());
        Assert.Equal(2, summary.RootElement.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, summary.RootElement.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task A_re_export_whose_rows_changed_since_says_which_and_keeps_the_stored_ones()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "ws.db");
        string monday = folder.Write("tickets-monday.csv", "id,date,score,comment\nt1,2025-03-01,2,Still waiting for a refund.\nt2,2025-03-01,9,Quick and kind.\n");
        // Friday's export: t1 rescored once the refund came, t3 new.
        string friday = folder.Write("tickets-friday.csv", "id,date,score,comment\nt1,2025-03-01,8,Still waiting for a refund.\nt2,2025-03-01,9,Quick and kind.\nt3,2025-03-04,10,Great.\n");

        var first = await CommandRunner.RunAsync(null, "import", monday, "--kind", "feedback", "--source", "tickets", "--db", db);
        var later = await CommandRunner.RunAsync(null, "import", friday, "--kind", "feedback", "--source", "tickets", "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(ExitCodes.RowsFailed, later.ExitCode);
        Assert.Contains("3 rows read: 1 imported, 1 duplicate, 1 rejected (1 of them stored already with other values; listed in", later.Stderr);
        Assert.Contains($"{friday}:2: the id \"t1\" is stored already, with other values (from an earlier import into source \"tickets\")", later.Stderr);
        string[] rejects = File.ReadAllLines(friday + ".rejects.csv");
        Assert.Equal(2, rejects.Length);
        Assert.StartsWith("2,,\"the id \"\"t1\"\" is stored already", rejects[1]);
        var again = await CommandRunner.RunAsync(null, "import", friday, "--kind", "feedback", "--source", "tickets", "--db", db, "--json");
        using var summary = JsonDocument.Parse(again.Stdout);
        Assert.Equal((1, 1), (summary.RootElement.GetProperty("rejected").GetInt64(), summary.RootElement.GetProperty("stored_with_other_values").GetInt64()));
    }

    [Fact]
    public async Task An_export_saved_under_a_new_name_is_refused_when_its_rows_are_stored_under_the_old_one()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "ws.db");
        const string rows = "id,date,score,comment\nt1,2025-03-01,2,Still waiting.\nt2,2025-03-01,9,Quick and kind.\n";
        string monday = folder.Write("tickets-monday.csv", rows);
        string friday = folder.Write("tickets-friday.csv", rows + "t3,2025-03-04,10,Great.\n");
        Assert.Equal(0, (await CommandRunner.RunAsync(null, "import", monday, "--kind", "feedback", "--db", db)).ExitCode);

        var named = await CommandRunner.RunAsync(null, "import", friday, "--kind", "feedback", "--db", db);
        var told = await CommandRunner.RunAsync(null, "import", friday, "--kind", "feedback", "--source", "tickets-monday", "--db", db);

        Assert.NotEqual(0, named.ExitCode);
        Assert.Contains($"error: {friday}: 2 of its first 3 rows are stored already, with the same values, under source \"tickets-monday\"", named.Stderr);
        Assert.Contains("3 rows read: 1 imported, 2 duplicate, 0 rejected", told.Stderr);
        string status = (await CommandRunner.RunAsync(null, "status", "--db", db)).Stdout;
        Assert.Contains("tickets-friday.csv failed: ", status, StringComparison.Ordinal);
        Assert.Contains("under source \"tickets-monday\"", status, StringComparison.Ordinal);
        await using var workspace = await Store.Workspace.OpenCurrentAsync(Store.StoreLocation.Resolve(db));
        Assert.Equal(3, await Dapper.SqlMapper.ExecuteScalarAsync<long>(workspace.Connection, "SELECT count(*) FROM feedback"));
    }

    [Fact]
    public async Task Rejects_of_a_json_array_written_on_one_line_name_the_item_as_well_as_the_line()
    {
        using var folder = new TempFolder();
        string input = folder.Write("export.json",
            """[{"id":1,"date":"2025-03-01","text":"Good"},{"id":2,"date":"2025-13-02","text":"Bad"},{"id":1,"date":"2025-03-04","text":"Other"}]""");

        var run = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", Path.Combine(folder.Path, "ws.db"));

        Assert.Equal(ExitCodes.RowsFailed, run.ExitCode);
        Assert.Contains($"{input}:1: item 2: column date: expected a date", run.Stderr);
        Assert.Contains($"{input}:1: item 3: column id: item 1 gave the id \"1\" too, with other values", run.Stderr);
        string[] rejects = File.ReadAllLines(input + ".rejects.csv");
        Assert.Equal(3, rejects.Length);
        Assert.True(rejects[1].StartsWith("1,date,", StringComparison.Ordinal) && rejects[1].EndsWith(",2", StringComparison.Ordinal), rejects[1]);
        Assert.True(rejects[2].StartsWith("1,id,", StringComparison.Ordinal) && rejects[2].EndsWith(",3", StringComparison.Ordinal), rejects[2]);
    }

    [Fact]
    public async Task A_ticket_number_read_as_each_rows_id_fails_at_once_and_imports_mapped_elsewhere()
    {
        using var folder = new TempFolder();
        string input = folder.Write("comments.csv", "ticket_id,date,comment\n"
            + string.Concat(Enumerable.Range(0, 40).Select(i => $"T-{i % 10},2025-03-{1 + i / 10:00},Comment {i}\n")));
        string db = Path.Combine(folder.Path, "ws.db");

        var refused = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);
        var mapped = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db, "--map", "ticket_id=interaction");

        Assert.Equal(ExitCodes.UsageOrInput, refused.ExitCode);
        Assert.Contains("the column 'ticket_id', read as each row's id, repeats with other values in 30 of the first 40 rows (line 12 gives \"T-0\" as line 2 did)", refused.Stderr);
        Assert.Equal(ExitCodes.Success, mapped.ExitCode);
        Assert.Contains("40 rows read: 40 imported, 0 duplicate, 0 rejected", mapped.Stderr);
    }

    [Fact]
    public async Task The_order_dates_are_read_in_is_said_before_the_import_and_in_the_preview()
    {
        using var folder = new TempFolder();
        string input = folder.Write("visits.csv", "date,comment\n03/04/2025,Slow.\n04/13/2025,Fine.\n");
        string db = Path.Combine(folder.Path, "ws.db");

        var preview = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db, "--preview");
        var run = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);

        const string Note = "dates that read either way (3/4/2025) are read month-first, as line 3's \"04/13/2025\" shows";
        Assert.Contains($"  {Note}", preview.Stdout);
        Assert.Contains($"{input}: {Note}", run.Stderr);
        Assert.Contains("2 rows read: 2 imported", run.Stderr);
    }

    [Fact]
    public async Task Dates_that_no_row_tells_how_to_read_are_read_as_dates_says()
    {
        using var folder = new TempFolder();
        string input = folder.Write("week.csv", "date,comment\n03/04/2025,Slow.\n04/05/2025,Fine.\n");
        string db = Path.Combine(folder.Path, "ws.db");

        var untold = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);
        var told = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db, "--dates", "day-first");

        Assert.Contains("say how with --dates day-first or --dates month-first on the command line", untold.Stderr);
        Assert.Contains("2 rows read: 0 imported, 0 duplicate, 2 rejected", untold.Stderr);
        Assert.Contains("2 rows read: 2 imported, 0 duplicate, 0 rejected", told.Stderr);
        Assert.Equal(ExitCodes.Success, told.ExitCode);
    }

    [Fact]
    public async Task An_excel_workbook_imports_from_the_command_line_and_says_where_its_rows_were_rejected()
    {
        using var folder = new TempFolder();
        string input = Path.Combine(folder.Path, "calls.xlsx");
        File.WriteAllBytes(input, Workbook.Bytes(
        [
            ["Call ID", "Started at", "Wait", "Transfers"],
            ["c-1", new DateTime(2025, 3, 1, 9, 30, 0), new TimeSpan(0, 4, 30), 1],
            ["c-2", "not a date", new TimeSpan(0, 1, 0), 0],
        ]));
        string db = Path.Combine(folder.Path, "ws.db");

        var run = await CommandRunner.RunAsync(null, "import", input, "--kind", "interactions", "--db", db, "--map", "Call ID=id", "--map", "Wait=wait_seconds");

        Assert.Equal(ExitCodes.RowsFailed, run.ExitCode);
        Assert.Contains($"{input}:3: column Started at: expected a date and time", run.Stderr);
        Assert.Contains("2 rows read: 1 imported, 0 duplicate, 1 rejected", run.Stderr);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT wait_seconds FROM interaction WHERE external_id = 'c-1'";
        Assert.Equal(270.0, Convert.ToDouble(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Status_as_json_counts_every_kind()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "ws.db");
        await CommandRunner.RunAsync(null, "import", folder.Write("survey.csv", Feedback), "--kind", "feedback", "--db", db);
        await CommandRunner.RunAsync(null, "import", folder.Write("pulse.jsonl", """
            {"id": "e1", "date": "2025-03-01", "enps": 9, "comment": "Great team.", "team": "support"}
            {"id": "e2", "date": "2025-03-02", "enps": 4, "comment": "Too much overtime.", "team": "support"}
            """), "--kind", "pulse", "--db", db);
        await CommandRunner.RunAsync(null, "import", folder.Write("posts.json", """
            [
              {"id": "p1", "published_at": "2025-03-01T08:00:00Z", "text": "We listened to your feedback and changed our opening hours."},
              {"id": "p2", "published_at": "2025-03-05T08:00:00Z", "text": "Buy now: 20% off this weekend only!"}
            ]
            """), "--kind", "comms", "--db", db);

        var status = await CommandRunner.RunAsync(null, "status", "--db", db, "--format", "json");

        Assert.Equal(0, status.ExitCode);
        using var json = JsonDocument.Parse(status.Stdout);
        var root = json.RootElement;
        Assert.Equal((2, 0, 0, 2, 2), (root.GetProperty("feedback").GetInt64(), root.GetProperty("interactions").GetInt64(),
            root.GetProperty("journey").GetInt64(), root.GetProperty("comms").GetInt64(), root.GetProperty("pulse").GetInt64()));
        Assert.Equal(3, root.GetProperty("last_imports").GetArrayLength());
    }

    [Fact]
    public async Task Preview_shows_the_mapping_and_first_rows_and_writes_nothing()
    {
        using var folder = new TempFolder();
        string input = folder.Write("survey.csv", Feedback);
        string db = Path.Combine(folder.Path, "ws.db");

        var result = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--map", "region=segment", "--preview", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("text                     ← comment", result.Stdout);
        Assert.Contains("segment                  ← region", result.Stdout);
        Assert.Contains("\"segment\":\"north\"", result.Stdout);
        Assert.Contains($"rejected: {input}:4: column date", result.Stdout);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData(new[] { "--kind", "feedback", "--map", "nope=text" }, "no column 'nope'")]
    [InlineData(new[] { "--kind", "feedback", "--map", "comment=words" }, "'words' is not a field of feedback")]
    [InlineData(new[] { "--kind", "journey" }, "no column for the required field 'person'")]
    [InlineData(new[] { "--kind", "feedback", "--map", "date=text" },
        "the column \"date\" would be the required field 'date' (when it was said), but it is mapped to 'text'; name the column that holds the date with --map COLUMN=date")]
    [InlineData(new[] { "--kind", "feedback", "--source", " " }, "--source needs a name")]
    [InlineData(new[] { "--kind", "feedback", "--source", "sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss" }, "--source is a name of at most 200 characters, not 201.")]
    [InlineData(new[] { "--kind", "pulse", "--format", "lines" }, "was read as plain lines (one text each, no columns), and pulse rows need columns such as a date; say how the file is written: --format csv (or tsv, json, jsonl) on the command line, or a name ending .csv")]
    [InlineData(new string[0], "say what the rows are with --kind feedback|interactions|journey|comms|pulse")]
    public async Task A_file_that_cannot_be_mapped_fails_at_once_saying_what_to_do(string[] options, string message)
    {
        using var folder = new TempFolder();
        string input = folder.Write("survey.csv", Feedback);
        string db = Path.Combine(folder.Path, "ws.db");

        var result = await CommandRunner.RunAsync(null, ["import", input, "--db", db, .. options]);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Status_tells_how_to_complete_an_import_that_was_stopped_with_its_kind_and_source()
    {
        using var folder = new TempFolder();
        string input = folder.Write("survey.csv", Feedback);
        string db = Path.Combine(folder.Path, "ws.db");
        Assert.Equal(ExitCodes.RowsFailed, (await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--source", "Q3 survey", "--db", db)).ExitCode);
        await using (var workspace = await Store.Workspace.OpenCurrentAsync(Store.StoreLocation.Resolve(db)))
        {
            // what a killed import leaves: its run as it was while loading
            await Dapper.SqlMapper.ExecuteAsync(workspace.Connection, "UPDATE import_run SET status = 'running', finished_at = NULL");
        }

        var status = await CommandRunner.RunAsync(null, "status", "--db", db);

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("running or interrupted", status.Stdout, StringComparison.Ordinal);
        Assert.Contains($"run the same import again (evident import {input} --kind feedback --source 'Q3 survey') to complete it", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_status_gives_to_complete_a_stopped_import_reads_the_file_as_it_was_read()
    {
        using var folder = new TempFolder();
        // Keyed by their content (--map "id=-"), dates day-first: without those options a rerun would key every
        // row by its id and store it a second time, and reject 03/04/2025.
        string input = folder.Write("survey.csv", "id,date,score,comment\n7,03/04/2025,9,Kind staff.\n7,05/04/2025,3,Long queue.\n");
        string db = Path.Combine(folder.Path, "ws.db");
        var first = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--map", "id=-", "--dates", "day-first", "--format", "csv", "--db", db);
        Assert.Equal(0, first.ExitCode);
        await using (var workspace = await Store.Workspace.OpenCurrentAsync(Store.StoreLocation.Resolve(db)))
        {
            await Dapper.SqlMapper.ExecuteAsync(workspace.Connection, "UPDATE import_run SET status = 'running', finished_at = NULL");
        }

        string stdout = (await CommandRunner.RunAsync(null, "status", "--db", db)).Stdout;
        string hint = System.Text.RegularExpressions.Regex.Match(stdout, @"\(evident import (.*)\) to complete it").Groups[1].Value;
        string[] words = [.. System.Text.RegularExpressions.Regex.Matches(hint, @"'([^']*)'|(\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];
        var again = await CommandRunner.RunAsync(null, ["import", .. words, "--db", db]);

        Assert.Equal([input, "--kind", "feedback", "--source", "survey", "--map", "id=-", "--dates", "day-first", "--format", "csv"], words);
        Assert.Contains("2 rows read: 0 imported, 2 duplicate, 0 rejected", again.Stderr);
        using var json = JsonDocument.Parse((await CommandRunner.RunAsync(null, "status", "--db", db, "--format", "json")).Stdout);
        Assert.Equal(["--map", "id=-", "--dates", "day-first", "--format", "csv"],
            json.RootElement.GetProperty("last_imports")[0].GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task With_json_a_failed_import_prints_an_object_with_the_error_on_standard_output()
    {
        using var folder = new TempFolder();
        string input = folder.Write("survey.csv", Feedback);

        var result = await CommandRunner.RunAsync(null, "import", input, "--kind", "journey", "--json", "--db", Path.Combine(folder.Path, "ws.db"));

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        var error = System.Text.Json.JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(input, error.GetProperty("file").GetString());
        Assert.Contains("no column for the required field 'person'", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_file_holding_one_object_fails_at_once_saying_where_the_rows_should_be()
    {
        using var folder = new TempFolder();
        string input = folder.Write("responses.json", "{\"responses\": [{\"id\": 1, \"date\": \"2025-01-01\", \"comment\": \"slow\"}]}\n");
        string db = Path.Combine(folder.Path, "ws.db");

        var result = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"{input}:1:1: expected a JSON array ('[' first), found '{{'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--format jsonl", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("required field", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_by_the_parser()
    {
        var result = await CommandRunner.RunAsync(null, "import", "x.csv", "--kind", "tweets");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("tweets", result.Stderr);
    }

    [Theory]
    [InlineData("import", "Host=localhost;Usernme=postgres;Password=s3cret", "usernme")]
    [InlineData("status", "Host=localhost;Port=fifty", "port")]
    [InlineData("init", "postgresql://postgres:s3cret@localhost:99999/evident", "port")]
    public async Task A_connection_string_that_cannot_be_read_is_a_usage_error_naming_the_keyword_not_a_stack_trace(string verb, string db, string keyword)
    {
        string[] args = verb == "import" ? ["import", "x.csv", "--kind", "feedback", "--db", db] : [verb, "--db", db];

        var result = await CommandRunner.RunAsync(null, args);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("--db is not a PostgreSQL connection string that can be read", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(keyword, result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cret", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_creates_a_workspace_and_status_refuses_a_missing_one()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "ws.db");

        var missing = await CommandRunner.RunAsync(null, "status", "--db", db);
        var init = await CommandRunner.RunAsync(null, "init", "--db", db);
        var again = await CommandRunner.RunAsync(null, "init", "--db", db);

        Assert.Equal(ExitCodes.UsageOrInput, missing.ExitCode);
        Assert.Contains("evident init", missing.Stderr);
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("created workspace", init.Stderr);
        Assert.Contains($"is at schema {Evident.Store.Migrator.LatestVersion(Evident.Store.StoreDialect.Sqlite)}", again.Stderr);
    }

    [Fact]
    public async Task A_qualtrics_export_imports_without_mapping()
    {
        using var folder = new TempFolder();
        string input = folder.Write("qualtrics.csv", """
            StartDate,EndDate,Status,ResponseId,RecordedDate,Q1,Q2
            Start Date,End Date,Response Type,Response ID,Recorded Date,How likely are you to recommend us to a friend?,Why did you give that score?
            "{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""_recordId""}","{""ImportId"":""recordedDate""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"
            2025-03-01 10:00:00,2025-03-01 10:03:00,IP Address,R_1,2025-03-01 10:03:05,3,Nobody answered my emails for two weeks.
            2025-03-02 11:00:00,2025-03-02 11:02:00,IP Address,R_2,2025-03-02 11:02:10,10,Quick and friendly.
            """);
        string db = Path.Combine(folder.Path, "ws.db");

        var preview = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--preview");
        var result = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);

        Assert.Contains("Qualtrics export", preview.Stdout);
        Assert.Contains("nps                      ← Q1", preview.Stdout);
        Assert.Contains("text                     ← Q2", preview.Stdout);
        Assert.Contains("\"external_id\":\"R_1\"", preview.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 rows read: 2 imported", result.Stderr);
    }

    [Fact]
    public async Task A_zendesk_ticket_export_imports_as_interactions_and_feedback_without_mapping()
    {
        using var folder = new TempFolder();
        string input = folder.Write("zendesk.csv", """
            Id,Requester,Requester id,Subject,Status,Group,Assignee,Via,Created at,Solved at,Satisfaction Score,Group stations,Replies,First reply time in minutes,Full resolution time in minutes,On hold time in minutes
            101,Ann,9001,Refund still missing after three weeks,Solved,Billing,Sam,Email,2025-03-01 09:00,2025-03-03 09:00,Bad,3,4,95,2880,30
            102,Bob,9002,Thanks for the quick fix,Solved,Support,Kim,Web,2025-03-02 10:00,2025-03-02 11:00,Good,1,1,12,60,0
            103,Cy,9003,App will not open,Open,Support,Kim,Web,2025-03-04 10:00,,Offered,1,0,,,
            """);
        string db = Path.Combine(folder.Path, "ws.db");

        var interactions = await CommandRunner.RunAsync(null, "import", input, "--kind", "interactions", "--db", db);
        var feedback = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);

        Assert.Equal(0, interactions.ExitCode);
        Assert.Equal(0, feedback.ExitCode);
        Assert.Contains("3 rows read: 3 imported", interactions.Stderr);
        Assert.Contains("3 rows read: 3 imported", feedback.Stderr);
        await using var workspace = await Store.Workspace.OpenAsync(Store.StoreLocation.Resolve(db));
        var ticket = await Dapper.SqlMapper.QuerySingleAsync<(double FirstResponse, double Resolution, double Hold, int Transfers, string Team, string Agent, string Person)>(
            workspace.Connection,
            "SELECT first_response_seconds, resolution_seconds, hold_seconds, transfers, team, agent, person_key FROM interaction WHERE external_id = '101'");
        Assert.Equal((95 * 60.0, 2880 * 60.0, 30 * 60.0, 2, "Billing", "Sam", "9001"), ticket);
        var scores = (await Dapper.SqlMapper.QueryAsync<(string Id, string? Kind, double? Score)>(
            workspace.Connection, "SELECT external_id, score_kind, score FROM feedback ORDER BY external_id")).ToList();
        Assert.Equal([("101", "csat", 1.0), ("102", "csat", 5.0), ("103", null, null)], scores);
    }

    [Fact]
    public async Task A_file_in_another_encoding_fails_at_once_and_writes_nothing()
    {
        using var folder = new TempFolder();
        byte[] latin1 = System.Text.Encoding.Latin1.GetBytes("id,date,comment\n1,2025-03-01,Tr\u00e8s bien\n2,2025-03-02,Fine\n");
        string input = folder.WriteBytes("latin1.csv", latin1);
        string db = Path.Combine(folder.Path, "ws.db");

        var result = await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains($"{input}:2:", result.Stderr);
        Assert.Contains("not UTF-8", result.Stderr);
        Assert.Contains("iconv", result.Stderr);
        Assert.False(File.Exists(db));
    }
}
