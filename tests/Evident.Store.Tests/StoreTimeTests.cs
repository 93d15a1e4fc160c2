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
}
