using System.CommandLine;
using Evident.Store;

namespace Evident.Cli;

/// <summary>Opening a workspace from a command: what the opener does that takes time is said on standard error.</summary>
public static class CliWorkspace
{
    /// <summary>
    /// <see cref="Workspace.OpenAsync(StoreLocation, bool, Action{string}?, CancellationToken)"/>, telling
    /// <paramref name="stderr"/> when it first rebuilds the indexes an interrupted PostgreSQL import set aside (seconds
    /// per million rows, which would otherwise pass in silence).
    /// </summary>
    public static Task<Workspace> OpenAsync(StoreLocation location, bool create, TextWriter stderr, CancellationToken cancellation) =>
        Workspace.OpenAsync(location, create, Notice(stderr), cancellation);

    /// <summary>
    /// Opens the workspace named by <paramref name="db"/> and runs <paramref name="action"/> on it with standard output
    /// and standard error; a workspace problem (none there, unreadable, another application's) is an error message and
    /// exit code 2. What themes, user and apikey do.
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult parse, Option<string?> db, bool create, Func<Workspace, TextWriter, TextWriter, Task<int>> action, CancellationToken cancellation)
    {
        var stderr = parse.InvocationConfiguration.Error;
        try
        {
            await using var workspace = await OpenAsync(StoreLocation.Resolve(parse.GetValue(db)), create, stderr, cancellation);
            return await action(workspace, parse.InvocationConfiguration.Output, stderr);
        }
        catch (StoreException exception)
        {
            stderr.WriteLine($"error: {exception.Message}");
            return ExitCodes.UsageOrInput;
        }
    }

    /// <summary>Writes an opener's notice as a line of its own.</summary>
    public static Action<string> Notice(TextWriter stderr) => work => stderr.WriteLine(work + " …");
}
