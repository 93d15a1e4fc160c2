using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Evident.Store.Ingest;

/// <summary>
/// Rows and values in PostgreSQL's binary COPY format ("Binary Format" under COPY in its manual), appended to a buffer
/// rented from the shared pool. Written by hand because Npgsql's binary importer, which does the same, resolves a
/// converter and binds a parameter object for every field: on a million comments' 30 fields each that was most of the
/// import writer's 8.7 processor-seconds.
/// <para>
/// Values are encoded as Npgsql encodes them: text as UTF-8 (a lone surrogate as U+FFFD, as SQLite's driver does,
/// where Npgsql throws), a time as microseconds since 2000-01-01 UTC (ticks truncated), a day as days since then, the
/// extreme values of each as PostgreSQL's infinities. Give the buffer back with <see cref="Release"/>.
/// </para>
/// </summary>
internal class CopyEncoder : IBufferWriter<byte>
{
    private const long PostgresEpochTicks = 630_822_816_000_000_000; // 2000-01-01T00:00:00Z
    private const int PostgresEpochDay = 730_119; // DateOnly(2000, 1, 1).DayNumber

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private byte[] _buffer;
    private int _length;

    public CopyEncoder(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>What was encoded since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public int Length => _length;

    protected ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Starts a row of <paramref name="fields"/> values; then each value in column order.</summary>
    public void StartRow(int fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(GetSpan(2), (short)fields);
        _length += 2;
    }

    /// <summary>The end of the data (after the last row).</summary>
    public void Trailer()
    {
        BinaryPrimitives.WriteInt16BigEndian(GetSpan(2), -1);
        _length += 2;
    }

    public void Null() => Length32(-1);

    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(FixedField(4), value);

    public void Int32(int? value)
    {
        if (value is int number)
        {
            Int32(number);
        }
        else
        {
            Null();
        }
    }

    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(FixedField(8), value);

    public void Int64(long? value)
    {
        if (value is long number)
        {
            Int64(number);
        }
        else
        {
            Null();
        }
    }

    public void Double(double value) => BinaryPrimitives.WriteDoubleBigEndian(FixedField(8), value);

    public void Double(double? value)
    {
        if (value is double number)
        {
            Double(number);
        }
        else
        {
            Null();
        }
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var span = GetSpan(4 + s_utf8.GetMaxByteCount(value.Length));
        int written = s_utf8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        _length += 4 + written;
    }

    /// <summary>A timestamptz.</summary>
    public void Time(DateTimeOffset value)
    {
        long ticks = value.UtcTicks;
        Int64(ticks == DateTime.MaxValue.Ticks ? long.MaxValue
            : ticks == DateTime.MinValue.Ticks ? long.MinValue
            : (ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>A date.</summary>
    public void Day(DateOnly value) =>
        Int32(value == DateOnly.MaxValue ? int.MaxValue : value == DateOnly.MinValue ? int.MinValue : value.DayNumber - PostgresEpochDay);

    /// <summary>A value of one of the types the records hold, boxed (the staged and rarer tables).</summary>
    public void Value(object? value, string column)
    {
        switch (value)
        {
            case null:
                Null();
                break;
            case string text:
                Text(text);
                break;
            case double number:
                Double(number);
                break;
            case int integer:
                Int32(integer);
                break;
            case long integer:
                Int64(integer);
                break;
            case DateTimeOffset time:
                Time(time);
                break;
            case DateOnly day:
                Day(day);
                break;
            default:
                throw new InvalidOperationException($"no COPY type for {value.GetType().Name} in column {column}");
        }
    }

    /// <summary>A field whose bytes <paramref name="write"/> puts through this writer (its length is filled in after).</summary>
    public void Field<TState>(TState state, Action<TState, IBufferWriter<byte>> write)
    {
        int at = _length;
        Length32(0);
        write(state, this);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(at), _length - at - 4);
    }

    /// <summary>Bytes encoded before, as they are (fields, rows).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Gives the buffer back to the pool; the encoder is not used after.</summary>
    public void Release()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _buffer.AsSpan(_length);
    }

    /// <summary>Writes a field's length, <paramref name="size"/>, and returns the bytes its value goes in.</summary>
    private Span<byte> FixedField(int size)
    {
        var span = GetSpan(4 + size);
        BinaryPrimitives.WriteInt32BigEndian(span, size);
        _length += 4 + size;
        return span.Slice(4, size);
    }

    private void Length32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(GetSpan(4), value);
        _length += 4;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }
    }
}
