using System.Globalization;
using System.Text;

namespace Evident.Store.Tests;

public sealed class StoreTimeTests
{
    [Theory]
    [InlineData("2026-03-04T10:15:00Z")]
    [InlineData("2026-03-04T10:15:00.5Z")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("1999-12-31T00:00:00.0000001Z")]
    public void Times_written_by_the_store_read_back_exactly(string text)
    {
        var expected = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var parsed = StoreTime.Parse(text);
        Assert.Equal(expected, parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
        Assert.Equal(text, StoreTime.Text(parsed));
    }

    [Theory]
    [InlineData("2026-03-04 10:15:00")]          // another layout: the general parser, as UTC
    [InlineData("2026-03-04T12:15:00+02:00")]    // an offset: moved to UTC
    public void Other_layouts_go_through_the_general_parser(string text) =>
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 15, 0, TimeSpan.Zero), StoreTime.Parse(text));

    [Theory]
    [InlineData("2026-02-30T10:15:00Z")]
    [InlineData("2026-13-04T10:15:00Z")]
    public void Impossible_dates_are_refused(string text) =>
        Assert.Throws<FormatException>(() => StoreTime.Parse(text));

    [Fact]
    public void Times_and_days_are_written_as_the_sortable_layouts()
    {
        var random = new Random(39);
        var instants = new List<DateTimeOffset>
        {
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, // year 1 and 9999, seven fraction digits
            new(2026, 3, 4, 10, 15, 0, TimeSpan.Zero),                                   // no fraction: no dot
            new DateTimeOffset(2026, 3, 4, 10, 15, 0, TimeSpan.Zero).AddTicks(1_000_000), // ".1", zeros left out
            new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(1),      // ".0000001"
            new(2026, 3, 4, 1, 15, 0, TimeSpan.FromHours(2)),                            // an offset: 23:15 on the 3rd in UTC
        };
        for (int i = 0; i < 20_000; i++)
        {
            long ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            if (i % 4 == 0)
            {
                ticks -= ticks % TimeSpan.TicksPerMillisecond; // trailing zeros, as times read from files have
            }

            instants.Add(new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(random.Next(-12 * 60, 14 * 60))));
        }

        Span<byte> buffer = stackalloc byte[28];
        foreach (var time in instants)
        {
            // .NET's own formatting of the layouts is the reference
            string text = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
            string day = time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(text, Encoding.UTF8.GetString(buffer[..StoreTime.Utf8(time, buffer)]));
            Assert.Equal(day, Encoding.UTF8.GetString(buffer[..StoreTime.Utf8Day(DateOnly.FromDateTime(time.UtcDateTime), buffer)]));
            Assert.Equal(text, StoreTime.Text(time));
            Assert.Equal(day, StoreTime.Day(time));
        }
    }

    [Fact]
    public void A_buffer_too_small_is_refused()
    {
        var time = new DateTimeOffset(2026, 3, 4, 10, 15, 0, TimeSpan.Zero);
        Assert.Throws<ArgumentException>(() => StoreTime.Utf8(time, new byte[27]));
        Assert.Throws<ArgumentException>(() => StoreTime.Utf8Day(DateOnly.FromDateTime(time.UtcDateTime), new byte[9]));
    }
}
