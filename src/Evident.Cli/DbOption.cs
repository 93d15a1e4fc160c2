using System.CommandLine;
using Evident.Store;

namespace Evident.Cli;

/// <summary>The <c>--db</c> option of every verb that works on a workspace.</summary>
public static class DbOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = $"The workspace: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…;Username=…) or "
            + $"postgresql:// URL. Default: ${StoreLocation.EnvironmentVariable}, else {StoreLocation.DefaultFile} in the current folder.",
        HelpName = "PATH|CONNECTION",
    };
}

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

    /// <summary>Writes an opener's notice as a line of its own.</summary>
    public static Action<string> Notice(TextWriter stderr) => work => stderr.WriteLine(work + " …");
}
