using System.Diagnostics;
using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Serve;

/// <summary>
/// <c>evident user add</c>, run as a child process (the password comes on standard input): a team is for frontline
/// users only, and a frontline user whose team no comment carries is added with a note naming the teams that do, since
/// the match is exact and they would otherwise meet an empty inbox without a word.
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
        Assert.Contains("note: no comment is stored with the team \"Billing\" yet, so they see none until one is; the teams with comments: billing, front-desk", misspelt.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, known.ExitCode);
        Assert.DoesNotContain("note:", known.Stderr, StringComparison.Ordinal);
        var list = await CommandRunner.RunAsync(null, "user", "list", "--db", db);
        Assert.Contains("a@example.org\tfrontline\tBilling", list.Stdout, StringComparison.Ordinal);
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

    private static async Task<CommandResult> AddAsync(string db, string email, string role, string team)
    {
        var start = ChildProcess.StartInfo(["user", "add", email, "--role", role, "--team", team, "--db", db]);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("a-long-enough-password");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
