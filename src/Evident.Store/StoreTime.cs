using System.Globalization;
using System.Text;

namespace Evident.Store;

/// <summary>How times and days are written in SQLite, where they are text that sorts in time order.</summary>
public static class StoreTime
{
    /// <summary>The instant in UTC as <c>yyyy-MM-ddTHH:mm:ss.FFFFFFFZ</c> (fraction digits up to seven, trailing zeros and an
    /// empty fraction left out), written by <see cref="Utf8"/>.</summary>
    public static string Text(DateTimeOffset time)
    {
        Span<byte> utf8 = stackalloc byte[28];
        return Encoding.ASCII.GetString(utf8[..Utf8(time, utf8)]);
    }

    /// <summary>
    /// <see cref="Text"/> written as UTF-8 into <paramref name="destination"/> (at least 28 bytes), without a string: the
    /// SQLite writer binds each row's time so, and its day with <see cref="Utf8Day"/>. By hand, since a custom format string
    /// is parsed again at every call (the formatter was about 1.4 % of the writer's profile, the import's critical path);
    /// the tests hold both to .NET's formatting of the same layouts.
    /// </summary>
    public static int Utf8(DateTimeOffset time, Span<byte> destination)
    {
        if (destination.Length < 28)
        {
            throw new ArgumentException("too small for a time", nameof(destination));
        }

        var utc = time.UtcDateTime;
        int at = Utf8Day(DateOnly.FromDateTime(utc), destination);
        destination[at++] = (byte)'T';
        Two(utc.Hour, destination[at..]);
        destination[at + 2] = (byte)':';
        Two(utc.Minute, destination[(at + 3)..]);
        destination[at + 5] = (byte)':';
        Two(utc.Second, destination[(at + 6)..]);
        at += 8;
        long fraction = utc.Ticks % TimeSpan.TicksPerSecond; // seven digits, trailing zeros left out (the format's FFFFFFF)
        if (fraction != 0)
        {
            destination[at++] = (byte)'.';
            for (long unit = TimeSpan.TicksPerSecond / 10; fraction != 0; unit /= 10)
            {
                destination[at++] = (byte)('0' + fraction / unit);
                fraction %= unit;
            }
        }

        destination[at++] = (byte)'Z';
        return at;
    }

    /// <summary>A day as <c>yyyy-MM-dd</c> in UTF-8 (10 bytes), as <see cref="Day"/> writes it.</summary>
    public static int Utf8Day(DateOnly day, Span<byte> destination)
    {
        if (destination.Length < 10)
        {
            throw new ArgumentException("too small for a day", nameof(destination));
        }

        Two(day.Year / 100, destination);
        Two(day.Year % 100, destination[2..]);
        destination[4] = (byte)'-';
        Two(day.Month, destination[5..]);
        destination[7] = (byte)'-';
        Two(day.Day, destination[8..]);
        return 10;
    }

    private static void Two(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + value / 10);
        destination[1] = (byte)('0' + value % 10);
    }

    /// <summary>The instant's day in UTC as <c>yyyy-MM-dd</c>, written by <see cref="Utf8Day"/>.</summary>
    public static string Day(DateTimeOffset time)
    {
        Span<byte> utf8 = stackalloc byte[10];
        return Encoding.ASCII.GetString(utf8[..Utf8Day(DateOnly.FromDateTime(time.UtcDateTime), utf8)]);
    }

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
