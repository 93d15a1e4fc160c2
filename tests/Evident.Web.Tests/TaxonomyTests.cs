using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evident.Web.Tests;

/// <summary>
/// The theme taxonomy page on a workspace of its own: who may open it, a theme added and found in the stored comments
/// by the re-analysis it starts, the problems of a bad theme shown beside their field with nothing saved.
/// </summary>
public sealed class TaxonomyTests
{
    private const string Survey = """
        id,date,score,comment
        1,2025-03-01T09:00:00Z,2,"The car park was full, I was on hold for 40 minutes."
        2,2025-03-01T10:30:00Z,10,Lovely staff.
        3,2025-03-02T08:00:00Z,4,No parking space anywhere near the entrance.
        4,2025-03-03T08:00:00Z,9,Quick and kind.
        """;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> form)
    {
        string page = await client.GetStringAsync("/settings/taxonomy");
        form["__RequestVerificationToken"] = DemoSite.AntiforgeryToken(page);
        return await client.PostAsync("/settings/taxonomy/" + handler, new FormUrlEncodedContent(form));
    }

    /// <summary>Polls the status until the re-analysis has ended; its final state.</summary>
    private static async Task<JsonElement> FollowAsync(HttpClient client)
    {
        // Generous: the first analysis in a process loads the language engine; the run itself takes milliseconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var state = JsonDocument.Parse(await client.GetStringAsync("/settings/taxonomy/status", timeout.Token)).RootElement;
            if (state.GetProperty("status").GetString() != "running")
            {
                return state;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task Analysts_and_admins_open_the_taxonomy_and_the_others_are_kept_out()
    {
        await using var site = await ImportsSite.CreateAsync();
        foreach (string email in (string[])[ImportsSite.Viewer, ImportsSite.Frontline])
        {
            using var client = await site.SignedInAsync(email);
            var response = await client.GetAsync("/settings/taxonomy");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            var post = await client.PostAsync("/settings/taxonomy/Reanalyse", new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/settings/taxonomy/status")).StatusCode);
        }

        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        string page = await analyst.GetStringAsync("/settings/taxonomy");
        Assert.Contains("<a href=\"/settings/taxonomy\" aria-current=\"page\">Taxonomy</a>", page, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"theme-wait-time\">", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"reanalysis-status\">current</span>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/settings/taxonomy/nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/settings/taxonomy?edit=no-such-theme")).StatusCode);
        using var admin = await site.SignedInAsync(ImportsSite.Admin);
        Assert.Contains("<a href=\"/settings/taxonomy\">Theme taxonomy</a>", await admin.GetStringAsync("/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_adds_a_theme_and_after_the_re_analysis_its_comments_show_in_themes_and_voices()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        await ImportsSite.ImportAsync(analyst, "survey.csv", Survey);
        Assert.DoesNotContain("/voices?theme=parking", await analyst.GetStringAsync("/themes"), StringComparison.Ordinal);

        var saved = await PostAsync(analyst, "Save", new()
        {
            ["id"] = "parking", ["name"] = "Parking <b>spaces</b>", ["description"] = "Where to leave the car.", ["phrases"] = "car park\r\nParking Space\r\n", ["editing"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/settings/taxonomy?saved=parking#reanalysis", saved.Headers.Location!.OriginalString);
        var state = await FollowAsync(analyst);
        Assert.Equal("completed", state.GetProperty("status").GetString());
        Assert.Equal((4, 2), (state.GetProperty("analysed").GetInt64(), state.GetProperty("rowsAfter").GetInt64() - state.GetProperty("rowsBefore").GetInt64()));
        Assert.Equal(2, site.Scalar<long>("SELECT count(*) FROM feedback_theme WHERE theme = 'parking'"));

        string page = await analyst.GetStringAsync("/settings/taxonomy?saved=parking");
        Assert.Contains("Saved parking.", page, StringComparison.Ordinal);
        Assert.Contains("theme mentions", page, StringComparison.Ordinal);
        Assert.Contains("Parking &lt;b&gt;spaces&lt;/b&gt;", page, StringComparison.Ordinal); // what was typed is text, never markup
        Assert.DoesNotContain("<b>spaces</b>", page, StringComparison.Ordinal);
        Assert.Contains("<td><a href=\"/voices?theme=parking\">2</a></td>", page, StringComparison.Ordinal);

        string themes = await analyst.GetStringAsync("/themes");
        Assert.Contains("<a href=\"/voices?theme=parking\">Parking &lt;b&gt;spaces&lt;/b&gt;</a>", themes, StringComparison.Ordinal);
        string voices = await analyst.GetStringAsync("/voices?theme=parking");
        Assert.Equal(2, VoicesPage.Count(voices));
        Assert.Contains("No parking space anywhere near the entrance.", WebUtility.HtmlDecode(Regex.Replace(voices, "<[^>]+>", "")), StringComparison.Ordinal);
        Assert.Contains("theme: parking", voices, StringComparison.Ordinal); // the span behind the new theme is marked
    }

    [Fact]
    public async Task A_bad_phrase_is_shown_beside_its_field_and_nothing_is_saved()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);

        var response = await PostAsync(analyst, "Save", new()
        {
            ["id"] = "roaming", ["name"] = "Roaming", ["phrases"] = "roaming charge\n4g <signal>", ["editing"] = "false",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"error field-error\" id=\"error-phrases\">&quot;4g &lt;signal&gt;&quot;: digits are not matched literally", page, StringComparison.Ordinal);
        Assert.Contains("roaming charge&#xA;4g &lt;signal&gt;</textarea>", page, StringComparison.Ordinal); // what was typed comes back to fix
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM workspace_theme"));
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM workspace_setting WHERE name = 'taxonomy_version'"));

        var noToken = await analyst.PostAsync("/settings/taxonomy/Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = "roaming", ["name"] = "Roaming", ["phrases"] = "roaming charge",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM workspace_theme"));
    }

    [Fact]
    public async Task Exceptions_typed_in_the_form_keep_the_theme_out_of_the_comments_that_hold_them_and_a_bad_one_is_shown_beside_its_field()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        await ImportsSite.ImportAsync(analyst, "survey.csv", Survey);

        var refused = await PostAsync(analyst, "Save", new()
        {
            ["id"] = "parking", ["name"] = "Parking", ["phrases"] = "car park\nparking space", ["except"] = "car park <full>\nparking space", ["editing"] = "false",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        string problems = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"error field-error\" id=\"error-except\">&quot;parking space&quot; is one of the theme&#x27;s phrases", problems, StringComparison.Ordinal);
        Assert.Contains(">car park &lt;full&gt;&#xA;parking space</textarea>", problems, StringComparison.Ordinal); // kept as typed, as text
        Assert.Contains("id=\"error-except\">&quot;car park &lt;full&gt;&quot;: &#x27;&lt;&#x27; cannot be matched", problems, StringComparison.Ordinal);
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM workspace_theme"));

        var saved = await PostAsync(analyst, "Save", new()
        {
            ["id"] = "parking", ["name"] = "Parking", ["phrases"] = "car park\nparking space", ["except"] = "Car park ... full\r\n", ["editing"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("completed", (await FollowAsync(analyst)).GetProperty("status").GetString());
        // "The car park was full" is held back by the exception; "No parking space anywhere" is not.
        Assert.Equal("3", site.Scalar<string>("SELECT f.external_id FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id WHERE t.theme = 'parking'"));
        Assert.Equal(1, site.Scalar<long>("SELECT count(*) FROM feedback_theme WHERE theme = 'parking'"));
        Assert.Contains("<small>1 exception</small>", await analyst.GetStringAsync("/settings/taxonomy"), StringComparison.Ordinal);
        Assert.Contains(">car park ... full</textarea>", await analyst.GetStringAsync("/settings/taxonomy?edit=parking"), StringComparison.Ordinal);
        string shipped = await analyst.GetStringAsync("/settings/taxonomy?edit=complaint-handling");
        Assert.Contains("id=\"shipped-exceptions\">Except: ", shipped, StringComparison.Ordinal);
        Assert.DoesNotContain("shipped-fallbacks", shipped, StringComparison.Ordinal); // complaint-handling has none
        Assert.Contains("id=\"shipped-fallbacks\">Only when no other theme is found: didn&#x27;t work", await analyst.GetStringAsync("/settings/taxonomy?edit=product-quality"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_shipped_theme_keeps_its_phrases_and_undoing_it_restores_the_shipped_theme()
    {
        await using var site = await ImportsSite.CreateAsync();
        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        string form = await analyst.GetStringAsync("/settings/taxonomy?edit=delivery");
        Assert.Contains("delivery is a shipped theme.", form, StringComparison.Ordinal);
        Assert.Contains("name=\"id\" value=\"delivery\" readonly", form, StringComparison.Ordinal);

        var saved = await PostAsync(analyst, "Save", new() { ["id"] = "delivery", ["name"] = "", ["phrases"] = "parcel shop", ["editing"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await FollowAsync(analyst);
        string page = await analyst.GetStringAsync("/settings/taxonomy");
        Assert.Contains("shipped, changed here", page, StringComparison.Ordinal);
        Assert.Contains("1 added", page, StringComparison.Ordinal);

        var undone = await PostAsync(analyst, "Remove", new() { ["id"] = "delivery" });
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal("completed", (await FollowAsync(analyst)).GetProperty("status").GetString());
        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM workspace_theme"));
        Assert.DoesNotContain("shipped, changed here", await analyst.GetStringAsync("/settings/taxonomy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_theme_added_on_the_command_line_is_found_in_the_stored_comments_once_the_server_starts()
    {
        await using var site = await ImportsSite.CreateAsync(); // the server starts with the first client, below
        string csv = Path.Combine(Path.GetDirectoryName(site.Database)!, "survey.csv");
        await File.WriteAllTextAsync(csv, Survey);
        foreach (string[] args in (string[][])[
            ["import", csv, "--kind", "feedback", "--db", site.Database],
            ["themes", "add", "parking", "--name", "Parking", "--phrase", "car park", "--phrase", "parking space", "--db", site.Database]])
        {
            using var output = new StringWriter();
            int exit = await Cli.Program.RunAsync(Cli.Program.CreateRootCommand(), args, new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
            Assert.True(exit == 0, output.ToString());
        }

        Assert.Equal(0, site.Scalar<long>("SELECT count(*) FROM feedback_theme WHERE theme = 'parking'"));

        using var analyst = await site.SignedInAsync(ImportsSite.Analyst);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string status;
        do
        {
            await Task.Delay(50, timeout.Token);
            status = JsonDocument.Parse(await analyst.GetStringAsync("/settings/taxonomy/status", timeout.Token)).RootElement.GetProperty("status").GetString()!;
        }
        while (status != "completed");

        Assert.Equal(2, site.Scalar<long>("SELECT count(*) FROM feedback_theme WHERE theme = 'parking'"));
    }
}
