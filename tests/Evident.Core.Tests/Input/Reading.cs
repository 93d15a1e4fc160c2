using Evident.Core.Input;

namespace Evident.Core.Tests.Input;

internal static class Reading
{
    public static IInputReader Open(string path, InputFormat format = InputFormat.Auto)
    {
        Assert.True(InputFile.TryOpen(path, format, out var reader, out string? problem), problem);
        return reader;
    }

    public static List<InputRow> ReadAll(IInputReader reader)
    {
        var rows = new List<InputRow>();
        while (reader.TryRead(out var row))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static List<InputRow> ReadAll(string path, InputFormat format = InputFormat.Auto)
    {
        using var reader = Open(path, format);
        return ReadAll(reader);
    }

    public static string? Field(InputRow row, int column) => column < row.Fields.Count ? row.Fields[column] : null;
}
