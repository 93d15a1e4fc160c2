using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Evident.Cli;
using Evident.Store;
using Evident.Store.Access;
using Evident.Store.Evidence;
using Evident.Web.Security;

namespace Evident.Web.Tests;

/// <summary>
/// A text search on PostgreSQL is counted only up to 500 matches past the page shown (an exact count visits every
/// match): the page says "More than 500 comments" and "page 1 of more than 10", and exact figures once the count is
/// reached. SQLite counts from its full-text index and stays exact.
/// </summary>
public sealed partial class VoicesBoundedCountTests
{
    private const string Email = "analyst@example.org";
    private const int Matching = 620;

    [SkippableTheory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_search_past_500_matches_says_so_on_postgresql_and_counts_exactly_on_sqlite(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await ImportAsync(target.Db);
        using var factory = DemoSite.Serve(target.Db);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await DemoSite.SignInAsync(client, Email, DemoSite.Password)).StatusCode);

        var first = Read(await client.GetStringAsync("/voices?q=waiting"));
        var twelfth = Read(await client.GetStringAsync("/voices?q=waiting&page=12"));
        var last = Read(await client.GetStringAsync("/voices?q=waiting&page=13"));
        var all = Read(await client.GetStringAsync("/voices"));

        if (dialect == "postgres")
        {
            Assert.Equal(("More than 500 comments", "page 1 of more than 10"), (first.Count, first.Page));
            Assert.Equal(("More than 600 comments", "page 12 of more than 12"), (twelfth.Count, twelfth.Page));
        }
        else
        {
            Assert.Equal(("620 comments", "page 1 of 13"), (first.Count, first.Page));
            Assert.Equal(("620 comments", "page 12 of 13"), (twelfth.Count, twelfth.Page));
        }

        // Wherever the count is reached, and without words, the figures are exact on both.
        Assert.Equal(("620 comments", "page 13 of 13", Matching % 50), (last.Count, last.Page, last.Shown));
        Assert.Equal(("650 comments", "page 1 of 13"), (all.Count, all.Page));
        Assert.Equal(50, first.Shown);
    }

    /// <summary>620 comments with "waiting" in them and 30 without, through the real import.</summary>
    private static async Task ImportAsync(string db)
    {
        string folder = Directory.CreateTempSubdirectory("evident-voices-count-").FullName;
        try
        {
            var csv = new StringBuilder("id,date,score,comment\n");
            for (int i = 0; i < Matching + 30; i++)
            {
                string day = new DateOnly(2025, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"c{i},{day},{i % 11},")
                    .Append(i < Matching ? $"\"Still waiting for my refund, case {i}.\"\n" : $"\"Lovely staff, visit {i}.\"\n");
            }

            string file = Path.Combine(folder, "feedback.csv");
            await File.WriteAllTextAsync(file, csv.ToString());
            using var output = new StringWriter();
            using var error = new StringWriter();
            int exit = await Cli.Program.RunAsync(Cli.Program.CreateRootCommand(), ["import", file, "--kind", "feedback", "--db", db],
                new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
            Assert.True(exit == ExitCodes.Success, error.ToString());

            await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(db), create: false);
            await new AccessStore(workspace).AddUserAsync(Email, Passwords.Hash(DemoSite.Password), Roles.Analyst, null);
            await SearchIndex.CatchUpAsync(workspace); // what the server's background indexing does first (SQLite)
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (string Count, string Page, int Shown) Read(string html) =>
        (Decode(CountPattern().Match(html).Groups[1].Value), Decode(PagePattern().Match(html).Groups[1].Value), VoicesPage.Articles(html).Count);

    private static string Decode(string text) => WebUtility.HtmlDecode(text).Trim();

    [GeneratedRegex("<p id=\"voices-count\">([^<,]*?comments?)")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<span>(page [^<]*)</span>")]
    private static partial Regex PagePattern();
}
