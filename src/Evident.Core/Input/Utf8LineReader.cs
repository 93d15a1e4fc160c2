using System.Buffers;
using System.Text;

namespace Evident.Core.Input;

/// <summary>
/// Reads a UTF-8 stream line by line with true 1-based line numbers, reporting invalid bytes per line instead of
/// failing the stream. Lines end at <c>\n</c> or <c>\r\n</c>, or at <c>\r</c> alone when the first line does (as
/// Excel for Mac's "CSV (Macintosh)" ends them: read by <c>\n</c>, such a file was one line); a leading byte order mark
/// is skipped.
/// Lines can be pushed back, so callers may peek (format sniffing) or re-read (CSV error recovery).
/// </summary>
public sealed class Utf8LineReader : IDisposable
{
    /// <summary>Longer lines are reported as errors and skipped, so that a file without newlines cannot exhaust memory.</summary>
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _maxLineBytes;
    private readonly Stack<TextLine> _pushedBack = new();
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;
    private long _lineNumber;

    /// <summary>The byte lines end at: <c>\n</c> (after which a <c>\r</c> before it is dropped), or <c>\r</c>.</summary>
    private byte _lineEnd = (byte)'\n';

    public Utf8LineReader(Stream stream, bool leaveOpen = false, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, maxLineBytes + 1));
    }

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesRead { get; private set; }

    public long? TotalBytes => _stream.CanSeek ? _stream.Length : null;

    /// <summary>True when the input starts with a UTF-16 byte order mark, which this reader cannot decode.</summary>
    public bool StartsWithUtf16ByteOrderMark
    {
        get
        {
            EnsureStarted();
            var head = _buffer.AsSpan(_start, _end - _start);
            return head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        }
    }

    /// <summary>True when the input starts with <paramref name="bytes"/> (a file type's magic number).</summary>
    public bool StartsWith(ReadOnlySpan<byte> bytes)
    {
        EnsureStarted();
        return _buffer.AsSpan(_start, _end - _start).StartsWith(bytes);
    }

    /// <summary>Makes <paramref name="line"/> the next line returned; push several in reverse order.</summary>
    public void PushBack(TextLine line) => _pushedBack.Push(line);

    public bool TryReadLine(out TextLine line)
    {
        if (_pushedBack.TryPop(out line))
        {
            return true;
        }

        EnsureStarted();
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int newline = pending.IndexOf(_lineEnd);
            if (newline >= 0)
            {
                line = Decode(pending[..newline]);
                Consume(newline + 1);
                return true;
            }

            if (pending.Length > _maxLineBytes)
            {
                line = SkipOverlongLine();
                return true;
            }

            if (_endOfStream)
            {
                line = pending.IsEmpty ? default : Decode(pending);
                Consume(pending.Length);
                return !pending.IsEmpty;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void EnsureStarted()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        while (_end < 3 && !_endOfStream)
        {
            Fill();
        }

        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
        {
            Consume(3);
        }

        // How the first line ends: a \r followed by anything but \n ends every line at \r.
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int end = pending.IndexOfAny((byte)'\r', (byte)'\n');
            if (end >= 0 && (end + 1 < pending.Length || _endOfStream))
            {
                _lineEnd = pending[end] == '\r' && (end + 1 == pending.Length || pending[end + 1] != '\n') ? (byte)'\r' : (byte)'\n';
                return;
            }

            if (_endOfStream || pending.Length > _maxLineBytes)
            {
                return;
            }

            Fill();
        }
    }

    private void Consume(int bytes)
    {
        _start += bytes;
        BytesRead += bytes;
    }

    /// <summary>Reads more of the stream, first making room by moving the unread bytes to the front or growing the buffer.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_buffer.Length * 2L, _maxLineBytes + 1L));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _endOfStream = read == 0;
    }

    private TextLine SkipOverlongLine()
    {
        long number = ++_lineNumber;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int newline = pending.IndexOf(_lineEnd);
            if (newline >= 0 || _endOfStream)
            {
                Consume(newline >= 0 ? newline + 1 : pending.Length);
                break;
            }

            Consume(pending.Length);
            Fill();
        }

        return new TextLine(number, "", new InputError(number, null, $"line is longer than {_maxLineBytes:N0} bytes; skipped"));
    }

    private TextLine Decode(ReadOnlySpan<byte> bytes)
    {
        long number = ++_lineNumber;
        if (bytes.EndsWith((byte)'\r'))
        {
            bytes = bytes[..^1];
        }

        // The replacement characters keep the line parseable; the error makes sure nobody trusts its text.
        string text = Encoding.UTF8.GetString(bytes);
        return Utf8Validation.TryFindInvalidByte(bytes, out int column, out byte invalid)
            ? new TextLine(number, text, new InputError(number, column, $"invalid UTF-8 byte 0x{invalid:X2}; is the file saved as UTF-8?"))
            : new TextLine(number, text);
    }
}
