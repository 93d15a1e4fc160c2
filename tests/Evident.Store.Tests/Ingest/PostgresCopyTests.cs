using Dapper;
using Evident.Store.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace Evident.Store.Tests.Ingest;

/// <summary>
/// The import's binary COPY is encoded by hand (<see cref="CopyEncoder"/>): what it stores must be what Npgsql's own
/// binary importer stores for the same values, and a copy left unfinished must keep nothing.
/// </summary>
public sealed class PostgresCopyTests
{
    private static string? Skip => StoreTarget.SkipReason("postgres");

    private static readonly (int I, long L, double? D, string? T, DateTimeOffset At, DateOnly Day)[] s_rows =
    [
        (1, 1L, 0.5, "plain", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 1)),
        (-7, long.MaxValue, -0.0, "", new DateTimeOffset(2026, 3, 1, 11, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_567), new DateOnly(2000, 1, 1)),
        (int.MaxValue, long.MinValue + 1, double.NaN, "é, 😀 and ünïcödé", new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), new DateOnly(1970, 1, 1)),
        (int.MinValue, 0L, null, null, new DateTimeOffset(1900, 6, 1, 0, 0, 0, TimeSpan.FromHours(-5)).AddTicks(5), new DateOnly(1899, 12, 31)),
        (0, 42L, double.PositiveInfinity, new string('x', 200_000), DateTimeOffset.MaxValue, DateOnly.MaxValue), // longer than one send
        (2, 43L, 1e-300, "tab\tand\nnewline", DateTimeOffset.MinValue, DateOnly.MinValue),
    ];

    [SkippableFact]
    public async Task Each_value_is_stored_as_npgsqls_own_binary_importer_stores_it()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        const string Columns = "(n int, i integer, l bigint, d double precision, t text, at timestamptz, day date)";
        await using var scratch = await Scratch.OpenAsync("by_hand " + Columns, "by_npgsql " + Columns);
        var connection = scratch.Connection;

        await using (var copy = await PostgresCopy.BeginAsync(connection, "by_hand", "n, i, l, d, t, at, day", default))
        {
            for (int n = 0; n < s_rows.Length; n++)
            {
                var row = s_rows[n];
                copy.StartRow(7);
                copy.Int32(n);
                copy.Int32((int?)row.I);
                copy.Int64(row.L);
                copy.Double(row.D);
                copy.Text(row.T);
                copy.Time(row.At);
                copy.Day(row.Day);
                await copy.RowDoneAsync(default);
            }

            await copy.CompleteAsync(default);
        }

        await using (var import = await connection.BeginBinaryImportAsync("COPY by_npgsql (n, i, l, d, t, at, day) FROM STDIN (FORMAT BINARY)"))
        {
            for (int n = 0; n < s_rows.Length; n++)
            {
                var row = s_rows[n];
                import.StartRow();
                import.Write(n, NpgsqlDbType.Integer);
                import.Write(row.I, NpgsqlDbType.Integer);
                import.Write(row.L, NpgsqlDbType.Bigint);
                if (row.D is double d)
                {
                    import.Write(d, NpgsqlDbType.Double);
                }
                else
                {
                    import.WriteNull();
                }

                import.Write(row.T, NpgsqlDbType.Text);
                import.Write(row.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                import.Write(row.Day, NpgsqlDbType.Date);
            }

            await import.CompleteAsync();
        }

        // Compared as text, so that NaN, -0 and the infinities count as themselves.
        const string Rows = "SELECT n, i::text, l::text, d::text, t, at::text, day::text FROM {0} ORDER BY n";
        var byHand = (await connection.QueryAsync<(int, string, string, string?, string?, string, string)>(string.Format(Rows, "by_hand"))).ToList();
        var byNpgsql = (await connection.QueryAsync<(int, string, string, string?, string?, string, string)>(string.Format(Rows, "by_npgsql"))).ToList();
        Assert.Equal(s_rows.Length, byHand.Count);
        Assert.Equal(byNpgsql, byHand);
        Assert.Equal(("infinity", "infinity"), (byHand[4].Item6, byHand[4].Item7));
        Assert.Equal(("-infinity", "-infinity"), (byHand[5].Item6, byHand[5].Item7));
    }

    [SkippableFact]
    public async Task A_lone_surrogate_is_stored_as_the_replacement_character_as_sqlite_stores_it()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var scratch = await Scratch.OpenAsync("probe (t text)");
        var connection = scratch.Connection;
        await using (var copy = await PostgresCopy.BeginAsync(connection, "probe", "t", default))
        {
            copy.StartRow(1);
            copy.Text("half \ud83d of a face");
            await copy.CompleteAsync(default);
        }

        Assert.Equal("half \ufffd of a face", await connection.ExecuteScalarAsync<string>("SELECT t FROM probe"));
    }

    [SkippableFact]
    public async Task A_copy_left_unfinished_keeps_nothing_and_the_connection_goes_on()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var scratch = await Scratch.OpenAsync("probe (n int)");
        var connection = scratch.Connection;
        await using (var copy = await PostgresCopy.BeginAsync(connection, "probe", "n", default))
        {
            for (int n = 0; n < 50_000; n++)
            {
                copy.StartRow(1);
                copy.Int32(n);
                await copy.RowDoneAsync(default); // some of them sent already
            }
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM probe"));
        await using (var copy = await PostgresCopy.BeginAsync(connection, "probe", "n", default))
        {
            copy.StartRow(1);
            copy.Int32(7);
            await copy.CompleteAsync(default);
        }

        Assert.Equal(7, await connection.ExecuteScalarAsync<int>("SELECT n FROM probe"));
    }

    [SkippableFact]
    public async Task A_row_the_server_refuses_fails_the_copy_with_its_error_and_keeps_none_of_it()
    {
        Xunit.Skip.If(Skip is not null, Skip);
        await using var scratch = await Scratch.OpenAsync("probe (n int PRIMARY KEY)");
        var connection = scratch.Connection;
        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var copy = await PostgresCopy.BeginAsync(connection, "probe", "n", default);
            foreach (int n in new[] { 1, 2, 1 })
            {
                copy.StartRow(1);
                copy.Int32(n);
            }

            await copy.CompleteAsync(default);
        });

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM probe"));
    }

    /// <summary>A scratch PostgreSQL database, a connection to it, and the temporary tables each test copies into.</summary>
    private sealed class Scratch : IAsyncDisposable
    {
        private readonly StoreTarget _target;

        private Scratch(StoreTarget target, NpgsqlConnection connection) => (_target, Connection) = (target, connection);

        public NpgsqlConnection Connection { get; }

        /// <param name="tables">Each "name (columns)", made a temporary table.</param>
        public static async Task<Scratch> OpenAsync(params string[] tables)
        {
            var scratch = new Scratch(await StoreTarget.CreateAsync("postgres"), new NpgsqlConnection());
            try
            {
                scratch.Connection.ConnectionString = scratch._target.Db;
                await scratch.Connection.OpenAsync();
                foreach (string table in tables)
                {
                    await scratch.Connection.ExecuteAsync($"CREATE TEMP TABLE {table}");
                }

                return scratch;
            }
            catch
            {
                await scratch.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await _target.DisposeAsync();
        }
    }
}
