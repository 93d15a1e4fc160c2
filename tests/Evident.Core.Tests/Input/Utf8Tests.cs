using System.Text;
using Evident.Core.Input;
using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Input;

public sealed class Utf8Tests
{
    [Fact]
    public void Invalid_utf8_fails_only_its_row_and_names_line_and_column()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("a.csv", [.. "id,comment\n1,ok\n2,caf"u8, 0xE9, .. " au lait\n3,\"still \"\"fine\"\"\"\n"u8]);

        var rows = ReadAll(path);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new InputError(3, 6, rows[1].Error!.Message), rows[1].Error);
        Assert.Contains("0xE9", rows[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("still \"fine\"", Field(rows[2], 1));
    }

    [Fact]
    public void The_column_of_an_invalid_byte_counts_characters_not_bytes()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("a.txt", [.. "first\nnaïve 😀 "u8, 0xFF, .. "\nlast\n"u8]);

        var rows = ReadAll(path, InputFormat.Lines);

        Assert.Equal(["first", null, "last"], rows.Select(row => Field(row, 0)));
        Assert.Equal(2, rows[1].Error!.Line);
        Assert.Equal("naïve 😀 ".Length + 1, rows[1].Error!.Column);
    }

    [Fact]
    public void A_utf16_file_is_refused_with_a_clear_message()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("a.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("text\nhi\n")]);

        Assert.False(InputFile.TryOpen(path, InputFormat.Auto, out _, out string? problem));
        Assert.Contains("UTF-16", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_reported_and_skipped()
    {
        byte[] bytes = [.. "short\n"u8, .. Enumerable.Repeat((byte)'x', 100), .. "\nafter\n"u8];
        using var lines = new Utf8LineReader(new MemoryStream(bytes), maxLineBytes: 32);

        var read = new List<TextLine>();
        while (lines.TryReadLine(out var line))
        {
            read.Add(line);
        }

        Assert.Equal(["short", "", "after"], read.Select(line => line.Text));
        Assert.Equal([1L, 2L, 3L], read.Select(line => line.Number));
        Assert.NotNull(read[1].Error);
        Assert.Equal(bytes.Length, lines.BytesRead);
    }

    [Fact]
    public void A_last_line_without_a_newline_is_still_read()
    {
        using var lines = new Utf8LineReader(new MemoryStream("one\r\ntwo"u8.ToArray()));

        Assert.True(lines.TryReadLine(out var first));
        Assert.True(lines.TryReadLine(out var second));
        Assert.False(lines.TryReadLine(out _));
        Assert.Equal(("one", "two"), (first.Text, second.Text));
    }
}
