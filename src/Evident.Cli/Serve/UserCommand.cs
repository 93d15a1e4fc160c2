using System.CommandLine;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Security;

namespace Evident.Cli.Serve;

/// <summary>
/// <c>evident user add EMAIL --role ROLE [--team TEAM]</c> (the password read from standard input, never an argument
/// that the shell's history or <c>ps</c> would keep), <c>evident user list</c>.
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

            if (!Console.IsInputRedirected)
            {
                stderr.Write("Password: ");
            }

            string? password = await Console.In.ReadLineAsync(cancellation);
            if (Passwords.Problem(password) is string problem)
            {
                stderr.WriteLine($"error: {problem} (read from standard input)");
                return ExitCodes.UsageOrInput;
            }

            try
            {
                await using var workspace = await CliWorkspace.OpenAsync(StoreLocation.Resolve(parse.GetValue(db)), create: true, stderr, cancellation);
                var access = new AccessStore(workspace);
                await access.AddUserAsync(address, Passwords.Hash(password!), chosenRole, chosenRole == Roles.Frontline ? chosenTeam : null, cancellation);
                stderr.WriteLine($"added {AccessStore.NormaliseEmail(address)} ({chosenRole}{(chosenRole == Roles.Frontline ? ", team " + chosenTeam : "")}) to {workspace.Location.Display}");
                if (chosenRole == Roles.Frontline && await access.CommentTeamsAsync(chosenTeam!.Trim(), cancellation) is (false, var teams))
                {
                    // Added all the same: the team's comments may come with the next import. A misspelt team (or "Billing"
                    // for "billing": the match is exact) would otherwise show the user an empty inbox without a word.
                    stderr.WriteLine($"note: no comment is stored with the team \"{chosenTeam.Trim()}\" yet, so they see none until one is"
                        + (teams.Count > 0 ? $"; the teams with comments: {string.Join(", ", teams)}" : ""));
                }

                return ExitCodes.Success;
            }
            catch (StoreException exception)
            {
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });

        var listDb = DbOption.Create();
        var list = new Command("list", "List the users of a workspace.") { listDb };
        list.SetAction(async (parse, cancellation) =>
        {
            try
            {
                await using var workspace = await CliWorkspace.OpenAsync(StoreLocation.Resolve(parse.GetValue(listDb)), create: false, parse.InvocationConfiguration.Error, cancellation);
                foreach (var user in await new AccessStore(workspace).ListUsersAsync(cancellation))
                {
                    parse.InvocationConfiguration.Output.WriteLine($"{user.Email}\t{user.Role}\t{user.Team}\t{user.LastLoginAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never signed in"}");
                }

                return ExitCodes.Success;
            }
            catch (StoreException exception)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return new Command("user", "People who may sign in to `evident serve`.") { add, list };
    }
}
