using System.Diagnostics.CodeAnalysis;

namespace Evident.Core.Input;

/// <summary>Opens an input file (or standard input) as an <see cref="IInputReader"/> of the right format.</summary>
public static class InputFile
{
    /// <summary>The path that means standard input.</summary>
    public const string StandardInputPath = "-";

    private const int MaxLinesSniffed = 1_000;

    /// <summary>How messages name the input: the path as given, or <c>&lt;stdin&gt;</c>.</summary>
    public static string DisplayName(string path) => path == StandardInputPath ? "<stdin>" : path;

    /// <summary>Whether writing to <paramref name="output"/> (a path, or <c>null</c> or <c>-</c> for standard output)
    /// would overwrite the input at <paramref name="input"/>.</summary>
    public static bool IsSameFile(string input, string? output) =>
        output is not (null or StandardInputPath)
        && input != StandardInputPath
        && string.Equals(Path.GetFullPath(output), Path.GetFullPath(input), StringComparison.Ordinal);

    /// <param name="problem">A message for the user, starting with the input's name, when the input cannot be read at all.</param>
    public static bool TryOpen(
        string path,
        InputFormat format,
        [NotNullWhen(true)] out IInputReader? reader,
        [NotNullWhen(false)] out string? problem)
    {
        reader = null;
        if (path == StandardInputPath)
        {
            return TryOpen(Console.OpenStandardInput(), DisplayName(path), format, out reader, out problem);
        }

        if (Directory.Exists(path))
        {
            problem = $"{path}: is a folder; expected a file";
            return false;
        }

        if (!File.Exists(path))
        {
            problem = $"{path}: no such file";
            return false;
        }

        Stream stream;
        try
        {
            // No FileStream buffer: Utf8LineReader reads in large blocks of its own.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"{path}: cannot open: {exception.Message}";
            return false;
        }

        return TryOpen(stream, path, format, out reader, out problem);
    }

    /// <summary>Reads <paramref name="stream"/>, which the reader then owns; <paramref name="name"/> is used for messages
    /// and, with <see cref="InputFormat.Auto"/>, for its extension.</summary>
    public static bool TryOpen(
        Stream stream,
        string name,
        InputFormat format,
        [NotNullWhen(true)] out IInputReader? reader,
        [NotNullWhen(false)] out string? problem)
    {
        reader = null;
        problem = null;
        if (format == InputFormat.Excel || (format == InputFormat.Auto && FormatDetection.FromExtension(name) == InputFormat.Excel))
        {
            if (ExcelReader.TryOpen(stream, name, out var workbook, out problem))
            {
                reader = workbook;
            }

            return reader is not null;
        }

        var lines = new Utf8LineReader(stream);
        if (lines.StartsWithUtf16ByteOrderMark)
        {
            problem = $"{name}: the file is UTF-16; save it as UTF-8";
        }
        else if (NotText(lines) is { } what)
        {
            // Read as text, a workbook's bytes failed as "not UTF-8 (Windows-1252?)" with an iconv command that would
            // have made it worse.
            problem = $"{name}: {what}";
        }
        else
        {
            format = format == InputFormat.Auto ? FormatDetection.FromExtension(name) ?? Sniff(lines) : format;
            reader = Create(lines, format, name, out problem);
        }

        if (reader is null)
        {
            lines.Dispose();
        }

        return reader is not null;
    }

    private static IInputReader? Create(Utf8LineReader lines, InputFormat format, string name, out string? problem)
    {
        problem = null;
        switch (format)
        {
            case InputFormat.JsonLines:
                return new JsonLinesReader(lines);
            case InputFormat.JsonArray:
                return new JsonArrayReader(lines);
            case InputFormat.Lines:
                return new PlainLinesReader(lines);
            default:
                bool semicolons = format == InputFormat.Csv && FirstLine(lines) is { } header && FormatDetection.SeparatedBySemicolons(header);
                if (DelimitedReader.TryOpen(lines, format, out var delimited, out var headerError, semicolons))
                {
                    return delimited;
                }

                problem = headerError.Format(name);
                return null;
        }
    }

    /// <summary>What the input is when its first bytes say it is not text (a file type's magic number); null otherwise.</summary>
    private static string? NotText(Utf8LineReader lines)
    {
        const string SaveAsCsv = "save the sheet as CSV (Excel: File › Save As › CSV UTF-8; LibreOffice: Save As › Text CSV, UTF-8) and import that";
        if (lines.StartsWith("PK\u0003\u0004"u8))
        {
            return "the file is a zip archive, such as an Excel workbook or an OpenDocument spreadsheet (.ods), not rows of text: "
                + "an Excel workbook is read when its name ends .xlsx (or with --format xlsx); of another, " + SaveAsCsv;
        }

        if (lines.StartsWith([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "the file is an older Office document, such as an Excel 97-2003 workbook, not rows of text: "
                + "an Excel 97-2003 workbook is read when its name ends .xls (or with --format xlsx); of another, " + SaveAsCsv;
        }

        if (lines.StartsWith("%PDF-"u8))
        {
            return "the file is a PDF document, not rows of text: export the rows from where they are kept as CSV, JSON or JSON Lines";
        }

        return lines.StartsWith([0x1F, 0x8B])
            ? "the file is compressed with gzip; decompress it first (gunzip FILE) and import that"
            : null;
    }

    /// <summary>Peeks at the first non-blank line and puts back everything read.</summary>
    private static InputFormat Sniff(Utf8LineReader lines) =>
        FirstLine(lines) is { } first ? FormatDetection.Sniff(first) : InputFormat.Lines;

    /// <summary>The first non-blank line (within <see cref="MaxLinesSniffed"/>), or null; everything read is put back.</summary>
    private static string? FirstLine(Utf8LineReader lines)
    {
        var peeked = new List<TextLine>();
        string? first = null;
        while (peeked.Count < MaxLinesSniffed && lines.TryReadLine(out var line))
        {
            peeked.Add(line);
            if (!line.IsBlank)
            {
                first = line.Text;
                break;
            }
        }

        for (int i = peeked.Count - 1; i >= 0; i--)
        {
            lines.PushBack(peeked[i]);
        }

        return first;
    }
}
