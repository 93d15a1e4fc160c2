namespace Evident.Core.Input;

/// <summary>Chooses an input format from a file name or, failing that, from the first non-empty line.</summary>
public static class FormatDetection
{
    private const int MaxHeaderNameLength = 64;

    /// <summary>The format an extension names, or <c>null</c> when it names none (<c>.txt</c>, no extension, ...).</summary>
    public static InputFormat? FromExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => InputFormat.Csv,
            ".tsv" or ".tab" => InputFormat.Tsv,
            ".jsonl" or ".ndjson" => InputFormat.JsonLines,
            ".json" => InputFormat.JsonArray,
            ".xlsx" or ".xlsm" or ".xls" => InputFormat.Excel,
            _ => null,
        };

    /// <summary>
    /// JSON Lines when the line opens an object; a JSON array when it opens an array; TSV when it has tabs and reads like a header (short, non-empty
    /// names, not a sentence); plain lines otherwise.
    /// </summary>
    public static InputFormat Sniff(string firstLine)
    {
        string line = firstLine.Trim();
        if (line.StartsWith('{'))
        {
            return InputFormat.JsonLines;
        }

        if (line.StartsWith('['))
        {
            return InputFormat.JsonArray;
        }

        return line.Contains('\t', StringComparison.Ordinal) && LooksLikeHeader(line.Split('\t'))
            ? InputFormat.Tsv
            : InputFormat.Lines;
    }

    /// <summary>
    /// Whether a CSV's header separates its fields with semicolons: Excel writes CSV so where the decimal mark is a comma
    /// (most of Europe), and read by commas such a file was one column named "id;date;score;comment". Semicolons when
    /// the header, outside quotes, holds more of them than commas.
    /// </summary>
    public static bool SeparatedBySemicolons(string header)
    {
        int commas = 0, semicolons = 0;
        bool quoted = false;
        foreach (char c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return semicolons > commas;
    }

    private static bool LooksLikeHeader(string[] names)
    {
        foreach (string raw in names)
        {
            string name = raw.Trim().Trim('"');
            bool plausible = name.Length is > 0 and <= MaxHeaderNameLength
                && name.Any(char.IsLetter)
                && !name.EndsWith('.') && !name.EndsWith('!') && !name.EndsWith('?');
            if (!plausible)
            {
                return false;
            }
        }

        return true;
    }
}
