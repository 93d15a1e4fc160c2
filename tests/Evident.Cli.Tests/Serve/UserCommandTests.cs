using System.Diagnostics;
using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Serve;

/// <summary>
/// <c>evident user</c>, run as a child process (a password comes on standard input): a team is for frontline users
/// only, and a frontline user whose team none of the latest comments carries is added with a note naming the teams
/// they do, since the match is exact and they would otherwise meet an empty inbox without a word.
/// </summary>
public sealed class UserCommandTests
{
    [Fact]
    public async Task A_frontline_team_no_comment_carries_is_added_with_a_note_naming_the_teams()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        string input = folder.Write("f.csv", "id,date,comment,team\n1,2025-03-01,Lovely staff.,billing\n2,2025-03-02,Slow reply.,front-desk\n");
        Assert.Equal(0, (await CommandRunner.RunAsync(null, "import", input, "--kind", "feedback", "--db", db)).ExitCode);

        var misspelt = await AddAsync(db, "a@example.org", "frontline", "Billing");
        var known = await AddAsync(db, "b@example.org", "frontline", "billing");

        Assert.Equal(0, misspelt.ExitCode);
        Assert.Contains("note: none of the latest 20,000 comments carries the team \"Billing\", so they may see none; the teams there: billing, front-desk", misspelt.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, known.ExitCode);
        Assert.DoesNotContain("note:", known.Stderr, StringComparison.Ordinal);
        var list = await CommandRunner.RunAsync(null, "user", "list", "--db", db);
        Assert.Contains("a@example.org\tfrontline\tBilling", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_latest_comments_are_read_for_their_teams()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        var csv = new System.Text.StringBuilder("id,date,comment,team\n");
        for (int i = 1; i <= Store.Access.AccessStore.RecentRows + 10; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},2025-03-01,Comment {i}.,{(i <= 5 ? "early" : "late")}\n");
        }

        Assert.Equal(0, (await CommandRunner.RunAsync(null, "import", folder.Write("f.csv", csv.ToString()), "--kind", "feedback", "--db", db)).ExitCode);

        await using var workspace = await Store.Workspace.OpenAsync(Store.StoreLocation.Resolve(db), create: false);
        Assert.Equal(["late"], await new Store.Access.AccessStore(workspace).RecentCommentTeamsAsync());
    }

    [Fact]
    public async Task A_team_for_anyone_but_a_frontline_user_is_refused()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");

        var result = await AddAsync(db, "c@example.org", "viewer", "billing");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("error: --team is for frontline users; a viewer sees every team", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task A_password_is_set_anew_from_standard_input_and_the_last_admin_is_not_removed()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        Assert.Equal(0, (await AddAsync(db, "boss@example.org", "admin", null)).ExitCode);
        Assert.Equal(0, (await AddAsync(db, "reader@example.org", "viewer", null)).ExitCode);

        var reset = await RunAsync(["user", "password", "Reader@Example.org", "--db", db], "another-long-password");
        var tooShort = await RunAsync(["user", "password", "reader@example.org", "--db", db], "short");
        var unknown = await RunAsync(["user", "password", "nobody@example.org", "--db", db], "another-long-password");
        var lastAdmin = await CommandRunner.RunAsync(null, "user", "remove", "boss@example.org", "--db", db);
        var removed = await CommandRunner.RunAsync(null, "user", "remove", "reader@example.org", "--db", db);

        Assert.Equal((0, "set a new password for reader@example.org\n"), (reset.ExitCode, reset.Stderr));
        Assert.Equal(ExitCodes.UsageOrInput, tooShort.ExitCode);
        Assert.Contains("a password needs at least", tooShort.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrInput, unknown.ExitCode);
        Assert.Contains("nobody@example.org: no such user", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrInput, lastAdmin.ExitCode);
        Assert.Contains("boss@example.org is the last admin", lastAdmin.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, "removed reader@example.org (viewer)\n"), (removed.ExitCode, removed.Stderr));
        Assert.Equal("boss@example.org\tadmin\t\tnever signed in\n", (await CommandRunner.RunAsync(null, "user", "list", "--db", db)).Stdout);
    }

    [Fact]
    public async Task The_new_password_is_the_one_that_verifies()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        Assert.Equal(0, (await AddAsync(db, "boss@example.org", "admin", null)).ExitCode);

        Assert.Equal(0, (await RunAsync(["user", "password", "boss@example.org", "--db", db], "another-long-password")).ExitCode);

        await using var workspace = await Store.Workspace.OpenAsync(Store.StoreLocation.Resolve(db), create: false);
        var user = await new Store.Access.AccessStore(workspace).FindUserAsync("boss@example.org");
        Assert.True(Web.Security.Passwords.Verify(user!.PasswordHash, "another-long-password"));
        Assert.False(Web.Security.Passwords.Verify(user.PasswordHash, "a-long-enough-password"));
    }

    private static Task<CommandResult> AddAsync(string db, string email, string role, string? team) =>
        RunAsync(team is null ? ["user", "add", email, "--role", role, "--db", db] : ["user", "add", email, "--role", role, "--team", team, "--db", db],
            "a-long-enough-password");

    /// <summary>Runs the CLI as a child process with <paramref name="input"/> as the line on its standard input.</summary>
    private static async Task<CommandResult> RunAsync(string[] arguments, string input)
    {
        var start = ChildProcess.StartInfo(arguments);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
