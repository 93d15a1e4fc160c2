namespace Evident.Core.Input;

public enum InputFormat
{
    /// <summary>Choose by file extension, else by looking at the first non-empty line.</summary>
    Auto,
    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,
    /// <summary>Tab-separated values with a header row; a field may be quoted as in CSV.</summary>
    Tsv,
    /// <summary>One JSON object (or JSON string) per line.</summary>
    JsonLines,
    /// <summary>One JSON array of objects, read element by element.</summary>
    JsonArray,
    /// <summary>One text per line, no header.</summary>
    Lines,
    /// <summary>An Excel workbook (.xlsx, or .xls of Excel 97-2003): the rows of its first sheet, under its first row.</summary>
    Excel,
}

public static class InputFormatNames
{
    /// <summary>How a format is named in messages: "CSV", "JSON Lines", "plain lines".</summary>
    public static string DisplayName(this InputFormat format) => format switch
    {
        InputFormat.JsonLines => "JSON Lines",
        InputFormat.JsonArray => "JSON array",
        InputFormat.Lines => "plain lines",
        InputFormat.Excel => "Excel workbook",
        _ => format.ToString().ToUpperInvariant(),
    };
}
