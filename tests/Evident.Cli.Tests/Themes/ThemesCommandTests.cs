using Evident.Cli.Tests.Analyze;
using Microsoft.Data.Sqlite;

namespace Evident.Cli.Tests.Themes;

/// <summary><c>evident themes add | list | remove | reanalyze</c> in-process, on real SQLite files.</summary>
public sealed class ThemesCommandTests
{
    private const string Before = """
        id,date,score,comment
        1,2025-03-01T09:00:00Z,2,"The car park was full, I was on hold for 40 minutes."
        2,2025-03-01T10:30:00Z,10,Lovely staff.
        """;

    private const string After = """
        id,date,score,comment
        3,2025-03-02T09:00:00Z,4,No parking space anywhere near the entrance.
        """;

    [Fact]
    public async Task A_theme_added_is_used_by_the_next_import_and_reanalyze_finds_it_in_the_rows_stored_before()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "ws.db");
        await CommandRunner.RunAsync(null, "import", folder.Write("before.csv", Before), "--kind", "feedback", "--db", db);

        var added = await CommandRunner.RunAsync(null, "themes", "add", "parking", "--name", "Parking", "--phrase", "car park", "--phrase", "parking space", "--db", db);
        var more = await CommandRunner.RunAsync(null, "themes", "add", "parking", "--phrase", "multi storey", "--db", db);
        await CommandRunner.RunAsync(null, "import", folder.Write("after.csv", After), "--kind", "feedback", "--db", db);

        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.Contains("saved parking (2 phrases of the workspace)", added.Stdout, StringComparison.Ordinal);
        Assert.Contains("evident themes reanalyze", added.Stderr, StringComparison.Ordinal);
        Assert.Contains("saved parking (3 phrases of the workspace)", more.Stdout, StringComparison.Ordinal); // added to, not replaced
        Assert.Equal(["3"], Ids(db, "parking")); // imported after: analysed with the theme

        var list = await CommandRunner.RunAsync(null, "themes", "list", "--db", db);
        Assert.Matches(@"(?m)^parking\s+Parking\s+3\s+1\s+this workspace$", list.Stdout);
        int fallbacks = Evident.Text.TextAnalyzer.Default.Lexicons.Taxonomy.Find("product-quality")!.Fallback.Count;
        Assert.True(fallbacks > 0);
        Assert.Matches($@"(?m)^product-quality\s+Product quality\s+[\d,]+\s+\d+\s+shipped, {fallbacks} fallbacks$", list.Stdout);
        Assert.Contains("changed since the stored comments were analysed", list.Stderr, StringComparison.Ordinal);

        var reanalysed = await CommandRunner.RunAsync(null, "themes", "reanalyze", "--db", db);

        Assert.Equal(ExitCodes.Success, reanalysed.ExitCode);
        Assert.Contains("re-analysed 3 comments for taxonomy version 2", reanalysed.Stdout, StringComparison.Ordinal);
        Assert.Equal(["1", "3"], Ids(db, "parking"));
        Assert.Matches(@"(?m)^parking\s+Parking\s+3\s+2\s+this workspace$", (await CommandRunner.RunAsync(null, "themes", "list", "--db", db)).Stdout);

        var removed = await CommandRunner.RunAsync(null, "themes", "remove", "parking", "--db", db);
        await CommandRunner.RunAsync(null, "themes", "reanalyze", "--db", db);
        Assert.Equal(ExitCodes.Success, removed.ExitCode);
        Assert.Empty(Ids(db, "parking"));
    }

    [Fact]
    public async Task A_theme_with_a_bad_phrase_is_refused_with_the_phrase_and_the_reason()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "ws.db");

        var result = await CommandRunner.RunAsync(null, "themes", "add", "Roaming", "--phrase", "4g abroad", "--db", db);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("error: id: 'Roaming' is not an id", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error: name: a name is required", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error: phrases: \"4g abroad\": digits are not matched literally", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrInput, (await CommandRunner.RunAsync(null, "themes", "remove", "roaming", "--db", db)).ExitCode);
    }

    [Fact]
    public async Task Exceptions_added_to_a_theme_keep_it_out_of_the_comments_that_hold_them_after_reanalyze()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "ws.db");
        await CommandRunner.RunAsync(null, "themes", "add", "parking", "--name", "Parking", "--phrase", "car park", "--phrase", "parking space", "--db", db);
        await CommandRunner.RunAsync(null, "import", folder.Write("before.csv", Before), "--kind", "feedback", "--db", db);
        await CommandRunner.RunAsync(null, "import", folder.Write("after.csv", After), "--kind", "feedback", "--db", db);
        Assert.Equal(["1", "3"], Ids(db, "parking"));

        var cancelling = await CommandRunner.RunAsync(null, "themes", "add", "parking", "--except", "parking space", "--db", db);
        var added = await CommandRunner.RunAsync(null, "themes", "add", "parking", "--except", "car park ... full", "--db", db);
        await CommandRunner.RunAsync(null, "themes", "reanalyze", "--db", db);

        Assert.Equal(ExitCodes.UsageOrInput, cancelling.ExitCode);
        Assert.Contains("error: except: \"parking space\" is one of the theme's phrases", cancelling.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.Contains("saved parking (2 phrases, 1 exception of the workspace)", added.Stdout, StringComparison.Ordinal); // the phrases kept
        Assert.Equal(["3"], Ids(db, "parking")); // "The car park was full" is excepted; "No parking space anywhere" is not
        Assert.Matches(@"(?m)^parking\s+Parking\s+2\s+1\s+this workspace, 1 exception$", (await CommandRunner.RunAsync(null, "themes", "list", "--db", db)).Stdout);
    }

    private static List<string> Ids(string db, string theme)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT f.external_id FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id WHERE t.theme = $theme ORDER BY 1";
        command.Parameters.AddWithValue("$theme", theme);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
