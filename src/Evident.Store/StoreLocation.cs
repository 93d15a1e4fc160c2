using Npgsql;

namespace Evident.Store;

/// <summary>
/// Where a workspace lives: <c>--db</c>, else the <c>EVIDENT_DB</c> environment variable, else <c>evident.db</c> in the
/// current folder. A PostgreSQL connection string (<c>Host=…;Database=…</c> or a <c>postgresql://</c> URL) selects
/// PostgreSQL; anything else is the path of a SQLite file.
/// </summary>
public sealed record StoreLocation(StoreDialect Dialect, string Target)
{
    public const string EnvironmentVariable = "EVIDENT_DB";
    public const string DefaultFile = "evident.db";

    public static StoreLocation Resolve(string? db)
    {
        string value = !string.IsNullOrWhiteSpace(db) ? db
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultFile;
        if (!IsPostgres(value))
        {
            return new StoreLocation(StoreDialect.Sqlite, value);
        }

        try
        {
            string connectionString = ToConnectionString(value);
            _ = new NpgsqlConnectionStringBuilder(connectionString); // a misspelt keyword fails here, not deep in the first open
            return new StoreLocation(StoreDialect.Postgres, connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's message names the keyword ("Couldn't set usernme"), never the password's value
            string from = !string.IsNullOrWhiteSpace(db) ? "--db" : EnvironmentVariable;
            throw new StoreException(
                $"{from} is not a PostgreSQL connection string that can be read: {FirstLine(exception.Message)}. Write it as Host=…;Port=…;Database=…;Username=…;Password=… or postgresql://user:password@host:port/database.",
                exception);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('.', ' ', '\r');

    /// <summary>How messages name the workspace: the file, or host/database without the password.</summary>
    public string Display => Dialect == StoreDialect.Sqlite
        ? Target
        : new NpgsqlConnectionStringBuilder(Target) is var b ? $"postgresql://{b.Host}:{b.Port}/{b.Database}" : Target;

    private static bool IsPostgres(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || System.Text.RegularExpressions.Regex.IsMatch(value, @"(^|;)\s*(host|server)\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Npgsql takes keyword connection strings; a URL is translated.</summary>
    private static string ToConnectionString(string value)
    {
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            return value;
        }

        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            string[] user = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(user[0]);
            if (user.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(user[1]);
            }
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            if (kv.Length == 2)
            {
                builder[Uri.UnescapeDataString(kv[0])] = Uri.UnescapeDataString(kv[1]);
            }
        }

        return builder.ConnectionString;
    }
}
