using System.CommandLine;
using Evident.Store;

namespace Evident.Cli;

/// <summary><c>evident init</c>: create a workspace, or bring an existing one to the current schema.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var command = new Command("init", "Create a workspace (an embedded SQLite file by default), or bring an existing one up to this version's schema.")
        {
            db,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var location = StoreLocation.Resolve(parse.GetValue(db));
            try
            {
                await using var workspace = await CliWorkspace.OpenAsync(location, create: true, stderr, cancellation);
                int version = await Migrator.CurrentVersionAsync(workspace.Connection);
                stderr.WriteLine(workspace.Created
                    ? $"created workspace {location.Display} (schema {version})"
                    : $"workspace {location.Display} is at schema {version}");
                return ExitCodes.Success;
            }
            catch (StoreException exception)
            {
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }
}
