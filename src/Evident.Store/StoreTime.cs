using System.Globalization;

namespace Evident.Store;

/// <summary>How times and days are written in SQLite, where they are text that sorts in time order.</summary>
public static class StoreTime
{
    private const string TextFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString(TextFormat, CultureInfo.InvariantCulture);

    /// <summary><see cref="Text"/> written as UTF-8 into <paramref name="destination"/> (at least 28 bytes), without a string.</summary>
    public static int Utf8(DateTimeOffset time, Span<byte> destination) =>
        time.UtcDateTime.TryFormat(destination, out int written, TextFormat, CultureInfo.InvariantCulture)
            ? written
            : throw new ArgumentException("too small for a time", nameof(destination));

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a time written by <see cref="Text"/> (<c>2026-03-04T10:15:00Z</c>, optionally with up to seven fraction
    /// digits) directly — evidence reads one per interaction — and anything else through the general parser.
    /// </summary>
    public static DateTimeOffset Parse(string text)
    {
        var s = text.AsSpan();
        if (s.Length >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[^1] == 'Z'
            && TryDigits(s[..4], out int year) && TryDigits(s.Slice(5, 2), out int month) && TryDigits(s.Slice(8, 2), out int day)
            && TryDigits(s.Slice(11, 2), out int hour) && TryDigits(s.Slice(14, 2), out int minute) && TryDigits(s.Slice(17, 2), out int second)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
        {
            long ticks = 0;
            var rest = s[19..^1];
            if (rest.Length > 0)
            {
                var fraction = rest[1..];
                if (rest[0] != '.' || fraction.Length is 0 or > 7 || !TryDigits(fraction, out int digits))
                {
                    return General(text);
                }

                ticks = digits;
                for (int i = fraction.Length; i < 7; i++)
                {
                    ticks *= 10;
                }
            }

            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        }

        return General(text);
    }

    /// <summary>A time column as the driver hands it back: SQLite the text written by <see cref="Text"/>, PostgreSQL a UTC DateTime.</summary>
    public static DateTimeOffset? Read(object? value) => value switch
    {
        null or DBNull => null,
        string text => Parse(text),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => throw new InvalidCastException($"unexpected time value {value.GetType().Name}"),
    };

    /// <summary>Now, as a parameter of the dialect: text for SQLite, a time for PostgreSQL.</summary>
    public static object Now(StoreDialect dialect) =>
        dialect == StoreDialect.Sqlite ? Text(DateTimeOffset.UtcNow) : DateTimeOffset.UtcNow;

    private static DateTimeOffset General(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }
}
