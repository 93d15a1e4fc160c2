using Dapper;
using Evident.Store.Ingest;
using Microsoft.Data.Sqlite;

namespace Evident.Store.Tests.Ingest;

/// <summary>The bulk writer's statement skips binding a value equal to the one its parameter holds: what is stored must not change.</summary>
public sealed class SqliteStatementTests
{
    [Fact]
    public async Task Each_row_stores_its_own_values_whether_they_repeat_change_or_go_empty()
    {
        await using var target = await StoreTarget.CreateAsync("sqlite");
        await using var workspace = await Workspace.OpenAsync(target.Location);
        var connection = (SqliteConnection)workspace.Connection;
        await connection.ExecuteAsync("CREATE TABLE probe (n INTEGER, t TEXT, r REAL, at TEXT, d TEXT, o)");
        var rows = new (long N, string? T, double? R, DateTimeOffset At, DateOnly D, object? O)[]
        {
            (1, "a", 0.5, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 1), "x"),
            (1, "a", 0.5, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 1), "x"), // all repeated
            (2, null, null, new DateTimeOffset(2025, 3, 1, 11, 0, 0, TimeSpan.FromHours(1)), new DateOnly(2025, 3, 2), null), // emptied
            (2, null, null, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 2), 7L), // same instant, other offset
            (3, "b", -0.0, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 2), 7.5), // -0.0 after null
            (3, "b", 0.0, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 2), "a"), // +0.0 after -0.0
            (4, "c", 0.25, new DateTimeOffset(2025, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 3), "ab"), // each changed to another of its kind
            (5, "cd", 0.75, new DateTimeOffset(2025, 3, 2, 9, 30, 0, TimeSpan.Zero), new DateOnly(2025, 3, 4), 8L),
            (6, "cd", 0.75, new DateTimeOffset(2025, 3, 2, 9, 30, 0, TimeSpan.Zero), new DateOnly(2025, 3, 4), 9L),
            (7, "", 1.0, new DateTimeOffset(2025, 3, 2, 9, 30, 0, TimeSpan.Zero), new DateOnly(2025, 3, 4), ""), // empty text is text, not NULL
            (8, "é😀", 1.0, new DateTimeOffset(2025, 3, 2, 9, 30, 0, TimeSpan.Zero), new DateOnly(2025, 3, 4), ""), // bytes beyond ASCII
        };

        using (var statement = new SqliteStatement(connection.Handle!, "INSERT INTO probe VALUES ($n, $t, $r, $at, $d, $o)"))
        {
            foreach (var row in rows)
            {
                statement.Bind(0, row.N);
                statement.Bind(1, row.T);
                statement.Bind(2, row.R);
                statement.Bind(3, (object)row.At);
                statement.Bind(4, (object)row.D);
                statement.Bind(5, row.O);
                Assert.Equal(1, statement.Execute());
            }
        }

        var stored = (await connection.QueryAsync<(long, string?, double?, string, string, string?)>(
            "SELECT n, t, r, at, d, CAST(o AS TEXT) || ':' || typeof(o) FROM probe ORDER BY rowid")).ToList();
        Assert.Equal(rows.Select(r => (r.N, r.T, r.R, StoreTime.Text(r.At), r.D.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            r.O switch { null => null, string s => s + ":text", long l => l + ":integer", double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":real", _ => "?" })), stored);
    }
}
