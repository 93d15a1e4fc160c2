using Evident.Store;
using Npgsql;

namespace Evident.Testing;

/// <summary>
/// A fresh, empty workspace database for one test: a SQLite file in a temporary folder, or a PostgreSQL database
/// created on the server named by <c>EVIDENT_TEST_POSTGRES</c> (a connection string of a user who may create
/// databases; <c>.ci/run</c> starts such a server) and dropped afterwards.
/// </summary>
public sealed class StoreTarget : IAsyncDisposable
{
    public const string PostgresVariable = "EVIDENT_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _adminConnection;
    private readonly string? _database;

    private StoreTarget(StoreLocation location, string? folder, string? adminConnection, string? database)
    {
        Location = location;
        _folder = folder;
        _adminConnection = adminConnection;
        _database = database;
    }

    public StoreLocation Location { get; }

    /// <summary>What <c>--db</c> would be given for this target.</summary>
    public string Db => Location.Target;

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Why a PostgreSQL test cannot run here, or null when it can.</summary>
    public static string? SkipReason(string dialect) =>
        dialect == "postgres" && PostgresAdmin is null
            ? $"{PostgresVariable} is not set: the PostgreSQL store tests need a server (.ci/run installs and starts one)"
            : null;

    public static async Task<StoreTarget> CreateAsync(string dialect)
    {
        if (dialect == "sqlite")
        {
            string folder = Directory.CreateTempSubdirectory("evident-store-tests-").FullName;
            return new StoreTarget(new StoreLocation(StoreDialect.Sqlite, Path.Combine(folder, "workspace.db")), folder, null, null);
        }

        string admin = PostgresAdmin ?? throw new InvalidOperationException(SkipReason(dialect));
        string database = "evident_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        string target = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ConnectionString;
        return new StoreTarget(new StoreLocation(StoreDialect.Postgres, target), null, admin, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_adminConnection is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
