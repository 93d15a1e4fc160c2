using Evident.Cli;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using static Evident.Web.Tests.VoicesPage;

namespace Evident.Web.Tests;

/// <summary>
/// Comments written to attack whoever reads them — markup for the page, formulas for the spreadsheet — imported into a
/// fresh workspace through the real command line and read back through the real server.
/// </summary>
public sealed class VoicesHostileTextTests : IAsyncLifetime, IDisposable
{
    private const string Email = "analyst@example.org";
    private const string Script = "<script>alert(1)</script>";

    private static readonly string[] Comments =
    [
        Script + " I was on hold for 40 minutes.",
        "=HYPERLINK(\"http://example.org\",\"click\") the bill was wrong",
        "+44 is the only number and nobody answers",
        "-2 stars, the receptionist was rude",
        "@reception please call me back",
        "Lovely nurse, \"really\" kind,\nand quick.",
    ];

    private readonly TempFolder _folder = new();
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        var csv = new System.Text.StringBuilder("id,date,nps,comment,team\n");
        for (int i = 0; i < Comments.Length; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"h{i},2026-05-{10 + i}T10:00:00Z,{i},\"{Comments[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\",billing\n");
        }

        string database = Path.Combine(_folder.Path, "hostile.db");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await Cli.Program.RunAsync(Cli.Program.CreateRootCommand(), ["import", _folder.Write("hostile.csv", csv.ToString()), "--kind", "feedback", "--db", database],
            new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.True(exit == ExitCodes.Success, stderr.ToString());
        await using (var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(database), create: false))
        {
            await new AccessStore(workspace).AddUserAsync(Email, Passwords.Hash(DemoSite.Password), Roles.Analyst, null);
        }

        _factory = DemoSite.Serve(database);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DemoSite.SignInAsync(client, Email, DemoSite.Password);
        return client;
    }

    [Fact]
    public async Task Markup_in_a_comment_is_shown_as_text_with_its_signals_still_marked()
    {
        using var client = await SignedInAsync();
        string html = await client.GetStringAsync("/voices?q=" + Uri.EscapeDataString(Script));

        Assert.Equal(1, Count(html));
        string article = Assert.Single(Articles(html));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", article, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Matches("<mark title=\"[^\"]*theme: wait-time[^\"]*\">", article);
        // The search box gives the term back as an attribute value, escaped too.
        Assert.Contains("name=\"q\" value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_exported_cell_starts_like_a_spreadsheet_formula()
    {
        using var client = await SignedInAsync();
        var rows = await ExportAsync(client, "");
        Assert.Equal(Comments.Length, rows.Count - 1);

        var texts = rows.Skip(1).Select(row => row[10]).ToList();
        Assert.Contains("'=HYPERLINK(\"http://example.org\",\"click\") the bill was wrong", texts);
        Assert.Contains("'+44 is the only number and nobody answers", texts);
        Assert.Contains("'-2 stars, the receptionist was rude", texts);
        Assert.Contains("'@reception please call me back", texts);
        // Quotes, commas and a line break survive the quoting unchanged.
        Assert.Contains("Lovely nurse, \"really\" kind,\nand quick.", texts);
        Assert.All(rows.Skip(1).SelectMany(row => row), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@', cell));
        // Numbers are this program's own and stay numbers, signs and all.
        Assert.Contains(rows.Skip(1), row => row[7].StartsWith('-'));
        Assert.All(rows.Skip(1), row => double.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _folder.Dispose();
}
