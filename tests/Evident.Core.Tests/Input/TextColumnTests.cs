using Evident.Core.Input;

namespace Evident.Core.Tests.Input;

public sealed class TextColumnTests
{
    [Theory]
    [InlineData(new[] { "id", "score", "comment" }, 2)]
    [InlineData(new[] { "id", "message", "Text" }, 2)]
    [InlineData(new[] { "id", "Comment text" }, 1)]
    [InlineData(new[] { "id", "customer_comment" }, 1)]
    [InlineData(new[] { "id", "customerComment" }, 1)]
    [InlineData(new[] { "response_time", "FEEDBACK" }, 1)]
    public void A_usual_text_column_name_is_found_without_being_asked(string[] columns, int expected)
    {
        Assert.True(TextColumn.TryResolve(columns, null, out int index, out string? problem), problem);
        Assert.Equal(expected, index);
    }

    [Fact]
    public void A_column_that_only_starts_with_a_text_word_is_not_taken_for_text()
    {
        Assert.False(TextColumn.TryResolve(["id", "response_time", "message_id"], null, out _, out string? problem));
        Assert.Contains("--text-column", problem, StringComparison.Ordinal);
        Assert.Contains("\"response_time\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requested_name_matches_ignoring_case()
    {
        Assert.True(TextColumn.TryResolve(["id", "Verbatim Answer"], "verbatim answer", out int index, out _));
        Assert.Equal(1, index);
    }

    [Fact]
    public void A_column_number_counts_from_one()
    {
        Assert.True(TextColumn.TryResolve(["id", "note"], "2", out int index, out _));
        Assert.Equal(1, index);
    }

    [Fact]
    public void A_column_named_like_a_number_wins_over_the_number()
    {
        Assert.True(TextColumn.TryResolve(["1", "2", "q3"], "1", out int index, out _));
        Assert.Equal(0, index);
    }

    [Fact]
    public void A_missing_column_is_reported_with_the_columns_found()
    {
        Assert.False(TextColumn.TryResolve(["id", "score", "note"], "comment", out _, out string? problem));
        Assert.Contains("\"comment\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"id\", \"score\", \"note\"", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    public void A_column_number_out_of_range_says_how_many_columns_there_are(string requested)
    {
        Assert.False(TextColumn.TryResolve(["id", "score", "note"], requested, out _, out string? problem));
        Assert.Contains("there are 3", problem, StringComparison.Ordinal);
    }
}
