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
