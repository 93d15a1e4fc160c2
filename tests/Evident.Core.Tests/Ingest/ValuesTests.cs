using Evident.Core.Ingest;

namespace Evident.Core.Tests.Ingest;

public sealed class ValuesTests
{
    private static DateTimeOffset Time(string text)
    {
        Assert.True(Values.TryParseTime(text, out var value, out string? problem), problem);
        Assert.Null(problem);
        return value;
    }

    private static string TimeProblem(string text)
    {
        Assert.False(Values.TryParseTime(text, out _, out string? problem));
        return Assert.IsType<string>(problem);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void An_iso_time_with_an_offset_is_read_as_that_instant_in_utc()
    {
        var value = Time("2025-03-14T09:30:00+02:00");

        Assert.Equal(Utc(2025, 3, 14, 7, 30), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void An_iso_time_without_an_offset_is_taken_as_utc()
    {
        var value = Time("2025-03-14T09:30:00");

        Assert.Equal(Utc(2025, 3, 14, 9, 30), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("2025-03-14T09:30:00Z")]
    [InlineData("2025-03-14T09:30:00.000Z")]
    [InlineData("2025-03-14 09:30:00")]
    [InlineData("2025-03-14 09:30")]
    [InlineData("  2025-03-14T09:30:00Z  ")]
    [InlineData("2025/03/14 09:30:00")]
    public void Common_forms_of_the_same_time_read_alike(string text)
    {
        Assert.Equal(Utc(2025, 3, 14, 9, 30), Time(text));
    }

    [Fact]
    public void A_date_alone_is_midnight_utc()
    {
        Assert.Equal(Utc(2025, 3, 14), Time("2025-03-14"));
    }

    [Fact]
    public void Fractions_of_a_second_are_kept()
    {
        Assert.Equal(Utc(2025, 3, 14, 9, 30).AddMilliseconds(250), Time("2025-03-14T09:30:00.25Z"));
    }

    [Fact]
    public void A_twitter_time_is_read_with_its_offset()
    {
        Assert.Equal(Utc(2017, 10, 31, 22, 10, 47), Time("Tue Oct 31 22:10:47 +0000 2017"));
        Assert.Equal(Utc(2017, 10, 31, 20, 10, 47), Time("Tue Oct 31 22:10:47 +0200 2017"));
    }

    [Fact]
    public void A_day_number_as_excel_counts_them_is_refused_with_the_day_it_would_be()
    {
        Assert.EndsWith("found \"45717\" (a day as Excel numbers them, 2025-03-01? Format the column as a date before saving the file)", TimeProblem("45717"), StringComparison.Ordinal);
        Assert.DoesNotContain("Excel", TimeProblem("12345"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unix_seconds_and_milliseconds_are_read()
    {
        Assert.Equal(Utc(2023, 11, 14, 22, 13, 20), Time("1700000000"));
        Assert.Equal(Utc(2023, 11, 14, 22, 13, 20).AddMilliseconds(123), Time("1700000000123"));
    }

    [Theory]
    [InlineData("03/04/2025")]
    [InlineData("1/2/2025 10:00")]
    public void A_slashed_date_that_could_be_day_or_month_first_is_refused(string text)
    {
        string problem = TimeProblem(text);

        Assert.Contains("day-first or month-first", problem, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slashed_date_that_reads_only_one_way_is_read()
    {
        Assert.Equal(Utc(2025, 12, 25), Time("25/12/2025"));
        Assert.Equal(Utc(2025, 12, 25), Time("12/25/2025"));
        Assert.Equal(Utc(2025, 12, 25, 14, 5), Time("25/12/2025 14:05"));
    }

    [Fact]
    public void A_slashed_date_with_the_same_day_and_month_is_not_ambiguous()
    {
        Assert.Equal(Utc(2025, 3, 3), Time("03/03/2025"));
    }

    [Theory]
    [InlineData("03/04/2025", DateOrder.DayFirst, 2025, 4, 3)]
    [InlineData("03/04/2025", DateOrder.MonthFirst, 2025, 3, 4)]
    [InlineData("03.04.2025", DateOrder.DayFirst, 2025, 4, 3)]
    [InlineData("1/2/2025 10:00", DateOrder.MonthFirst, 2025, 1, 2)]
    [InlineData("25/12/2025", DateOrder.MonthFirst, 2025, 12, 25)] // reads one way only: the file's order does not matter
    public void A_date_that_reads_either_way_is_read_in_the_files_order(string text, DateOrder order, int year, int month, int day)
    {
        Assert.True(Values.TryParseTime(text, out var value, out string? problem, order));

        Assert.Null(problem);
        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(value.UtcDateTime));
    }

    [Theory]
    [InlineData("25/12/2025", DateOrder.DayFirst, false)]
    [InlineData("12/25/2025 14:00", DateOrder.MonthFirst, false)]
    [InlineData("25.12.2025", DateOrder.DayFirst, false)]
    [InlineData("03/04/2025", DateOrder.Unknown, true)]
    [InlineData("03/03/2025", DateOrder.Unknown, false)]
    [InlineData("2025-03-04", DateOrder.Unknown, false)]
    [InlineData("45/45/2025", DateOrder.Unknown, false)]
    public void A_date_says_which_order_it_needs_or_that_it_reads_either_way(string text, DateOrder order, bool eitherWay)
    {
        var (dayFirst, monthFirst) = Values.Readings(text);

        Assert.Equal(order, (dayFirst, monthFirst) switch
        {
            (true, false) => DateOrder.DayFirst,
            (false, true) => DateOrder.MonthFirst,
            _ => DateOrder.Unknown,
        });
        Assert.Equal(eitherWay, dayFirst && monthFirst);
    }

    [Theory]
    [InlineData("03-04-2025")]
    [InlineData("03.04.2025")]
    public void A_dashed_or_dotted_date_that_could_be_day_or_month_first_is_refused_too(string text)
    {
        string problem = TimeProblem(text);

        Assert.Contains("day-first or month-first", problem, StringComparison.Ordinal);
        Assert.Contains(text, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25-12-2025")]
    [InlineData("25.12.2025")]
    [InlineData("12-25-2025")]
    public void A_dashed_or_dotted_date_that_reads_only_one_way_is_read(string text)
    {
        Assert.Equal(Utc(2025, 12, 25), Time(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2025-13-01")]
    [InlineData("31/31/2025")]
    public void Text_that_is_no_time_is_refused_with_an_example_of_one(string text)
    {
        string problem = TimeProblem(text);

        Assert.Contains("2025-03-14T09:30:00Z", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_value_is_shortened_in_the_message()
    {
        string problem = TimeProblem(new string('x', 100));

        Assert.Contains(new string('x', 37) + "...", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 38), problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.5", 4.5)]
    [InlineData(" 12 ", 12)]
    [InlineData("-3", -3)]
    [InlineData("1e3", 1000)]
    public void Numbers_are_read_in_the_invariant_culture(string text, double expected)
    {
        Assert.True(Values.TryParseNumber(text, out double value, out string? problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4,5")]
    [InlineData("1,000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("five")]
    public void Text_that_is_no_finite_invariant_number_is_refused(string text)
    {
        Assert.False(Values.TryParseNumber(text, out _, out string? problem));
        Assert.Contains("expected a number", problem, StringComparison.Ordinal);
        Assert.Contains(text, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1:02:03", 3723)]
    [InlineData("01:02:03", 3723)]
    [InlineData("2:03", 123)]
    [InlineData("90", 90)]
    [InlineData("12.5", 12.5)]
    [InlineData("36:15:00", 130_500)] // a resolution longer than a day
    [InlineData("90:30", 5_430)]
    [InlineData("1.02:03:04", 93_784)]
    [InlineData("PT5M30S", 330)]
    [InlineData("P1DT2H", 93_600)]
    [InlineData("330s", 330)]
    [InlineData("5 min", 300)]
    [InlineData("1h 5m", 3_900)]
    [InlineData("1hr30min", 5_400)]
    [InlineData("2 days, 3 hours", 183_600)]
    [InlineData("2.5 minutes", 150)]
    public void Seconds_are_read_from_numbers_and_clock_durations(string text, double expected)
    {
        Assert.True(Values.TryParseSeconds(text, out double value, out string? problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1:75:00")]
    [InlineData("a while")]
    [InlineData("-PT5M")]
    [InlineData("Pending")]
    [InlineData("250ms")]
    [InlineData("5 minutes ago")]
    public void A_negative_or_malformed_duration_is_refused(string text)
    {
        Assert.False(Values.TryParseSeconds(text, out _, out string? problem));
        Assert.Equal($"expected a duration in seconds, as H:MM:SS, as ISO 8601 (PT5M30S) or with units (5 min), found \"{text}\"", problem);
    }

    [Theory]
    [InlineData("nps", "0", 0)]
    [InlineData("nps", "10", 10)]
    [InlineData("enps", "7", 7)]
    [InlineData("csat", "1", 1)]
    [InlineData("csat", "5", 5)]
    [InlineData("ces", "7", 7)]
    [InlineData("rating", "4.5", 4.5)]
    public void Scores_within_their_range_are_read(string kind, string text, double expected)
    {
        Assert.True(Values.TryParseScore(text, kind, out double value, out string? problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("nps", "11", "0 to 10")]
    [InlineData("nps", "-1", "0 to 10")]
    [InlineData("enps", "10.5", "0 to 10")]
    [InlineData("csat", "0", "1 to 5")]
    [InlineData("csat", "6", "1 to 5")]
    [InlineData("ces", "8", "1 to 7")]
    [InlineData("rating", "0", "1 to 5")]
    [InlineData("nps", "good", "0 to 10")]
    public void Scores_out_of_range_are_refused_with_the_range(string kind, string text, string range)
    {
        Assert.False(Values.TryParseScore(text, kind, out _, out string? problem));
        Assert.Contains($"expected a {kind} score from {range}", problem, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("good", 5)]
    [InlineData("Good", 5)]
    [InlineData(" bad ", 1)]
    public void Zendesk_good_and_bad_are_csat_5_and_1(string text, double expected)
    {
        Assert.True(Values.TryParseScore(text, "csat", out double value, out string? problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("offered", true)]
    [InlineData("Unoffered", true)]
    [InlineData("-", true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("n/a", true)]
    [InlineData("NULL", true)]
    [InlineData("0", false)]
    [InlineData("bad", false)]
    [InlineData("--", false)]
    public void Unanswered_score_cells_are_recognised(string text, bool unanswered)
    {
        Assert.Equal(unanswered, Values.IsUnanswered(text));
    }

    [Theory]
    [InlineData("2025-03-14T09:30:00Z", "2025-03-14T09:30:00.0000000+00:00")]
    [InlineData("2025-03-14T09:30:00", "2025-03-14T09:30:00.0000000+00:00")]
    [InlineData("2025-03-14T09:30:00.1234567Z", "2025-03-14T09:30:00.1234567+00:00")]
    [InlineData("2025-03-14T09:30:00.5+02:00", "2025-03-14T07:30:00.5000000+00:00")]
    [InlineData("2024-02-29", "2024-02-29T00:00:00.0000000+00:00")]
    [InlineData("2025-03-14T23:30:00-05:30", "2025-03-15T05:00:00.0000000+00:00")]
    public void Iso_times_are_read_in_utc(string text, string expected)
    {
        Assert.True(Values.TryParseTime(text, out var value, out string? problem), problem);
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Values.TryParseIso(text, out var fast));
        Assert.Equal(value, fast);
    }

    /// <summary>
    /// The hand-written ISO reader agrees with the general parser: valid times and thousands of broken ones (a
    /// character changed, dropped or added); whatever it accepts, the general parser accepts with the same value.
    /// </summary>
    [Fact]
    public void The_fast_iso_reader_never_disagrees_with_the_general_parser()
    {
        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK",
            "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", "yyyy-MM-dd",
        ];
        var random = new Random(7);
        string[] seeds = ["2025-03-14T09:30:00Z", "2024-02-29T23:59:59.9999999+14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00", "2025-12-31", "2025-06-30T12:00:00.120"];
        const string alphabet = "0123456789-:T.Z+ z/";
        int accepted = 0;
        foreach (string seed in seeds)
        {
            for (int n = 0; n < 2_000; n++)
            {
                var chars = new List<char>(seed);
                int at = random.Next(chars.Count);
                switch (n % 4)
                {
                    case 0: break; // the seed itself, or below a changed one
                    case 1: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 2: chars.RemoveAt(at); break;
                    default: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }

                string text = new([.. chars]);
                if (!Values.TryParseIso(text, out var fast))
                {
                    continue;
                }

                accepted++;
                Assert.True(
                    DateTimeOffset.TryParseExact(text, formats, System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var general),
                    $"fast reader accepted \"{text}\", the general parser did not");
                Assert.Equal(general, fast);
                Assert.Equal(TimeSpan.Zero, fast.Offset);
            }
        }

        Assert.True(accepted > 2_000, $"only {accepted} inputs were read by the fast path");
    }
}
