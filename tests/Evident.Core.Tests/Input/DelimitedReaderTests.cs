using Evident.Core.Input;
using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Input;

public sealed class DelimitedReaderTests
{
    [Fact]
    public void Fields_are_read_under_the_header_row()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment,score\n1,Fast and friendly,9\n2,Too slow,3\n");

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(InputFormat.Csv, reader.Format);
        Assert.Equal(["id", "comment", "score"], reader.Columns);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2", "Too slow", "3"], rows[1].Fields);
        Assert.Equal([0L, 1L], rows.Select(row => row.Index));
        Assert.Equal([2L, 3L], rows.Select(row => row.Line));
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_an_error_rather_than_cut_short()
    {
        using var folder = new TempFolder();
        // row 6's comment "late, again" written without quotes: read by the header it would be "late", " again" dropped
        string path = folder.Write("a.csv", "id,date,score,comment\n2,2025-01-02,9,quick,, \n3,2025-01-03,7\n4,2025-01-04,8,fine\n5,2025-01-05,6,ok\n6,2025-01-06,7,late, again\n7,2025-01-07,8,fine\n");

        var rows = ReadAll(path);

        var error = rows[4].Error!;
        Assert.NotNull(error);
        Assert.Equal(6, error.Line);
        Assert.Equal(21, error.Column); // where " again", the field past the header, starts
        Assert.Contains("5 fields where the header has 4", error.Message, StringComparison.Ordinal);
        Assert.Equal(["7", "2025-01-07", "8", "fine"], rows[5].Fields);
        // empty fields past the header (a delimiter closing the line) and missing trailing fields lose nothing and are read
        Assert.Null(rows[0].Error);
        Assert.Equal("quick", Field(rows[0], 3));
        Assert.Null(rows[1].Error);
        Assert.Equal(["3", "2025-01-03", "7"], rows[1].Fields);
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_newlines_and_doubled_quotes()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment\n1,\"Slow, rude\nand \"\"helpful\"\"\"\n2,\"\"\n");

        var rows = ReadAll(path);

        Assert.Equal("Slow, rude\nand \"helpful\"", Field(rows[0], 1));
        Assert.Equal("", Field(rows[1], 1));
    }

    [Fact]
    public void Line_numbers_stay_true_after_a_multiline_field()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment\n1,\"one\ntwo\nthree\"\n2,after\n3,\"x\ny\"\n4,bad \"quote\n");

        var rows = ReadAll(path);

        Assert.Equal([2L, 5L, 6L, 8L], rows.Select(row => row.Line));
        Assert.Equal("after", Field(rows[1], 1));
        Assert.Equal(new InputError(8, 7, rows[3].Error!.Message), rows[3].Error);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_fails_only_its_row_with_line_and_column()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment\n1,fine\n2,a 5\" screen\n3,also fine\n");

        var rows = ReadAll(path);

        Assert.Equal(3, rows.Count);
        Assert.Null(rows[0].Error);
        Assert.Equal(3, rows[1].Error!.Line);
        Assert.Equal(6, rows[1].Error!.Column);
        Assert.Contains("quote", rows[1].Error!.Message, StringComparison.Ordinal);
        Assert.Empty(rows[1].Fields);
        Assert.Equal("also fine", Field(rows[2], 1));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported_at_its_column()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment\n1,\"He said \"hi\" to me\"\n2,ok\n");

        var rows = ReadAll(path);

        Assert.Equal(new InputError(2, 13, rows[0].Error!.Message), rows[0].Error);
        Assert.Equal("ok", Field(rows[1], 1));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opens_and_the_rows_it_swallowed_are_read_again()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment\n1,\"never closed\n2,second\n3,third\n");

        var rows = ReadAll(path);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new InputError(2, 3, rows[0].Error!.Message), rows[0].Error);
        Assert.Contains("not closed", rows[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["second", "third"], rows.Skip(1).Select(row => Field(row, 1)));
        Assert.Equal([3L, 4L], rows.Skip(1).Select(row => row.Line));
    }

    [Fact]
    public void A_quote_that_closes_lines_later_on_garbage_is_reported_where_it_opens()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment\n1,\"stray\n2,second\n3,\"third\" again\n");

        var rows = ReadAll(path);

        Assert.Equal(2, rows[0].Error!.Line);
        Assert.Contains("line 4", rows[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("second", Field(rows[1], 1));
        Assert.Equal(4, rows[2].Error!.Line);
    }

    [Fact]
    public void Spaces_around_a_quoted_field_are_ignored()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id, comment, score\n1, \"slow, then fine\" , 7\n");

        using var reader = Open(path);
        var row = ReadAll(reader)[0];

        Assert.Equal(["id", "comment", "score"], reader.Columns);
        Assert.Equal(["1", "slow, then fine", " 7"], row.Fields);
    }

    [Fact]
    public void Blank_lines_and_crlf_endings_make_no_rows_of_their_own()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,comment\r\n1,a\r\n\r\n   \r\n2,b\r\n");

        var rows = ReadAll(path);

        Assert.Equal(["a", "b"], rows.Select(row => Field(row, 1)));
        Assert.Equal([2L, 5L], rows.Select(row => row.Line));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("a.csv", [0xEF, 0xBB, 0xBF, .. "text,score\nhello,1\n"u8]);

        using var reader = Open(path);

        Assert.Equal("text", reader.Columns[0]);
    }

    [Fact]
    public void Tsv_splits_on_tabs_and_keeps_quotes_inside_text()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.tsv", "id\tcomment\n1\ta 5\" screen, great\n2\t\"Best\" service\n3\t\"two\nlines\"\n");

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(InputFormat.Tsv, reader.Format);
        Assert.Equal(["a 5\" screen, great", "\"Best\" service", "two\nlines"], rows.Select(row => Field(row, 1)));
        Assert.All(rows, row => Assert.Null(row.Error));
    }

    [Fact]
    public void An_empty_file_cannot_be_opened_because_the_header_is_missing()
    {
        using var folder = new TempFolder();
        string path = folder.Write("empty.csv", "");

        Assert.False(InputFile.TryOpen(path, InputFormat.Auto, out _, out string? problem));
        Assert.Contains("header", problem, StringComparison.Ordinal);
        Assert.StartsWith(path, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_header_cannot_be_opened_and_its_position_is_given()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,\"comment\"x\n1,a\n");

        Assert.False(InputFile.TryOpen(path, InputFormat.Auto, out _, out string? problem));
        Assert.StartsWith($"{path}:1:13: header row:", problem, StringComparison.Ordinal);
    }
}
