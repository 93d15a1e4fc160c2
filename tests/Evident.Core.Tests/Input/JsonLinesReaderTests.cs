using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Input;

public sealed class JsonLinesReaderTests
{
    [Fact]
    public void A_bad_json_line_is_reported_with_line_and_column_and_the_other_rows_are_kept()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "{\"text\":\"good\"}\n{\"text\": oops}\n\n{\"text\":\"also good\"}\n");

        var rows = ReadAll(path);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["good", null, "also good"], rows.Select(row => Field(row, 0)));
        Assert.Equal(2, rows[1].Error!.Line);
        Assert.Equal(10, rows[1].Error!.Column);
        Assert.StartsWith("invalid JSON", rows[1].Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", rows[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(4, rows[2].Line);
    }

    [Theory]
    [InlineData("{\"text\":\"late\",}", 16, "a comma before the closing '}'")]
    [InlineData("{\"tags\":[\"a\",],\"text\":\"late\"}", 14, "a comma before the closing ']'")]
    public void A_trailing_comma_is_named_in_the_files_words_not_the_parsers_options(string line, int column, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "{\"text\":\"good\"}\n" + line + "\n");

        var rows = ReadAll(path);

        var error = rows[1].Error!;
        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Equal(column, error.Column);
        Assert.StartsWith("invalid JSON: " + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error.Message, StringComparison.Ordinal);
        Assert.Equal("good", Field(rows[0], 0));
    }

    [Fact]
    public void Properties_match_columns_ignoring_case_and_absent_ones_are_null()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "{\"id\":1,\"Comment\":\"slow\"}\n{\"ID\":2}\n");

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(["id", "Comment"], reader.Columns);
        Assert.Equal(["1", "slow"], rows[0].Fields);
        Assert.Equal(["2", null], rows[1].Fields);
    }

    [Fact]
    public void Columns_include_properties_first_seen_after_the_first_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "{\"id\":1}\n{\"id\":2,\"feedback\":\"great\"}\n");

        using var reader = Open(path);

        Assert.Equal(["id", "feedback"], reader.Columns);
        Assert.Equal("great", Field(ReadAll(reader)[1], 1));
    }

    [Fact]
    public void A_bare_json_string_line_is_its_own_text()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "\"on hold for ages\"\n\"thanks \\u2014 sorted\"\n");

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(["text"], reader.Columns);
        Assert.Equal(["on hold for ages", "thanks — sorted"], rows.Select(row => row.BareText));
    }

    [Fact]
    public void Values_that_are_not_strings_are_read_as_their_json_text_and_null_as_empty()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "{\"score\":9.5,\"tags\":[\"a\"],\"ok\":true,\"text\":null}\n");

        var row = ReadAll(path)[0];

        Assert.Equal(["9.5", "[\"a\"]", "true", ""], row.Fields);
    }

    [Fact]
    public void A_line_that_is_neither_an_object_nor_a_string_is_an_error()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", "{\"text\":\"fine\"}\n[1,2]\n");

        var rows = ReadAll(path);

        Assert.Equal(2, rows[1].Error!.Line);
        Assert.Contains("array", rows[1].Error!.Message, StringComparison.Ordinal);
    }
}
