using Npgsql;

namespace Evident.Store.Ingest;

/// <summary>
/// One binary COPY into a table: rows encoded here (<see cref="CopyEncoder"/>) and sent in large pieces through
/// Npgsql's raw copy stream. Disposed before <see cref="CompleteAsync"/>, the copy is cancelled: nothing of it is kept.
/// </summary>
internal sealed class PostgresCopy : CopyEncoder, IAsyncDisposable
{
    /// <summary>Encoded rows are sent once this many bytes are waiting.</summary>
    private const int SendAt = 64 * 1024;

    private readonly NpgsqlRawCopyStream _stream;
    private bool _ended;

    private PostgresCopy(NpgsqlRawCopyStream stream)
        : base(SendAt + 16 * 1024)
    {
        _stream = stream;
        // The header: signature, flags (no OIDs), no extension area.
        Raw([(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    /// <summary>Starts <c>COPY table (columns) FROM STDIN (FORMAT BINARY)</c>; the caller's names are constants.</summary>
    public static async Task<PostgresCopy> BeginAsync(NpgsqlConnection connection, string table, string columns, CancellationToken cancellation) =>
        new(await connection.BeginRawBinaryCopyAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellation));

    /// <summary>Sends what is waiting once enough is; call between rows.</summary>
    public ValueTask RowDoneAsync(CancellationToken cancellation) =>
        Length >= SendAt ? SendAsync(cancellation) : ValueTask.CompletedTask;

    /// <summary>Ends the data and waits for the server to take it all; its errors (a key already stored) are thrown here.</summary>
    public async Task CompleteAsync(CancellationToken cancellation)
    {
        Trailer();
        await SendAsync(cancellation);
        _ended = true;
        Release();
        await _stream.DisposeAsync(); // sends CopyDone and reads the server's answer
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended)
        {
            _ended = true;
            Release();
            try
            {
                await _stream.CancelAsync();
            }
            catch (Exception exception) when (exception is NpgsqlException or ObjectDisposedException or InvalidOperationException)
            {
                // The copy failed already, or the connection broke: nothing of it was kept either way.
            }
        }
    }

    private async ValueTask SendAsync(CancellationToken cancellation)
    {
        await _stream.WriteAsync(WrittenMemory, cancellation);
        Clear();
    }
}
