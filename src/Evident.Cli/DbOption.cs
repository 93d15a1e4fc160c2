using System.CommandLine;
using Evident.Store;

namespace Evident.Cli;

/// <summary>The <c>--db</c> option of every verb that works on a workspace.</summary>
public static class DbOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--db")
        {
            Description = $"The workspace: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…;Username=…) or "
                + $"postgresql:// URL. Default: ${StoreLocation.EnvironmentVariable}, else {StoreLocation.DefaultFile} in the current folder.",
            HelpName = "PATH|CONNECTION",
            // a default makes the option's result exist when it is not given, so the check below also reads EVIDENT_DB
            DefaultValueFactory = _ => null,
        };
        // A connection string that cannot be read (a misspelt keyword) is a usage error before anything runs, not an
        // exception from the first open.
        option.Validators.Add(result =>
        {
            try
            {
                StoreLocation.Resolve(result.GetValueOrDefault<string?>());
            }
            catch (StoreException exception)
            {
                result.AddError(exception.Message);
            }
        });
        return option;
    }
}
