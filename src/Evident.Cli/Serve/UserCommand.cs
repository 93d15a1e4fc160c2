using System.CommandLine;
using Evident.Store.Access;
using Evident.Web.Security;

namespace Evident.Cli.Serve;

/// <summary>
/// <c>evident user add EMAIL --role ROLE [--team TEAM]</c> (the password read from standard input, never an argument
/// that the shell's history or <c>ps</c> would keep), <c>evident user list</c>, <c>user password EMAIL</c>,
/// <c>user remove EMAIL</c>.
/// </summary>
public static class UserCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var email = new Argument<string>("EMAIL") { Description = "The person's e-mail address (their sign-in name)." };
        var role = new Option<string>("--role")
        {
            Description = "admin (everything), analyst (every page, imports), viewer (every page, read only), frontline (their team's comments).",
            Required = true,
        };
        role.AcceptOnlyFromAmong(Roles.All);
        var team = new Option<string?>("--team") { Description = "frontline: the team whose comments the user sees (as in the data's team column)." };
        var add = new Command("add", "Add a user; the password is read from standard input (one line).") { db, email, role, team };
        add.SetAction(async (parse, cancellation) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            string chosenRole = parse.GetValue(role)!;
            string? chosenTeam = parse.GetValue(team);
            if (chosenRole == Roles.Frontline && string.IsNullOrWhiteSpace(chosenTeam))
            {
                stderr.WriteLine("error: a frontline user needs --team (the team whose comments they see)");
                return ExitCodes.UsageOrInput;
            }

            if (chosenRole != Roles.Frontline && !string.IsNullOrWhiteSpace(chosenTeam))
            {
                stderr.WriteLine($"error: --team is for frontline users; a{(chosenRole == Roles.Admin ? "n" : "")} {chosenRole} sees every team");
                return ExitCodes.UsageOrInput;
            }

            string address = parse.GetValue(email)!;
            if (!address.Contains('@', StringComparison.Ordinal))
            {
                stderr.WriteLine($"error: {address}: not an e-mail address");
                return ExitCodes.UsageOrInput;
            }

            if (await ReadPasswordAsync(stderr, cancellation) is not { } password)
            {
                return ExitCodes.UsageOrInput;
            }

            return await CliWorkspace.RunAsync(parse, db, create: true, async (workspace, _, _) =>
            {
                var access = new AccessStore(workspace);
                await access.AddUserAsync(address, Passwords.Hash(password), chosenRole, chosenRole == Roles.Frontline ? chosenTeam : null, cancellation);
                stderr.WriteLine($"added {AccessStore.NormaliseEmail(address)} ({chosenRole}{(chosenRole == Roles.Frontline ? ", team " + chosenTeam : "")}) to {workspace.Location.Display}");
                if (chosenRole == Roles.Frontline && Roles.FrontlineTeamNote(chosenTeam!.Trim(), await access.RecentCommentTeamsAsync(cancellation)) is { } note)
                {
                    // Added all the same: the team's comments may come with the next import. A misspelt team (or "Billing"
                    // for "billing": the match is exact) would otherwise show the user an empty inbox without a word.
                    stderr.WriteLine("note: " + note);
                }

                return ExitCodes.Success;
            }, cancellation);
        });

        var listDb = DbOption.Create();
        var list = new Command("list", "List the users of a workspace.") { listDb };
        list.SetAction((parse, cancellation) => CliWorkspace.RunAsync(parse, listDb, create: false, async (workspace, stdout, stderr) =>
        {
            var users = await new AccessStore(workspace).ListUsersAsync(cancellation);
            if (users.Count == 0)
            {
                stderr.WriteLine("no user yet: add the first admin with `evident user add EMAIL --role admin` (the password on standard input)");
            }

            foreach (var user in users)
            {
                stdout.WriteLine($"{user.Email}\t{user.Role}\t{user.Team}\t{user.LastLoginAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never signed in"}");
            }

            return ExitCodes.Success;
        }, cancellation));
        return new Command("user", "People who may sign in to `evident serve`.") { add, list, Password(), Remove() };
    }

    /// <summary><c>user password EMAIL</c>: a new password, read from standard input, for someone who forgot theirs
    /// (Settings can add and remove people but set no password, and a lone admin who forgot theirs could not sign in to it).</summary>
    private static Command Password()
    {
        var db = DbOption.Create();
        var email = new Argument<string>("EMAIL") { Description = "The user's e-mail address." };
        var password = new Command("password", "Set a user's password; the new one is read from standard input (one line).") { db, email };
        password.SetAction((parse, cancellation) => WithUserAsync(parse, db, email, async (access, user, stderr) =>
        {
            if (await ReadPasswordAsync(stderr, cancellation) is not { } chosen)
            {
                return ExitCodes.UsageOrInput;
            }

            await access.SetPasswordHashAsync(user.Id, Passwords.Hash(chosen), cancellation);
            stderr.WriteLine($"set a new password for {user.Email}");
            return ExitCodes.Success;
        }, cancellation));
        return password;
    }

    /// <summary><c>user remove EMAIL</c>: the user may no longer sign in; the last admin stays, as on Settings.</summary>
    private static Command Remove()
    {
        var db = DbOption.Create();
        var email = new Argument<string>("EMAIL") { Description = "The user's e-mail address." };
        var remove = new Command("remove", "Remove a user: they can no longer sign in (the last admin cannot be removed).") { db, email };
        remove.SetAction((parse, cancellation) => WithUserAsync(parse, db, email, async (access, user, stderr) =>
        {
            var admins = (await access.ListUsersAsync(cancellation)).Count(u => u.Role == Roles.Admin);
            if (user.Role == Roles.Admin && admins == 1)
            {
                stderr.WriteLine($"error: {user.Email} is the last admin: add another (evident user add EMAIL --role admin) first");
                return ExitCodes.UsageOrInput;
            }

            await access.DeleteUserAsync(user.Id, cancellation);
            stderr.WriteLine($"removed {user.Email} ({user.Role})");
            return ExitCodes.Success;
        }, cancellation));
        return remove;
    }

    /// <summary>Runs <paramref name="work"/> on the user <paramref name="email"/> names; one who does not exist is an error.</summary>
    private static Task<int> WithUserAsync(
        ParseResult parse, Option<string?> db, Argument<string> email, Func<AccessStore, UserRecord, TextWriter, Task<int>> work, CancellationToken cancellation) =>
        CliWorkspace.RunAsync(parse, db, create: false, async (workspace, _, stderr) =>
        {
            var access = new AccessStore(workspace);
            if (await access.FindUserAsync(parse.GetValue(email)!, cancellation) is not { } user)
            {
                stderr.WriteLine($"error: {AccessStore.NormaliseEmail(parse.GetValue(email)!)}: no such user; `evident user list` shows who may sign in");
                return ExitCodes.UsageOrInput;
            }

            return await work(access, user, stderr);
        }, cancellation);

    /// <summary>A password from standard input (prompted for on a terminal), or null once the problem with it is said.</summary>
    private static async Task<string?> ReadPasswordAsync(TextWriter stderr, CancellationToken cancellation)
    {
        if (!Console.IsInputRedirected)
        {
            stderr.Write("Password: ");
        }

        string? password = await Console.In.ReadLineAsync(cancellation);
        if (Passwords.Problem(password) is string problem)
        {
            stderr.WriteLine($"error: {problem} (read from standard input)");
            return null;
        }

        return password;
    }
}
