using System.Net;
using System.Text;

namespace Evident.Web.Tests;

/// <summary>The Imports page on an empty workspace of its own: upload, mapping and preview, the background import
/// with its status, rejects by line, idempotency, roles and the checks on what a browser sends.</summary>
public sealed class ImportsTests
{
    private const string Survey = """
        id,date,score,comment,region
        1,2025-03-01T09:00:00Z,2,I was on hold for 40 minutes.,north
        2,2025-03-01T10:30:00Z,10,Lovely staff.,south
        3,2025-03-02T08:00:00Z,eleven,Fine.,north
        4,2025-03-03T08:00:00Z,9,Quick and kind.,south
        """;

    [Fact]
    public async Task An_analyst_previews_a_file_imports_it_and_sees_the_rejected_row_by_line()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var upload = await ImportsSite.UploadAsync(analyst, "survey.csv", Survey, "feedback");
        string preview = await upload.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(["id", "date", "nps", "text", "region"], ImportsSite.Mapping(preview));
        Assert.Contains("<strong id=\"import-format\">CSV</strong>", preview, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"import-source\">survey</strong>", preview, StringComparison.Ordinal);
        string table = Between(preview, "<table id=\"import-preview\">", "</table>");
        Assert.Contains("<td>I was on hold for 40 minutes.</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td colspan=", table, StringComparison.Ordinal);
        Assert.Contains("rejected: column score: expected a nps score from 0 to 10", table, StringComparison.Ordinal);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM import_run"));

        var (id, state) = await ImportsSite.FollowAsync(analyst, await ImportsSite.PostMappingAsync(analyst, preview, "start"));

        Assert.Equal("completed", state.GetProperty("status").GetString());
        Assert.Equal((4, 3, 0, 1), (state.GetProperty("rowsRead").GetInt64(), state.GetProperty("imported").GetInt64(),
            state.GetProperty("duplicates").GetInt64(), state.GetProperty("rejected").GetInt64()));
        string page = await analyst.GetStringAsync($"/imports/{id}");
        Assert.Contains("<span id=\"import-status\">completed</span>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"import-imported\">3</div>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"import-rejected\">1</div>", page, StringComparison.Ordinal);
        string rejects = Between(page, "<table id=\"import-rejects\">", "</table>");
        Assert.Contains("<tr><td>4</td><td>score</td><td>expected a nps score from 0 to 10", rejects, StringComparison.Ordinal);
        string csv = await analyst.GetStringAsync($"/imports/{id}/rejects");
        Assert.StartsWith("line,column,reason,item\n4,score,\"expected a nps score from 0 to 10", csv, StringComparison.Ordinal);

        Assert.Equal(3, site.Scalar<long>("SELECT count(*) FROM feedback WHERE source = 'survey'"));
        Assert.Equal("I was on hold for 40 minutes.", site.Scalar<string>("SELECT text FROM feedback WHERE external_id = '1'"));
        Assert.True(site.Scalar<double>("SELECT sentiment FROM feedback WHERE external_id = '1'") < 0, "the text was analysed on import");
        Assert.Equal("completed", site.Scalar<string>($"SELECT status FROM import_run WHERE id = {id}"));
        Assert.Empty(site.StoredUploads());
        Assert.Contains($"<a href=\"/imports/{id}\">survey.csv</a>", await analyst.GetStringAsync("/imports"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_array_on_one_line_shows_each_rejected_rows_item()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        const string export = """[{"id":1,"date":"2025-03-01","text":"Good"},{"id":2,"date":"2025-13-02","text":"Bad"},{"id":3,"date":"2025-03-03","text":"Fine"}]""";

        string preview = await (await ImportsSite.UploadAsync(analyst, "export.json", export, "feedback")).Content.ReadAsStringAsync();
        var (id, state) = await ImportsSite.FollowAsync(analyst, await ImportsSite.PostMappingAsync(analyst, preview, "start"));
        string page = await analyst.GetStringAsync($"/imports/{id}");

        Assert.Contains("rejected: item 2: column date: expected a date", Between(preview, "<table id=\"import-preview\">", "</table>"), StringComparison.Ordinal);
        Assert.Equal((2, 1), (state.GetProperty("imported").GetInt64(), state.GetProperty("rejected").GetInt64()));
        Assert.Contains("<tr><td>1 (item 2)</td><td>date</td>", Between(page, "<table id=\"import-rejects\">", "</table>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_european_excel_csv_is_read_by_semicolons_with_its_dates_day_first_and_the_page_says_so()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        const string export = "id;date;score;comment\n1;03/04/2025;9;Très bien, merci\n2;25/04/2025;3;Trop cher\n";

        string preview = await (await ImportsSite.UploadAsync(analyst, "enquete.csv", export, "feedback")).Content.ReadAsStringAsync();
        var (_, state) = await ImportsSite.FollowAsync(analyst, await ImportsSite.PostMappingAsync(analyst, preview, "start"));

        Assert.Equal(["id", "date", "nps", "text"], ImportsSite.Mapping(preview));
        Assert.Contains("<p class=\"notice\">Dates that read either way (3/4/2025) are read day-first, as line 3&#x27;s &quot;25/04/2025&quot; shows.</p>", preview, StringComparison.Ordinal);
        Assert.Equal((2, 0), (state.GetProperty("imported").GetInt64(), state.GetProperty("rejected").GetInt64()));
        Assert.StartsWith("2025-04-03", site.Scalar<string>("SELECT created_at FROM feedback WHERE external_id = '1'"), StringComparison.Ordinal);
        Assert.Equal("Très bien, merci", site.Scalar<string>("SELECT text FROM feedback WHERE external_id = '1'"));
    }

    [Fact]
    public async Task Dates_no_row_tells_how_to_read_are_read_as_the_page_is_told()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        const string week = "id,date,comment\n1,03/04/2025,Slow.\n2,04/05/2025,Fine.\n";

        string preview = await (await ImportsSite.UploadAsync(analyst, "week.csv", week, "feedback")).Content.ReadAsStringAsync();
        string told = await (await ImportsSite.PostMappingAsync(analyst, preview, "preview", dates: "day-first")).Content.ReadAsStringAsync();
        var wrong = await ImportsSite.PostMappingAsync(analyst, preview, "preview", dates: "sideways");
        var (_, state) = await ImportsSite.FollowAsync(analyst, await ImportsSite.PostMappingAsync(analyst, told, "start", dates: "day-first"));

        Assert.Contains("<option value=\"auto\" selected=\"selected\">as the file's other dates show</option>", preview, StringComparison.Ordinal);
        Assert.Contains("say how with --dates day-first or --dates month-first", preview, StringComparison.Ordinal);
        Assert.Contains("rejected: column date: the date &quot;03/04/2025&quot; can be read day-first or month-first", preview, StringComparison.Ordinal);
        Assert.Contains("<option value=\"day-first\" selected=\"selected\">day first: 3 April</option>", told, StringComparison.Ordinal);
        Assert.Contains("Dates that read either way (3/4/2025) are read day-first, as --dates says.", told, StringComparison.Ordinal);
        Assert.DoesNotContain("rejected:", Between(told, "<table id=\"import-preview\">", "</table>"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("choose how to read dates that read either way: auto, day-first or month-first", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((2, 0), (state.GetProperty("imported").GetInt64(), state.GetProperty("rejected").GetInt64()));
        Assert.StartsWith("2025-05-04", site.Scalar<string>("SELECT created_at FROM feedback WHERE external_id = '2'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_excel_workbook_is_previewed_and_imported_as_its_first_sheet()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        var workbook = Workbook.Bytes(
        [
            ["Response ID", "Date", "NPS", "Comment"],
            ["r-1", new DateTime(2025, 3, 1, 9, 30, 0), 9, "Lovely staff."],
            ["r-2", new DateTime(2025, 3, 2), 11, "Off the scale."],
        ]);

        var upload = await ImportsSite.UploadAsync(analyst, "Survey export.xlsx", workbook, "feedback");
        string preview = await upload.Content.ReadAsStringAsync();
        var (_, state) = await ImportsSite.FollowAsync(analyst, await ImportsSite.PostMappingAsync(analyst, preview, "start"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("<strong id=\"import-format\">Excel workbook</strong>", preview, StringComparison.Ordinal);
        Assert.Equal(["id", "date", "nps", "text"], ImportsSite.Mapping(preview));
        Assert.Equal((1, 1), (state.GetProperty("imported").GetInt64(), state.GetProperty("rejected").GetInt64()));
        Assert.StartsWith("2025-03-01T09:30:00", site.Scalar<string>("SELECT created_at FROM feedback WHERE external_id = 'r-1'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_while_an_import_holds_the_workspace_for_writing_is_not_held_up_by_it()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var client = site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // As an import from the page does while it writes a batch: the workspace's write lock, held.
        await using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={site.Database}");
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        // Before, the sign-in's record of its time waited the workspace's busy timeout (60 s) and then failed with a 500.
        var signIn = await DemoSite.SignInAsync(client, ImportsSite.Analyst, DemoSite.Password);
        await using (var rollback = writer.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/imports")).StatusCode);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM app_user WHERE email = 'analyst@example.org' AND last_login_at IS NOT NULL"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing_and_says_so()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var (_, first) = await ImportsSite.ImportAsync(analyst, "survey.csv", Survey);
        var (second, again) = await ImportsSite.ImportAsync(analyst, "survey.csv", Survey);

        Assert.Equal(3, first.GetProperty("imported").GetInt64());
        Assert.Equal((0, 3, 1), (again.GetProperty("imported").GetInt64(), again.GetProperty("duplicates").GetInt64(), again.GetProperty("rejected").GetInt64()));
        Assert.Contains("id=\"import-nothing-new\"", await analyst.GetStringAsync($"/imports/{second}"), StringComparison.Ordinal);
        Assert.Equal(3, site.Scalar<long>("SELECT count(*) FROM feedback"));
        Assert.Equal(2, site.Scalar<long>("SELECT count(*) FROM import_run WHERE status = 'completed'"));
    }

    [Fact]
    public async Task A_later_export_with_a_row_rescored_shows_it_rejected_by_its_id_and_keeps_the_stored_one()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        await ImportsSite.ImportAsync(analyst, "survey.csv", Survey);

        var (id, later) = await ImportsSite.ImportAsync(analyst, "survey.csv", Survey.Replace("north\n2,2025-03-01T10:30:00Z,10", "north\n2,2025-03-01T10:30:00Z,6", StringComparison.Ordinal));

        Assert.Equal((0, 2, 2), (later.GetProperty("imported").GetInt64(), later.GetProperty("duplicates").GetInt64(), later.GetProperty("rejected").GetInt64()));
        string rejects = Between(await analyst.GetStringAsync($"/imports/{id}"), "<table id=\"import-rejects\">", "</table>");
        Assert.Contains("<tr><td>3</td><td></td><td>the id &quot;2&quot; is stored already, with other values", rejects, StringComparison.Ordinal);
        Assert.Equal(10, site.Scalar<long>("SELECT CAST(score AS INTEGER) FROM feedback WHERE external_id = '2'"));
    }

    [Fact]
    public async Task The_same_export_uploaded_under_a_new_name_is_refused_and_nothing_is_written()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        await ImportsSite.ImportAsync(analyst, "survey-march.csv", Survey);

        var (_, again) = await ImportsSite.ImportAsync(analyst, "survey-april.csv", Survey + "\n5,2025-04-01T08:00:00Z,8,Good.,north");

        Assert.Equal("failed", again.GetProperty("status").GetString());
        Assert.StartsWith("survey-april.csv: 3 of its first 4 rows are stored already, with the same values, under source \"survey-march\"",
            again.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, site.Scalar<long>("SELECT count(*) FROM feedback"));
    }

    [Fact]
    public async Task The_mapping_chosen_on_the_page_is_the_one_imported()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        string preview = await (await ImportsSite.UploadAsync(analyst, "survey.csv", Survey, "feedback")).Content.ReadAsStringAsync();
        // region feeds segment instead of region; the score column is dropped (--map region=segment --map score=-).
        string[] mapping = ["id", "date", "-", "text", "segment"];

        var again = await ImportsSite.PostMappingAsync(analyst, preview, "preview", mapping);
        string remapped = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(mapping, ImportsSite.Mapping(remapped));
        Assert.Contains("<th>segment</th>", Between(remapped, "<table id=\"import-preview\">", "</table>"), StringComparison.Ordinal);
        Assert.DoesNotContain("rejected:", Between(remapped, "<table id=\"import-preview\">", "</table>"), StringComparison.Ordinal);

        var (_, state) = await ImportsSite.FollowAsync(analyst, await ImportsSite.PostMappingAsync(analyst, remapped, "start"));

        Assert.Equal((4, 0), (state.GetProperty("imported").GetInt64(), state.GetProperty("rejected").GetInt64()));
        Assert.Equal("north", site.Scalar<string>("SELECT segment FROM feedback WHERE external_id = '3'"));
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM feedback WHERE score IS NOT NULL OR region IS NOT NULL"));
    }

    [Fact]
    public async Task Two_columns_for_one_field_are_refused_before_anything_is_written()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        string preview = await (await ImportsSite.UploadAsync(analyst, "survey.csv", Survey, "feedback")).Content.ReadAsStringAsync();

        var start = await ImportsSite.PostMappingAsync(analyst, preview, "start", ["id", "date", "nps", "text", "text"]);

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Contains("the columns &#x27;comment&#x27; and &#x27;region&#x27; both feed text", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM import_run"));
    }

    [Fact]
    public async Task A_csv_named_as_text_is_read_as_plain_lines_and_the_page_says_to_name_it_for_its_format()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var upload = await ImportsSite.UploadAsync(analyst, "visits.txt", "id,date,comment\n1,2025-03-01,Slow.\n", "feedback");
        string preview = await upload.Content.ReadAsStringAsync();

        Assert.Contains("visits.txt was read as plain lines (one text each, no columns), and feedback rows need columns such as a date; "
            + "say how the file is written: --format csv (or tsv, json, jsonl) on the command line, or a name ending .csv (.tsv, .json, .jsonl)", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("the page's equivalent of", preview, StringComparison.Ordinal);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM import_run"));
    }

    [Fact]
    public async Task A_file_without_a_text_or_score_column_says_what_is_missing_and_imports_nothing()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var upload = await ImportsSite.UploadAsync(analyst, "visits.csv", "id,date,region\n1,2025-03-01,north\n", "feedback");
        string preview = await upload.Content.ReadAsStringAsync();
        var start = await ImportsSite.PostMappingAsync(analyst, preview, "start");

        Assert.Contains("visits.csv (read as CSV): no column holds a text or a score; the columns are", preview, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" id=\"import-start\" formaction=\"/imports?handler=start\" disabled=\"disabled\">", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM import_run"));
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM feedback"));
    }

    [Fact]
    public async Task A_ticket_number_read_as_each_rows_id_is_refused_until_mapped_to_another_field()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        // An export of tickets' comments: ticket_id names the ticket, several comments each, and reads as the id.
        const string comments = """
            ticket_id,date,comment
            T-1,2025-03-01T09:00:00Z,I was on hold for 40 minutes.
            T-1,2025-03-01T09:40:00Z,Still waiting.
            T-2,2025-03-02T08:00:00Z,Lovely staff.
            T-2,2025-03-02T08:30:00Z,Thanks for the refund.
            """;

        string preview = await (await ImportsSite.UploadAsync(analyst, "comments.csv", comments, "feedback")).Content.ReadAsStringAsync();
        var start = await ImportsSite.PostMappingAsync(analyst, preview, "start");
        var remapped = await ImportsSite.PostMappingAsync(analyst, preview, "preview", ["interaction", "date", "text"]);
        var (_, state) = await ImportsSite.FollowAsync(analyst, await ImportsSite.PostMappingAsync(analyst, await remapped.Content.ReadAsStringAsync(), "start"));

        Assert.Contains(
            "the column &#x27;ticket_id&#x27;, read as each row&#x27;s id, repeats with other values in 2 of the first 4 rows (line 3 gives &quot;T-1&quot; as line 2 did)",
            preview, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" id=\"import-start\" formaction=\"/imports?handler=start\" disabled=\"disabled\">", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Equal((4, 0), (state.GetProperty("imported").GetInt64(), state.GetProperty("rejected").GetInt64()));
        Assert.Equal(2, site.Scalar<long>("SELECT count(*) FROM feedback WHERE interaction_key = 'T-1'"));
    }

    [Theory]
    [InlineData("latin1.csv", new byte[] { 0x69, 0x64, 0x2C, 0x64, 0x61, 0x74, 0x65, 0x2C, 0x74, 0x65, 0x78, 0x74, 0x0A, 0x31, 0x2C, 0x32, 0x30, 0x32, 0x35, 0x2D, 0x30, 0x33, 0x2D, 0x30, 0x31, 0x2C, 0x63, 0x61, 0x66, 0xE9, 0x0A },
        "latin1.csv:2:")]
    [InlineData("image.csv", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 }, "image.csv:1:")]
    [InlineData("survey.ods", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, 0xEE }, "survey.ods: the file is a zip archive, such as an Excel workbook or an OpenDocument spreadsheet (.ods)")]
    public async Task A_file_that_is_not_utf8_text_is_refused_naming_where_and_is_not_kept(string name, byte[] content, string where)
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var upload = await ImportsSite.UploadAsync(analyst, name, content, "feedback");
        string page = await upload.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains($"<p class=\"error\" role=\"alert\" id=\"import-error\">{where}", page, StringComparison.Ordinal);
        Assert.Contains("UTF-8", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"import-start\"", page, StringComparison.Ordinal);
        Assert.Empty(site.StoredUploads());
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM import_run"));
    }

    [Fact]
    public async Task What_the_file_holds_is_escaped_in_the_preview()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var upload = await ImportsSite.UploadAsync(analyst, "survey.csv",
            "id,date,comment,<img src=x onerror=alert(2)>\n1,2025-03-01,<script>alert(1)</script>,x\n", "feedback");
        string page = await upload.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Between(page, "<table id=\"import-preview\">", "</table>"), StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", Between(page, "<table id=\"import-columns\">", "</table>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_qualtrics_export_is_recognised_and_mapped_by_its_questions()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var upload = await ImportsSite.UploadAsync(analyst, "qualtrics.csv", """
            StartDate,ResponseId,RecordedDate,Q1,Q2
            Start Date,Response ID,Recorded Date,How likely are you to recommend us to a friend?,Why did you give that score?
            "{""ImportId"":""startDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""recordedDate""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"
            2025-03-01 10:00:00,R_1,2025-03-01 10:03:05,3,Nobody answered my emails for two weeks.
            """, "feedback");
        string page = await upload.Content.ReadAsStringAsync();

        Assert.Contains("id=\"import-export\">Qualtrics export", page, StringComparison.Ordinal);
        Assert.Equal(["", "id", "date", "nps", "text"], ImportsSite.Mapping(page));
        Assert.Contains("<td>R_1</td>", Between(page, "<table id=\"import-preview\">", "</table>"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImportsSite.Viewer)]
    [InlineData(ImportsSite.Frontline)]
    public async Task Only_admins_and_analysts_may_import(string email)
    {
        await using var site = await ImportsSite.CreateAsync();
        using var admin = await site.SignedInAsync(ImportsSite.Admin);
        var (id, _) = await ImportsSite.ImportAsync(admin, "survey.csv", Survey);
        using var other = await site.SignedInAsync(email);
        // A valid token of this user's own session: the refusal is for the role, not for a missing token.
        string token = DemoSite.AntiforgeryToken(await (await other.GetAsync("/denied")).Content.ReadAsStringAsync());

        foreach (var response in new[]
        {
            await other.GetAsync("/imports"),
            await ImportsSite.UploadAsync(other, "survey.csv", Encoding.UTF8.GetBytes(Survey), "feedback", token),
            await other.GetAsync($"/imports/{id}"),
            await other.GetAsync($"/imports/{id}/status"),
            await other.GetAsync($"/imports/{id}/rejects"),
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(1, site.Scalar<long>("SELECT count(*) FROM import_run"));
        Assert.Empty(site.StoredUploads());
        using var anonymous = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.StartsWith("/login", (await anonymous.GetAsync("/imports")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var upload = await ImportsSite.UploadAsync(analyst, "survey.csv", Encoding.UTF8.GetBytes(Survey), "feedback", token: "");

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Empty(site.StoredUploads());
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM import_run"));
    }

    [Theory]
    [InlineData("../evident.db")]
    [InlineData("00000000000000000000000000000000.csv")]
    public async Task A_start_naming_anything_but_a_stored_upload_is_refused(string upload)
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        string preview = await (await ImportsSite.UploadAsync(analyst, "survey.csv", Survey, "feedback")).Content.ReadAsStringAsync();
        string stored = site.StoredUploads().Single();

        var start = await ImportsSite.PostMappingAsync(analyst, preview.Replace(stored, upload, StringComparison.Ordinal), "start");

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Contains("this upload is not on the server", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM import_run"));
    }

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} in the page");
        int to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..to];
    }
}
