using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using static Evident.Core.Tests.Ingest.Mapping;

namespace Evident.Core.Tests.Ingest;

/// <summary>How <see cref="ImportFile"/> reads a file's dates that read day-first or month-first, on real files.</summary>
public sealed class DateOrderTests
{
    private static List<(DateTimeOffset? At, RowReject? Reject)> Import(string csv, out string? note, DateOrder given = DateOrder.Unknown) =>
        [.. ImportAll("survey.csv", csv, new ImportRequest("", RecordKind.Feedback, [], null, InputFormat.Auto) { Dates = given }, out note)
            .Select(read => (((FeedbackRecord?)read.Record)?.CreatedAt, read.Reject))];

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_later_day_after_the_12th_makes_the_earlier_dates_read_day_first()
    {
        var read = Import("date,comment\n03/04/2025,a\n25/04/2025,b\n", out string? note);

        Assert.Equal([Day(2025, 4, 3), Day(2025, 4, 25)], read.Select(r => r.At));
        Assert.Equal("dates that read either way (3/4/2025) are read day-first, as line 3's \"25/04/2025\" shows", note);
    }

    [Fact]
    public void A_month_first_file_is_read_month_first()
    {
        var read = Import("date,comment\n03/04/2025 10:00,a\n12/25/2025 9:30,b\n", out string? note);

        Assert.Equal([Day(2025, 3, 4).AddHours(10), Day(2025, 12, 25).AddHours(9.5)], read.Select(r => r.At));
        Assert.StartsWith("dates that read either way (3/4/2025) are read month-first, as line 3's", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_date_order_is_read_past_its_first_thousand_rows_for_a_date_that_tells()
    {
        // 1,500 rows on the first days of January (each reads either way), then the 13th.
        string csv = "date,comment\n" + string.Concat(Enumerable.Range(0, 1_500).Select(i => $"0{1 + i % 9}/01/2025,c{i}\n")) + "13/01/2025,last\n";

        var read = Import(csv, out string? note);

        Assert.All(read, r => Assert.Null(r.Reject));
        Assert.Equal(Day(2025, 1, 2), read[1].At);
        Assert.Contains("line 1502's \"13/01/2025\"", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_that_disagree_or_never_tell_leave_the_either_way_ones_rejected_and_say_why()
    {
        var disagreeing = Import("date,comment\n03/04/2025,a\n13/05/2025,b\n05/14/2025,c\n", out string? why);
        var untold = Import("date,comment\n03/04/2025,a\n", out string? untoldWhy);
        var iso = Import("date,comment\n2025-03-04,a\n", out string? none);

        Assert.Equal([true, false, false], disagreeing.Select(r => r.Reject is not null));
        Assert.StartsWith("the dates disagree (line 3's \"13/05/2025\" is day-first, line 4's \"05/14/2025\" month-first)", why, StringComparison.Ordinal);
        Assert.Contains("day-first or month-first", Assert.Single(untold).Reject!.Reason, StringComparison.Ordinal);
        Assert.StartsWith("no date in the first rows says whether the day or the month comes first", untoldWhy, StringComparison.Ordinal);
        Assert.Null(Assert.Single(iso).Reject);
        Assert.Null(none);
    }

    [Fact]
    public void The_order_given_reads_dates_that_read_either_way_and_says_when_the_file_holds_one_the_other_way()
    {
        var untold = Import("date,comment\n03/04/2025,a\n04/05/2025,b\n", out string? note, DateOrder.DayFirst);
        var against = Import("date,comment\n03/04/2025,a\n13/05/2025,b\n", out string? warning, DateOrder.MonthFirst);
        var iso = Import("date,comment\n2025-03-04,a\n", out string? none, DateOrder.MonthFirst);

        Assert.Equal([Day(2025, 4, 3), Day(2025, 5, 4)], untold.Select(r => r.At));
        Assert.Equal("dates that read either way (3/4/2025) are read day-first, as --dates says", note);
        Assert.Equal([Day(2025, 3, 4), Day(2025, 5, 13)], against.Select(r => r.At));
        Assert.Equal("dates that read either way (3/4/2025) are read month-first, as --dates says, though line 3's \"13/05/2025\" reads only the other way", warning);
        Assert.Null(Assert.Single(iso).Reject);
        Assert.Null(none);
    }
}
