using System.CommandLine;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Security;

namespace Evident.Cli.Serve;

/// <summary><c>evident apikey add NAME --scope read|write</c>: prints a new key once (only its hash is kept).</summary>
public static class ApiKeyCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var name = new Argument<string>("NAME") { Description = "What the key is for (shown in Settings)." };
        var scope = new Option<string>("--scope") { Description = "read (metrics, themes, verbatims) or write (also posting data).", Required = true };
        scope.AcceptOnlyFromAmong(ApiKeys.Scopes);
        var add = new Command("add", "Create an API key and print it once; keep it, it cannot be shown again.") { db, name, scope };
        add.SetAction(async (parse, cancellation) =>
        {
            try
            {
                await using var workspace = await CliWorkspace.OpenAsync(StoreLocation.Resolve(parse.GetValue(db)), create: true, parse.InvocationConfiguration.Error, cancellation);
                var (key, prefix, hash) = ApiKeys.Create();
                await new AccessStore(workspace).AddApiKeyAsync(parse.GetValue(name)!, prefix, hash, parse.GetValue(scope)!, cancellation);
                parse.InvocationConfiguration.Output.WriteLine(key);
                parse.InvocationConfiguration.Error.WriteLine($"API key {prefix}… ({parse.GetValue(scope)}) added to {workspace.Location.Display}; it is shown this once. Send it as `Authorization: Bearer KEY`.");
                return ExitCodes.Success;
            }
            catch (StoreException exception)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return new Command("apikey", "Keys for machines using the REST API.") { add };
    }
}
