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
