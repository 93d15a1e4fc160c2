using Evident.Core.Input;
using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Input;

public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData("survey.csv", InputFormat.Csv)]
    [InlineData("SURVEY.CSV", InputFormat.Csv)]
    [InlineData("export.tsv", InputFormat.Tsv)]
    [InlineData("export.tab", InputFormat.Tsv)]
    [InlineData("tickets.jsonl", InputFormat.JsonLines)]
    [InlineData("tickets.ndjson", InputFormat.JsonLines)]
    public void The_extension_names_the_format(string name, InputFormat expected) =>
        Assert.Equal(expected, FormatDetection.FromExtension(name));

    [Theory]
    [InlineData("{\"text\":\"hi\"}", InputFormat.JsonLines)]
    [InlineData("  {\"text\":\"hi\"}", InputFormat.JsonLines)]
    [InlineData("id\tcomment\tscore", InputFormat.Tsv)]
    [InlineData("Waited an hour.\tNobody came!", InputFormat.Lines)]
    [InlineData("The staff were lovely, thank you", InputFormat.Lines)]
    public void Other_files_are_recognised_by_their_first_line(string firstLine, InputFormat expected) =>
        Assert.Equal(expected, FormatDetection.Sniff(firstLine));

    [Fact]
    public void A_txt_file_of_json_objects_is_read_as_json_lines_from_its_first_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("notes.txt", "\n{\"comment\":\"one\"}\n{\"comment\":\"two\"}\n");

        using var reader = Open(path);

        Assert.Equal(InputFormat.JsonLines, reader.Format);
        Assert.Equal(["one", "two"], ReadAll(reader).Select(row => Field(row, 0)));
    }

    [Fact]
    public void A_txt_file_with_a_tabbed_header_is_read_as_tsv()
    {
        using var folder = new TempFolder();
        string path = folder.Write("export.txt", "id\tcomment\n1\tslow\n");

        using var reader = Open(path);

        Assert.Equal(InputFormat.Tsv, reader.Format);
        Assert.Equal("slow", Field(ReadAll(reader)[0], 1));
    }

    [Fact]
    public void A_txt_file_of_sentences_is_read_as_one_text_per_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("comments.txt", "Great staff.\n\nOn hold for 40 minutes.\n");

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(InputFormat.Lines, reader.Format);
        Assert.Equal(["Great staff.", "On hold for 40 minutes."], rows.Select(row => Field(row, 0)));
        Assert.Equal([1L, 3L], rows.Select(row => row.Line));
    }

    [Fact]
    public void Sniffing_needs_no_seeking_so_a_pipe_works()
    {
        using var stream = new ForwardOnlyStream("{\"text\":\"piped\"}\n"u8.ToArray());

        Assert.True(InputFile.TryOpen(stream, "<stdin>", InputFormat.Auto, out var reader, out string? problem), problem);
        using (reader)
        {
            Assert.Equal(InputFormat.JsonLines, reader.Format);
            Assert.Null(reader.TotalBytes);
            Assert.Equal("piped", Field(ReadAll(reader)[0], 0));
        }
    }

    [Fact]
    public void An_explicit_format_overrides_the_extension()
    {
        using var folder = new TempFolder();
        string path = folder.Write("data.csv", "a,b\nc,d\n");

        var rows = ReadAll(path, InputFormat.Lines);

        Assert.Equal(["a,b", "c,d"], rows.Select(row => Field(row, 0)));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
