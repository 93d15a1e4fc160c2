using System.CommandLine;
using Evident.Store.Access;
using Evident.Web.Security;

namespace Evident.Cli.Serve;

/// <summary>
/// <c>evident apikey add NAME --scope read|write</c> prints a new key once (only its hash is kept); <c>list</c> shows the
/// keys as Settings does; <c>revoke PREFIX</c> ends one, so that a leaked key can be stopped on a server without a
/// browser (Settings was the only way).
/// </summary>
public static class ApiKeyCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var name = new Argument<string>("NAME") { Description = "What the key is for (shown in Settings)." };
        var scope = new Option<string>("--scope") { Description = "read (metrics, themes, verbatims) or write (also posting data).", Required = true };
        scope.AcceptOnlyFromAmong(ApiKeys.Scopes);
        var add = new Command("add", "Create an API key and print it once; keep it, it cannot be shown again.") { db, name, scope };
        add.SetAction((parse, cancellation) =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(name)))
            {
                parse.InvocationConfiguration.Error.WriteLine("error: name the key (what it is for, shown in lists)");
                return Task.FromResult(ExitCodes.UsageOrInput);
            }

            return CliWorkspace.RunAsync(parse, db, create: true, async (workspace, stdout, stderr) =>
            {
                var (key, prefix, hash) = ApiKeys.Create();
                await new AccessStore(workspace).AddApiKeyAsync(parse.GetValue(name)!.Trim(), prefix, hash, parse.GetValue(scope)!, cancellation);
                stdout.WriteLine(key);
                stderr.WriteLine($"API key {prefix}… ({parse.GetValue(scope)}) added to {workspace.Location.Display}; it is shown this once. Send it as `Authorization: Bearer KEY`.");
                return ExitCodes.Success;
            }, cancellation);
        });
        return new Command("apikey", "Keys for machines using the REST API.") { add, List(), Revoke() };
    }

    private static Command List()
    {
        var db = DbOption.Create();
        var list = new Command("list", "List the API keys: name, how the key starts, scope, when created and last used, and whether revoked.") { db };
        list.SetAction((parse, cancellation) => CliWorkspace.RunAsync(parse, db, create: false, async (workspace, output, stderr) =>
        {
            var keys = await new AccessStore(workspace).ListApiKeysAsync(cancellation);
            if (keys.Count == 0)
            {
                stderr.WriteLine("no API key yet: make one with `evident apikey add NAME --scope read|write`");
            }

            foreach (var key in keys)
            {
                output.WriteLine(string.Join('\t', key.Name, key.Prefix + "…", key.Scope, Day(key.CreatedAt),
                    key.LastUsedAt is { } used ? "last used " + Day(used) : "never used", key.RevokedAt is { } revoked ? "revoked " + Day(revoked) : "active"));
            }

            return ExitCodes.Success;
        }, cancellation));
        return list;
    }

    private static Command Revoke()
    {
        var db = DbOption.Create();
        var prefix = new Argument<string>("PREFIX") { Description = "How the key starts, as `apikey list` shows it (the whole key will do)." };
        var revoke = new Command("revoke", "Revoke an API key: from now on it opens nothing.") { db, prefix };
        revoke.SetAction((parse, cancellation) => CliWorkspace.RunAsync(parse, db, create: false, async (workspace, _, stderr) =>
        {
            var access = new AccessStore(workspace);
            string given = parse.GetValue(prefix)!.Trim().TrimEnd('…');
            var key = given.Length >= ApiKeys.PrefixLength ? await access.FindApiKeyAsync(given[..ApiKeys.PrefixLength], cancellation) : null;
            if (key is null)
            {
                stderr.WriteLine($"error: no API key starts {given}; `evident apikey list` shows how each starts ({ApiKeys.PrefixLength} characters)");
                return ExitCodes.UsageOrInput;
            }

            if (!await access.RevokeApiKeyAsync(key.Id, cancellation))
            {
                stderr.WriteLine($"{key.Prefix}… ({key.Name}) was revoked already");
                return ExitCodes.Success;
            }

            stderr.WriteLine($"revoked {key.Prefix}… ({key.Name}): it no longer opens anything");
            return ExitCodes.Success;
        }, cancellation));
        return revoke;
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
