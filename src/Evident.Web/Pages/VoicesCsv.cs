using System.Globalization;
using System.Text;
using Evident.Store.Evidence;

namespace Evident.Web.Pages;

/// <summary>
/// Comments as CSV (RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break, CRLF between
/// rows). What customers wrote is opened in spreadsheets, so no text cell may start like a formula.
/// </summary>
public static class VoicesCsv
{
    public static readonly string[] Columns = ["date", "source", "segment", "team", "channel", "score_kind", "score", "sentiment", "themes", "friction", "text"];

    /// <summary>Writes the header and every row, flushing as it goes so that a large export streams.</summary>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<VoiceRow> rows, CancellationToken cancellation)
    {
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        int written = 0;
        var line = new StringBuilder(512);
        await foreach (var row in rows.WithCancellation(cancellation))
        {
            line.Clear();
            line.Append(row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(row.Source)).Append(',')
                .Append(Cell(row.Segment)).Append(',')
                .Append(Cell(row.Team)).Append(',')
                .Append(Cell(row.Channel)).Append(',')
                .Append(Cell(row.ScoreKind)).Append(',')
                .Append(row.Score?.ToString("0.###", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Sentiment?.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(string.Join(';', row.Themes))).Append(',')
                .Append(Cell(string.Join(';', row.Friction))).Append(',')
                .Append(Cell(row.Text)).Append("\r\n");
            await writer.WriteAsync(line, cancellation);
            if (++written % 1000 == 0)
            {
                await writer.FlushAsync(cancellation);
            }
        }

        await writer.FlushAsync(cancellation);
    }

    /// <summary>
    /// A text cell: quoted when needed, and with a leading apostrophe when it starts with = + - @ (or a tab or carriage
    /// return), which spreadsheets would run as a formula. Numbers are written by this program and left as they are.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
