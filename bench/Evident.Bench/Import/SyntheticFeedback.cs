using System.Buffers;
using System.Globalization;
using System.Text;

namespace Evident.Bench.Import;

/// <summary>One synthetic survey answer.</summary>
/// <param name="Id">Stable external id, <c>S0000001</c> for the first row.</param>
/// <param name="Date">A UTC time in 2025, whole seconds.</param>
/// <param name="Score">The NPS answer, 0..10.</param>
/// <param name="Comment">One to three sentences whose tone follows the score.</param>
/// <param name="Segment">One of <see cref="SyntheticFeedback.Segments"/>.</param>
public readonly record struct SyntheticFeedbackRow(string Id, DateTime Date, int Score, string Comment, string Segment);

/// <summary>
/// Deterministic synthetic customer feedback for the import benchmark: NPS answers (about half promoters, a quarter
/// each passives and detractors) over 2025, with customer-service comments drawn from templates across many CX themes
/// and ten kinds of business, whose tone matches the score. The same row count and seed always give the same rows.
/// </summary>
public static class SyntheticFeedback
{
    public const string Header = "id,date,score,comment,segment";

    /// <summary>Segments, most common first (38, 27, 16, 12 and 7 %).</summary>
    public static IReadOnlyList<string> Segments { get; } = ["retail", "online", "business", "student", "premium"];

    /// <summary>How many sentence templates, clauses and closers comments are built from (slot fillers not counted).</summary>
    public static int TemplateCount => FeedbackGenerator.TemplateCount;

    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const int WriterBufferChars = 1 << 16;
    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// Streams <paramref name="rows"/> rows to <paramref name="output"/> as UTF-8 CSV (RFC 4180, <c>\n</c> line ends,
    /// header <see cref="Header"/>, no byte order mark), holding one row at a time. The stream is flushed, not closed.
    /// </summary>
    /// <returns>Bytes written.</returns>
    public static long WriteCsv(Stream output, int rows, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var counting = new CountingStream(output);
        using (var writer = new StreamWriter(counting, new UTF8Encoding(false), WriterBufferChars, leaveOpen: true))
        {
            writer.Write(Header);
            writer.Write('\n');
            var generator = new FeedbackGenerator(seed);
            Span<char> scratch = stackalloc char[32];
            char[] comment = new char[1024];
            for (int i = 1; i <= rows; i++)
            {
                generator.Next();

                writer.Write('S');
                WriteFormatted(writer, scratch, i, "D7");
                writer.Write(',');
                generator.Date.TryFormat(scratch, out int dateLength, DateFormat, CultureInfo.InvariantCulture);
                writer.Write(scratch[..dateLength]);
                writer.Write(',');
                WriteFormatted(writer, scratch, generator.Score, null);
                writer.Write(',');

                var text = generator.Comment;
                if (comment.Length < text.Length)
                {
                    comment = new char[text.Length * 2];
                }
                text.CopyTo(0, comment, text.Length);
                WriteField(writer, comment.AsSpan(0, text.Length));
                writer.Write(',');
                writer.Write(generator.Segment);
                writer.Write('\n');
            }
        }
        return counting.BytesWritten;
    }

    /// <summary>The rows <see cref="WriteCsv"/> writes for the same <paramref name="seed"/>, as values.</summary>
    public static IEnumerable<SyntheticFeedbackRow> Rows(int rows, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return Iterate(rows, seed);

        static IEnumerable<SyntheticFeedbackRow> Iterate(int rows, int seed)
        {
            var generator = new FeedbackGenerator(seed);
            for (int i = 1; i <= rows; i++)
            {
                generator.Next();
                yield return new SyntheticFeedbackRow(
                    Id(i), generator.Date, generator.Score, generator.Comment.ToString(), generator.Segment);
            }
        }
    }

    /// <summary>The id of the <paramref name="row"/>-th row (1-based).</summary>
    public static string Id(int row) => "S" + row.ToString("D7", CultureInfo.InvariantCulture);

    private static void WriteFormatted(StreamWriter writer, Span<char> scratch, int value, string? format)
    {
        value.TryFormat(scratch, out int length, format, CultureInfo.InvariantCulture);
        writer.Write(scratch[..length]);
    }

    /// <summary>Writes a field as is, or quoted with inner quotes doubled when it holds a comma, quote or newline.</summary>
    private static void WriteField(StreamWriter writer, ReadOnlySpan<char> field)
    {
        if (!field.ContainsAny(s_needsQuotes))
        {
            writer.Write(field);
            return;
        }

        writer.Write('"');
        int quote;
        while ((quote = field.IndexOf('"')) >= 0)
        {
            writer.Write(field[..(quote + 1)]);
            writer.Write('"');
            field = field[(quote + 1)..];
        }
        writer.Write(field);
        writer.Write('"');
    }

    /// <summary>Passes writes through to a stream it does not own, counting the bytes.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesWritten { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            BytesWritten += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
