using System.Globalization;
using System.Text.RegularExpressions;

namespace Evident.Core.Ingest;

/// <summary>Reads field values; a failure is returned as a message saying what was expected.</summary>
public static partial class Values
{
    private static readonly string[] s_timeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", "yyyy-MM-dd",
        "ddd MMM dd HH:mm:ss zzz yyyy", // Twitter: "Tue Oct 31 22:10:47 +0000 2017"
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
    ];

    private static readonly string[] s_dayFirst = ["d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy"];
    private static readonly string[] s_monthFirst = ["M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt"];

    /// <summary>
    /// Reads a point in time. Without an offset it is taken as UTC. A slashed date whose day and month could be swapped
    /// (3/4/2025: March or April) is read in <paramref name="order"/>, the file's (see <see cref="Readings"/>); when
    /// that is not known it is refused with a message rather than guessed.
    /// </summary>
    public static bool TryParseTime(string text, out DateTimeOffset value, out string? problem, DateOrder order = DateOrder.Unknown)
    {
        problem = null;
        var span = text.AsSpan().Trim();
        if (TryParseIso(span, out value))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(span, s_timeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        if (span.Length is 10 or 13 && long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out long epoch))
        {
            value = span.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
            return true;
        }

        if (Slashed(span) is { } slashed)
        {
            return TryParseSlashed(slashed, span.ToString(), order, out value, out problem);
        }

        if (DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        problem = $"expected a date and time such as 2025-03-14T09:30:00Z, found \"{Shorten(text)}\"";
        if (span.Length == 5 && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out int serial) && serial is >= 20_000 and < 80_000)
        {
            // 45717 is 2025-03-01 as Excel counts days: a sheet's date cell saved without its date format.
            problem += $" (a day as Excel numbers them, {Input.ExcelReader.DayZero.AddDays(serial):yyyy-MM-dd}? Format the column as a date before saving the file)";
        }

        return false;
    }

    /// <summary>
    /// The shapes exports use most, read without the general parser: "2025-03-14", "2025-03-14T09:30:00" with an
    /// optional fraction of up to seven digits and an optional "Z" or "+hh:mm" (no offset is UTC, as below). Anything
    /// else — or a value out of range — is left to <see cref="DateTimeOffset.TryParseExact(ReadOnlySpan{char}, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>.
    /// Written by hand because the general parser was an eighth of the time to read a CSV file (perf, a million rows),
    /// the bound of a re-import; a test checks it against the general parser on valid and broken times.
    /// </summary>
    internal static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-' ||
            !TryDigits(s[..4], out int year) || !TryDigits(s.Slice(5, 2), out int month) || !TryDigits(s.Slice(8, 2), out int day) ||
            year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (s.Length == 10)
        {
            value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
            return true;
        }

        if (s.Length < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
            !TryDigits(s.Slice(11, 2), out int hour) || !TryDigits(s.Slice(14, 2), out int minute) || !TryDigits(s.Slice(17, 2), out int second) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = s[19..];
        long ticks = 0;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            int digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1 || digits > 8)
            {
                return false;
            }

            TryDigits(rest[1..digits], out int fraction);
            ticks = fraction * (long)Math.Pow(10, 8 - digits);
            rest = rest[digits..];
        }

        var offset = TimeSpan.Zero;
        if (rest.Length == 1 && rest[0] == 'Z')
        {
            rest = [];
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':' &&
                 TryDigits(rest.Slice(1, 2), out int offsetHours) && TryDigits(rest.Slice(4, 2), out int offsetMinutes) &&
                 offsetHours <= 14 && offsetMinutes <= 59 && offsetHours * 60 + offsetMinutes <= 14 * 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (rest[0] == '-' ? -1 : 1);
            rest = [];
        }

        if (!rest.IsEmpty)
        {
            return false;
        }

        long utc = new DateTime(year, month, day, hour, minute, second).Ticks + ticks - offset.Ticks;
        if (utc < TimeSpan.TicksPerDay || utc > DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay)
        {
            return false; // the general parser decides at the very ends of the range
        }

        value = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }

    [GeneratedRegex(@"^([0-9]{1,2})([-.])([0-9]{1,2})\2([0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    /// <summary>The date with slashes when it is written day and month first in either order (3/4/2025, and 03-04-2025
    /// or 03.04.2025, as ambiguous: the invariant culture would read them month-first); null otherwise.</summary>
    private static string? Slashed(ReadOnlySpan<char> span)
    {
        if (span.Contains('/'))
        {
            return span.ToString();
        }

        return DayMonthYear().IsMatch(span) ? DayMonthYear().Replace(span.ToString(), "$1/$3/$4", 1) : null;
    }

    /// <summary>
    /// Whether the date reads day-first and whether month-first, as two different days: only day-first for 25/12/2025
    /// (the file writes the day first), only month-first for 12/25/2025, both for 3/4/2025 (either way); neither when it
    /// is not such a date or reads as one day either way (3/3/2025).
    /// </summary>
    public static (bool DayFirst, bool MonthFirst) Readings(string text)
    {
        if (Slashed(text.AsSpan().Trim()) is not { } slashed)
        {
            return (false, false);
        }

        bool dayFirst = TryRead(slashed, s_dayFirst, out var byDay);
        bool monthFirst = TryRead(slashed, s_monthFirst, out var byMonth);
        return dayFirst && monthFirst && byDay == byMonth ? (false, false) : (dayFirst, monthFirst);
    }

    /// <param name="shown">The date as written, for messages.</param>
    private static bool TryParseSlashed(string text, string shown, DateOrder order, out DateTimeOffset value, out string? problem)
    {
        problem = null;
        bool dayFirst = TryRead(text, s_dayFirst, out var byDay);
        bool monthFirst = TryRead(text, s_monthFirst, out var byMonth);
        if (dayFirst && (!monthFirst || byDay == byMonth || order == DateOrder.DayFirst))
        {
            value = byDay;
            return true;
        }

        if (monthFirst && (!dayFirst || order == DateOrder.MonthFirst))
        {
            value = byMonth;
            return true;
        }

        value = default;
        problem = !dayFirst && !monthFirst
            ? $"expected a date and time such as 2025-03-14T09:30:00Z, found \"{Shorten(shown)}\""
            : $"the date \"{shown}\" can be read day-first or month-first; write dates as yyyy-MM-dd";
        return false;
    }

    private static bool TryRead(string text, string[] formats, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    public static bool TryParseNumber(string text, out double value, out string? problem)
    {
        problem = null;
        if (double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        problem = $"expected a number, found \"{Shorten(text)}\"";
        return false;
    }

    /// <summary>
    /// A duration in seconds: a number of seconds; a clock, H:MM:SS or M:SS, with as many hours as it takes (a resolution
    /// of "36:15:00", which a clock of the day refused) and .NET's D.HH:MM:SS; ISO 8601 ("PT5M30S", as many APIs write
    /// them); or numbers with units ("330s", "5 min", "1h 5m", "2 days").
    /// </summary>
    public static bool TryParseSeconds(string text, out double value, out string? problem)
    {
        var span = text.AsSpan().Trim();
        problem = null;
        if (TryParseNumber(text, out value, out _) && value >= 0)
        {
            return true;
        }

        if (HourClock().Match(text.Trim()) is { Success: true } hours)
        {
            value = Part(hours, 1) * 86_400 + Part(hours, 2) * 3_600 + Part(hours, 3) * 60 + Part(hours, 4);
            return true;
        }

        if (MinuteClock().Match(text.Trim()) is { Success: true } minutes)
        {
            value = Part(minutes, 1) * 60 + Part(minutes, 2);
            return true;
        }

        if (span.Length > 1 && span[0] is 'P' or 'p')
        {
            try
            {
                value = System.Xml.XmlConvert.ToTimeSpan(span.ToString().ToUpperInvariant()).TotalSeconds;
                if (value >= 0)
                {
                    return true;
                }
            }
            catch (FormatException)
            {
                // not an ISO 8601 duration after all: the message below
            }
            catch (OverflowException)
            {
                // longer than a TimeSpan holds: the message below
            }
        }

        if (WithUnits().Match(text.Trim()) is { Success: true } units)
        {
            value = 0;
            for (int i = 0; i < units.Groups[1].Captures.Count; i++)
            {
                double amount = double.Parse(units.Groups[1].Captures[i].ValueSpan, CultureInfo.InvariantCulture);
                value += amount * char.ToLowerInvariant(units.Groups[2].Captures[i].ValueSpan[0]) switch
                {
                    'd' => 86_400,
                    'h' => 3_600,
                    'm' => 60,
                    _ => 1,
                };
            }

            return true;
        }

        value = 0;
        problem = $"expected a duration in seconds, as H:MM:SS, as ISO 8601 (PT5M30S) or with units (5 min), found \"{Shorten(text)}\"";
        return false;
    }

    private static double Part(Match match, int group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;

    /// <summary>[D.]H:MM:SS, with as many hours as it takes; minutes and seconds under 60.</summary>
    [GeneratedRegex(@"^(?:([0-9]+)\.)?([0-9]+):([0-5]?[0-9]):([0-5]?[0-9](?:\.[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex HourClock();

    /// <summary>M:SS, with as many minutes as it takes; seconds under 60.</summary>
    [GeneratedRegex(@"^([0-9]+):([0-5]?[0-9](?:\.[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex MinuteClock();

    /// <summary>Numbers each with a unit: days, hours, minutes or seconds, in any of their usual spellings.</summary>
    [GeneratedRegex(@"^(?:([0-9]+(?:\.[0-9]+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)(?![a-z])[\s,]*)+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WithUnits();

    /// <summary>The inclusive range of a score kind.</summary>
    public static (int Low, int High) ScoreRange(string kind) => kind switch
    {
        "nps" or "enps" => (0, 10),
        "csat" or "rating" => (1, 5),
        "ces" => (1, 7),
        _ => (0, 10),
    };

    public static bool TryParseScore(string text, string kind, out double value, out string? problem)
    {
        var span = text.AsSpan().Trim();
        if (kind == "csat" && span.Equals("good", StringComparison.OrdinalIgnoreCase))
        {
            (value, problem) = (5, null);
            return true;
        }

        if (kind == "csat" && span.Equals("bad", StringComparison.OrdinalIgnoreCase))
        {
            (value, problem) = (1, null);
            return true;
        }

        var (low, high) = ScoreRange(kind);
        if (TryParseNumber(text, out value, out _) && value >= low && value <= high)
        {
            problem = null;
            return true;
        }

        problem = $"expected a {kind} score from {low} to {high}, found \"{Shorten(text)}\"";
        return false;
    }

    /// <summary>Whether a score cell means "not answered" (Zendesk's "offered"/"unoffered", a dash, "n/a").</summary>
    public static bool IsUnanswered(string text)
    {
        var span = text.AsSpan().Trim();
        return span.IsEmpty || span is "-" || span.Equals("n/a", StringComparison.OrdinalIgnoreCase)
            || span.Equals("offered", StringComparison.OrdinalIgnoreCase) || span.Equals("unoffered", StringComparison.OrdinalIgnoreCase)
            || span.Equals("null", StringComparison.OrdinalIgnoreCase);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}

/// <summary>How a file writes dates whose day and month could be swapped (3/4/2025).</summary>
public enum DateOrder
{
    /// <summary>Not known: such a date is refused.</summary>
    Unknown,
    /// <summary>25/12/2025: most of the world.</summary>
    DayFirst,
    /// <summary>12/25/2025: the United States.</summary>
    MonthFirst,
}

/// <summary>The names of <see cref="DateOrder"/> as <c>--dates</c> and the import page take them.</summary>
public static class DateOrders
{
    /// <summary>auto (as the file shows), day-first, month-first.</summary>
    public static readonly string[] Names = [.. Enum.GetValues<DateOrder>().Select(order => order.Name())];

    public static string Name(this DateOrder order) => order switch
    {
        DateOrder.DayFirst => "day-first",
        DateOrder.MonthFirst => "month-first",
        _ => "auto",
    };

    /// <summary>One of <see cref="Names"/>, in any case; empty or null is auto.</summary>
    public static bool TryParse(string? name, out DateOrder order)
    {
        order = DateOrder.Unknown;
        if (string.IsNullOrEmpty(name))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<DateOrder>())
        {
            if (candidate.Name().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                order = candidate;
                return true;
            }
        }

        return false;
    }
}
