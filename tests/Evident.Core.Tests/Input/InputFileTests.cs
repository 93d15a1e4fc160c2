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
