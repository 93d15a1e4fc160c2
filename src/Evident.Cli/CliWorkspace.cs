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

    /// <summary>Writes an opener's notice as a line of its own.</summary>
    public static Action<string> Notice(TextWriter stderr) => work => stderr.WriteLine(work + " …");
}
