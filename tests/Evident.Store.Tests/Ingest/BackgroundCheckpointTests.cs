using Dapper;
using Evident.Store.Ingest;
using Microsoft.Data.Sqlite;

namespace Evident.Store.Tests.Ingest;

/// <summary>
/// The checkpoint an import asks for after each commit copies the committed rows from the WAL into the database file
/// while the writer's connection stays open in a transaction of its own: read here from the main file alone
/// (<c>immutable=1</c> ignores the WAL), the rows are there only after it ran.
/// </summary>
public sealed class BackgroundCheckpointTests
{
    [Fact]
    public async Task Committed_rows_reach_the_database_file_while_the_writer_goes_on()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "wal.db");
        string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await writer.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)");
        await writer.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)"); // the empty table is in the file
        await using (var committed = await writer.BeginTransactionAsync())
        {
            await writer.ExecuteAsync("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t (text) SELECT 'row ' || i FROM n", transaction: committed);
            await committed.CommitAsync();
        }

        Assert.Equal(0, RowsInTheFile(path));

        await using var checkpoint = new BackgroundCheckpoint(connectionString);
        await using var next = await writer.BeginTransactionAsync(); // the writer goes on meanwhile: a transaction open
        await writer.ExecuteAsync("INSERT INTO t (text) VALUES ('not yet committed')", transaction: next);
        checkpoint.Request();
        await checkpoint.WaitAsync();

        Assert.Null(checkpoint.LastError);
        Assert.Equal(1, checkpoint.Completed);
        Assert.Equal(2000, RowsInTheFile(path));
    }

    [Fact]
    public async Task A_checkpoint_that_fails_keeps_its_error_for_the_run_and_loses_nothing()
    {
        using var folder = new TempFolder();
        string missingFolder = Path.Combine(folder.Path, "missing", "wal.db");
        await using var checkpoint = new BackgroundCheckpoint(new SqliteConnectionStringBuilder { DataSource = missingFolder, Mode = SqliteOpenMode.ReadWrite }.ToString());

        checkpoint.Request();
        await checkpoint.WaitAsync();

        Assert.IsType<SqliteException>(checkpoint.LastError);
        Assert.Equal(0, checkpoint.Completed);
    }

    /// <summary>Rows of <c>t</c> in the main database file, ignoring the WAL.</summary>
    private static long RowsInTheFile(string path)
    {
        using var reader = new SqliteConnection($"Data Source=file:{path}?immutable=1;Pooling=False");
        reader.Open();
        return reader.ExecuteScalar<long>("SELECT count(*) FROM t");
    }
}
