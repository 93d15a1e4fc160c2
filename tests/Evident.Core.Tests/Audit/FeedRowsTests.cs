using Evident.Core.Audit;
using Evident.Core.Input;

namespace Evident.Core.Tests.Audit;

public sealed class FeedRowsTests
{
    private static readonly string[] s_columns = ["id", "text", "Published at"];

    [Fact]
    public void The_date_column_is_the_first_named_as_dates_are()
    {
        Assert.True(DateColumn.TryResolve(["id", "text", "channel", "Published at", "created_at"], null, 1, out int index, out _));
        Assert.Equal(3, index);
    }

    [Fact]
    public void Without_a_date_column_the_posts_are_in_file_order()
    {
        Assert.True(DateColumn.TryResolve(["id", "text", "channel"], null, 1, out int index, out _));
        Assert.Equal(-1, index);
    }

    [Fact]
    public void A_date_column_is_found_by_name_or_number()
    {
        Assert.True(DateColumn.TryResolve(["id", "text", "when"], "WHEN", 1, out int byName, out _));
        Assert.True(DateColumn.TryResolve(["id", "text", "when"], "3", 1, out int byNumber, out _));

        Assert.Equal(2, byName);
        Assert.Equal(2, byNumber);
    }

    [Fact]
    public void A_requested_date_column_that_is_not_there_lists_the_columns()
    {
        Assert.False(DateColumn.TryResolve(["id", "text"], "posted", 1, out _, out string? problem));
        Assert.Contains("\"posted\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"id\", \"text\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_column_is_not_a_date_column()
    {
        Assert.False(DateColumn.TryResolve(["id", "date"], "date", 1, out _, out string? problem));
        Assert.Contains("text column", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_becomes_a_post_with_its_line_and_time()
    {
        var rows = new FeedRows(s_columns, 1, 2);

        var error = rows.Read(new InputRow(0, 4, ["7", "Thank you all", "2026-03-02 09:30"]), out var post);

        Assert.Null(error);
        Assert.Equal(new AuditPost("Thank you all", 4, new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)), post);
    }

    [Theory]
    [InlineData("yesterday", "column Published at: expected a date and time")]
    [InlineData("3/4/2026", "column Published at: the date \"3/4/2026\" can be read day-first or month-first")]
    [InlineData(" ", "column Published at: no date")]
    public void A_date_that_cannot_be_read_is_an_error_naming_the_line_and_column(string date, string message)
    {
        var rows = new FeedRows(s_columns, 1, 2);

        var error = rows.Read(new InputRow(0, 9, ["7", "Thank you all", date]), out _);

        Assert.NotNull(error);
        Assert.Equal(9, error.Line);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_too_short_for_its_date_is_an_error()
    {
        var error = new FeedRows(s_columns, 1, 2).Read(new InputRow(0, 5, ["7", "Thank you all"]), out _);

        Assert.Equal("column Published at: no date", error?.Message);
    }

    [Fact]
    public void Without_a_date_column_a_row_needs_only_its_text()
    {
        var rows = new FeedRows(s_columns, 1);

        Assert.Null(rows.Read(new InputRow(0, 3, ["7", "Thank you all"]), out var post));
        Assert.Null(post.Time);
        Assert.False(rows.HasDates);
    }
}
