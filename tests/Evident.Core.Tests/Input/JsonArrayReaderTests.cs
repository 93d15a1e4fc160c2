using System.Text;
using Evident.Core.Input;
using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Input;

public sealed class JsonArrayReaderTests
{
    private static IInputReader OpenText(string json, string name = "export.json", InputFormat format = InputFormat.Auto)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.True(InputFile.TryOpen(stream, name, format, out var reader, out string? problem), problem);
        return reader;
    }

    private static List<InputRow> ReadText(string json, out IReadOnlyList<string> columns)
    {
        using var reader = OpenText(json);
        columns = reader.Columns;
        return ReadAll(reader);
    }

    [Fact]
    public void Objects_spread_over_several_lines_keep_the_line_they_start_on()
    {
        const string Json = """
            [
              {
                "id": 1,
                "text": "first"
              },
              {"id": 2,
               "text": "second"}, {"id": 3, "text": "third"}
            ]
            """;

        var rows = ReadText(Json, out var columns);

        Assert.Equal(["id", "text"], columns);
        Assert.Equal(["first", "second", "third"], rows.Select(row => Field(row, 1)));
        Assert.Equal([2L, 6L, 7L], rows.Select(row => row.Line));
        Assert.Equal([0L, 1L, 2L], rows.Select(row => row.Index));
        Assert.Equal([1L, 2L, 3L], rows.Select(row => row.Item));
        Assert.All(rows, row => Assert.Null(row.Error));
    }

    [Fact]
    public void An_array_on_one_line_tells_its_rows_apart_by_their_place_in_it_errors_included()
    {
        var rows = ReadText("[{\"id\": 1}, {\"id\": 2, \"text\": }, 7, {\"id\": 4}]", out _);

        Assert.All(rows, row => Assert.Equal(1, row.Line));
        Assert.Equal([1L, 2L, 3L, 4L], rows.Select(row => row.Item));
        Assert.Equal(["item 1", "item 2", "item 3", "item 4"], rows.Select(row => row.Place));
        Assert.NotNull(rows[1].Error);
        Assert.NotNull(rows[2].Error);
    }

    [Fact]
    public void Columns_are_the_union_of_properties_with_nested_objects_flattened()
    {
        const string Json = """
            [
              {"id": 1, "via": {"channel": "email", "source": {"from": "x"}}},
              {"ID": 2, "text": "late", "via": {"channel": "web"}, "tags": ["a", "b"], "score": 9, "note": null}
            ]
            """;

        var rows = ReadText(Json, out var columns);

        Assert.Equal(["id", "via", "via.channel", "via.source", "text", "tags", "score", "note"], columns);
        Assert.Equal(["1", "{\"channel\": \"email\", \"source\": {\"from\": \"x\"}}", "email", "{\"from\": \"x\"}", null, null, null, null], rows[0].Fields);
        Assert.Equal(["2", "{\"channel\": \"web\"}", "web", null, "late", "[\"a\", \"b\"]", "9", ""], rows[1].Fields);
    }

    [Fact]
    public void A_malformed_element_is_an_error_row_and_the_next_element_is_still_read()
    {
        const string Json = """
            [
              {"id": 1, "text": "ok"},
              {"id": 2,
               "text": },
              {"id": 3, "text": "after"}
            ]
            """;

        var rows = ReadText(Json, out _);

        Assert.Equal(3, rows.Count);
        Assert.Equal("ok", Field(rows[0], 1));
        var error = rows[1].Error!;
        Assert.NotNull(error);
        Assert.Equal(4, error.Line);
        Assert.Equal(4, rows[1].Line);
        Assert.Equal(12, error.Column);
        Assert.StartsWith("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Empty(rows[1].Fields);
        Assert.Equal("after", Field(rows[2], 1));
        Assert.Equal(5, rows[2].Line);
    }

    [Fact]
    public void A_trailing_comma_in_an_element_is_named_as_such_and_the_next_element_is_still_read()
    {
        var rows = ReadText("[{\"id\": 1, \"text\": \"late\",},\n {\"id\": 2, \"text\": \"after\"}]", out _);

        var error = rows[0].Error!;
        Assert.NotNull(error);
        Assert.Equal(1, error.Line);
        Assert.Equal("invalid JSON: a comma before the closing '}': JSON allows none after an object's last property", error.Message);
        Assert.Equal("after", Field(rows[1], 1));
    }

    [Fact]
    public void An_error_on_the_line_an_element_starts_on_has_its_column_in_that_line()
    {
        var rows = ReadText("[{\"id\": 1}, {\"id\": 2, \"text\": }]", out _);

        var error = rows[1].Error!;
        Assert.NotNull(error);
        Assert.Equal(1, error.Line);
        Assert.Equal(31, error.Column);
    }

    [Fact]
    public void A_file_cut_short_says_the_array_is_not_closed()
    {
        var rows = ReadText("[\n{\"id\": 1, \"text\": \"a\"},\n{\"id\": 2, \"te", out _);

        Assert.Equal(2, rows.Count);
        Assert.Equal("a", Field(rows[0], 1));
        Assert.Equal(3, rows[1].Error!.Line);
        Assert.Contains("not closed", rows[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_ends_after_an_element_without_the_closing_bracket_says_so()
    {
        var rows = ReadText("[{\"text\": \"a\"}\n", out _);

        Assert.Equal(2, rows.Count);
        Assert.Equal("a", Field(rows[0], 0));
        Assert.Contains("not closed", rows[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_array_says_a_bracket_was_expected()
    {
        var rows = ReadText("{\"id\": 1}\n", out var columns);

        var row = Assert.Single(rows);
        Assert.Equal(1, row.Error!.Line);
        Assert.Equal(1, row.Error.Column);
        Assert.Contains("expected a JSON array ('[' first), found '{'", row.Error.Message, StringComparison.Ordinal);
        Assert.Equal(["text"], columns);
    }

    [Fact]
    public void An_empty_file_says_a_bracket_was_expected()
    {
        var row = Assert.Single(ReadText("", out _));

        Assert.Contains("expected a JSON array", row.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_array_has_no_rows()
    {
        Assert.Empty(ReadText(" [ ] \n", out _));
    }

    [Fact]
    public void Brackets_braces_and_escaped_quotes_inside_strings_do_not_end_an_element()
    {
        const string Json = """[{"text": "a ] b } c \" d [ {", "path": "C:\\"}, {"text": "next }]"}]""";

        var rows = ReadText(Json, out var columns);

        Assert.Equal(["text", "path"], columns);
        Assert.Equal(["a ] b } c \" d [ {", "next }]"], rows.Select(row => Field(row, 0)));
        Assert.Equal("C:\\", Field(rows[0], 1));
        Assert.All(rows, row => Assert.Null(row.Error));
    }

    [Fact]
    public void Nothing_after_the_closing_bracket_is_read()
    {
        var rows = ReadText("[{\"text\": \"a\"}]\n[{\"text\": \"b\"}]\n", out _);

        Assert.Equal(["a"], rows.Select(row => Field(row, 0)));
    }

    [Fact]
    public void String_elements_are_bare_texts_and_other_scalars_are_errors()
    {
        var rows = ReadText("[\"slow refund\", 42, {\"text\": \"ok\"}, \"thanks\"]", out _);

        Assert.Equal(4, rows.Count);
        Assert.Equal("slow refund", rows[0].BareText);
        Assert.Contains("expected a JSON object", rows[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("ok", Field(rows[2], 0));
        Assert.Equal("thanks", rows[3].BareText);
    }

    [Fact]
    public void Elements_beyond_the_column_lookahead_are_still_read()
    {
        var json = new StringBuilder("[\n");
        int count = JsonLinesReader.ColumnLookaheadLines + 50;
        for (int i = 0; i < count; i++)
        {
            json.Append("{\"id\": ").Append(i).Append(i + 1 < count ? "},\n" : "}\n");
        }

        var rows = ReadText(json.Append(']').ToString(), out _);

        Assert.Equal(count, rows.Count);
        Assert.Equal((count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Field(rows[^1], 0));
        Assert.Equal(count + 1, rows[^1].Line);
    }

    [Fact]
    public void A_json_name_is_read_as_a_json_array()
    {
        using var folder = new TempFolder();
        string path = folder.Write("tickets.json", "\n\n  [{\"id\": 1}]");

        using var reader = Open(path);

        Assert.Equal(InputFormat.JsonArray, reader.Format);
        Assert.Equal(3, Assert.Single(ReadAll(reader)).Line);
    }

    [Fact]
    public void A_first_line_opening_an_array_is_read_as_a_json_array_whatever_the_name()
    {
        using var reader = OpenText("\n  [\n{\"text\": \"hi\"}]", name: "<stdin>");

        Assert.Equal(InputFormat.JsonArray, reader.Format);
        Assert.Equal("hi", Field(Assert.Single(ReadAll(reader)), 0));
    }

    [Fact]
    public void The_format_can_be_forced_whatever_the_name()
    {
        using var reader = OpenText("[{\"text\": \"hi\"}]", name: "dump.txt", format: InputFormat.JsonArray);

        Assert.Equal(InputFormat.JsonArray, reader.Format);
        Assert.Equal("hi", Field(Assert.Single(ReadAll(reader)), 0));
    }
}
