using System.Globalization;
using System.Text;
using SQLitePCL;

namespace Evident.Store.Ingest;

/// <summary>
/// A prepared SQLite statement driven through SQLitePCL's raw API, binding by position. The bulk writer runs a
/// few statements millions of times; Microsoft.Data.Sqlite's command re-binds every parameter by name on each
/// execution, which made it five times slower than the statement itself (measured: 15k rows/s against 70k+).
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement), sql);
    }

    public void Bind(int index, object? value)
    {
        int position = index + 1;
        int rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string text => BindText(position, text),
            double number => raw.sqlite3_bind_double(_statement, position, number),
            long integer => raw.sqlite3_bind_int64(_statement, position, integer),
            int integer => raw.sqlite3_bind_int64(_statement, position, integer),
            DateTimeOffset time => BindText(position, StoreTime.Text(time)),
            DateOnly day => raw.sqlite3_bind_text(_statement, position, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new ArgumentOutOfRangeException(nameof(value), $"cannot bind a {value.GetType().Name}"),
        };
        Check(rc, "bind");
    }

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index + 1) : BindText(index + 1, value), "bind");

    public void Bind(int index, double? value) =>
        Check(value is double number ? raw.sqlite3_bind_double(_statement, index + 1, number) : raw.sqlite3_bind_null(_statement, index + 1), "bind");

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index + 1, value), "bind");

    /// <summary>Binds text encoded into a reused buffer: SQLitePCL's string overload allocates an array per value.</summary>
    private int BindText(int position, string text)
    {
        int most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        int length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, position, new ReadOnlySpan<byte>(_utf8, 0, length));
    }

    private byte[] _utf8 = new byte[1024];

    /// <summary>Runs the statement with its bound values; returns the rows it changed.</summary>
    public int Execute()
    {
        int rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc, "step");
        }

        return raw.sqlite3_changes(_db);
    }

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new StoreException($"SQLite error {rc} ({raw.sqlite3_errmsg(_db).utf8_to_string()}) in {what}");
        }
    }

    public void Dispose() => _statement.Dispose();
}
