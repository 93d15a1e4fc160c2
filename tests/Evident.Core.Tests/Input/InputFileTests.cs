using Evident.Core.Input;
using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Input;

public sealed class InputFileTests
{
    [Fact]
    public void A_missing_file_is_reported_by_its_name()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "nope.csv");

        Assert.False(InputFile.TryOpen(path, InputFormat.Auto, out _, out string? problem));
        Assert.Equal($"{path}: no such file", problem);
    }

    [Fact]
    public void Plain_lines_are_one_text_per_non_blank_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.txt", "one\n\ntwo, with a comma\n");

        var rows = ReadAll(path, InputFormat.Lines);

        Assert.Equal(["one", "two, with a comma"], rows.Select(row => Field(row, 0)));
        Assert.Equal([0L, 1L], rows.Select(row => row.Index));
        Assert.Equal([1L, 3L], rows.Select(row => row.Line));
    }

    [Fact]
    public void A_csv_whose_header_is_separated_by_semicolons_is_read_by_semicolons()
    {
        using var folder = new TempFolder();
        // As Excel writes CSV where the decimal mark is a comma: commas inside values need no quotes.
        string path = folder.Write("enquête.csv", "id;date;comment\n1;25/03/2025;Très bien, merci\n2;26/03/2025;\"Trop cher; vraiment\"\n3;27/03/2025;a;b\n");

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(["id", "date", "comment"], reader.Columns);
        Assert.Equal(["Très bien, merci", "Trop cher; vraiment"], rows.Take(2).Select(row => Field(row, 2)));
        Assert.Contains("is a value holding the delimiter (';') not in quotes?", rows[2].Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,date,comment", false)]
    [InlineData("id;date;comment", true)]
    [InlineData("\"id;x\",\"date;y\",comment", false)] // semicolons inside quoted names do not count
    [InlineData("comment; with a semicolon,date,id", false)]
    public void Semicolons_separate_a_header_when_it_holds_more_of_them_than_commas(string header, bool semicolons)
    {
        Assert.Equal(semicolons, FormatDetection.SeparatedBySemicolons(header));
    }

    [Theory]
    [InlineData("survey.ods", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "the file is a zip archive, such as an Excel workbook or an OpenDocument spreadsheet (.ods)")]
    [InlineData("survey.csv", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00 }, "the file is an older Office document, such as an Excel 97-2003 workbook, not rows of text: an Excel 97-2003 workbook is read when its name ends .xls")]
    [InlineData("report.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, "the file is a PDF document, not rows of text")]
    [InlineData("survey.csv.gz", new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "the file is compressed with gzip; decompress it first (gunzip FILE)")]
    public void A_file_that_is_not_text_is_refused_as_what_it_is_not_as_another_encoding(string name, byte[] head, string what)
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, [.. head, .. "id,date,text\n\u0087\u00ff"u8]);

        Assert.False(InputFile.TryOpen(path, InputFormat.Auto, out var reader, out string? problem));

        Assert.Null(reader);
        Assert.StartsWith($"{path}: {what}", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("iconv", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_ending_in_a_carriage_return_alone_are_lines_as_excel_for_mac_writes_them()
    {
        using var folder = new TempFolder();
        string path = folder.Write("mac.csv", "id,date,comment\r1,2025-03-01,good\r2,2025-03-02,\"two\rlines\"\r3,2025-03-03,bad\r");

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(["id", "date", "comment"], reader.Columns);
        Assert.Equal(["good", "two\nlines", "bad"], rows.Select(row => Field(row, 2)));
        Assert.Equal([2L, 3L, 5L], rows.Select(row => row.Line));
    }

    [Fact]
    public void Bytes_read_reach_the_file_size_at_the_end()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "id,text\n1,\"a\nb\"\n2,c");

        using var reader = Open(path);
        ReadAll(reader);

        Assert.Equal(new FileInfo(path).Length, reader.TotalBytes);
        Assert.Equal(reader.TotalBytes, reader.BytesRead);
    }
}
