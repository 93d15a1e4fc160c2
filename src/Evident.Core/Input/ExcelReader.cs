using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Evident.Core.Input;

/// <summary>
/// The first sheet of an Excel workbook (.xlsx, or the binary .xls of Excel 97-2003), read row by row through ExcelDataReader: its first non-empty row is the
/// header, and each cell is given as the text a CSV export of the sheet would hold, so that the importer reads it by the
/// same rules. Dates are written as ISO 8601 (a whole day as yyyy-MM-dd); a duration cell ([h]:mm:ss) as H:MM:SS;
/// numbers in the invariant culture, whole ones without a fraction; empty rows are skipped. The line of a row is its
/// row number in the sheet.
/// </summary>
public sealed class ExcelReader : IInputReader
{
    /// <summary>Excel's day 0, from which its day numbers and a duration cell's value count (its day 60 is the 29
    /// February 1900 that never was, so later days count from here).</summary>
    public static readonly DateTime DayZero = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Utc);

    private readonly Stream _stream;
    private readonly IExcelDataReader _reader;
    private readonly int _width;
    private long _nextIndex;

    static ExcelReader() =>
        // ExcelDataReader asks for Windows-1252 as its fallback encoding, which .NET has only with this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ExcelReader(Stream stream, IExcelDataReader reader, IReadOnlyList<string> columns)
    {
        _stream = stream;
        _reader = reader;
        Columns = columns;
        _width = columns.Count;
    }

    public InputFormat Format => InputFormat.Excel;

    public IReadOnlyList<string> Columns { get; }

    public long BytesRead => _stream.CanSeek ? _stream.Position : 0;

    public long? TotalBytes => _stream.CanSeek ? _stream.Length : null;

    /// <summary>When the workbook has other sheets than the one read, which they are: their rows are not imported.</summary>
    public string? SheetNote { get; private init; }

    /// <summary>Opens the workbook and reads its header; fails, with the reason, when it is not one or its first sheet is empty.</summary>
    public static bool TryOpen(Stream stream, string name, [NotNullWhen(true)] out ExcelReader? reader, [NotNullWhen(false)] out string? problem)
    {
        reader = null;
        IExcelDataReader? excel = null;
        try
        {
            if (!stream.CanSeek)
            {
                // A workbook piped in: a zip is read from its end, and an .xls by its sectors' places, so it is held
                // whole (as it came).
                var held = new MemoryStream();
                stream.CopyTo(held);
                stream.Dispose();
                held.Position = 0;
                stream = held;
            }

            // Either kind, told by its first bytes: a zip (.xlsx) or an OLE2 compound document (.xls).
            excel = ExcelReaderFactory.CreateReader(stream);
            string? sheets = OtherSheets(excel);
            while (excel.Read())
            {
                var header = Cells(excel, excel.FieldCount);
                int width = header.FindLastIndex(cell => !string.IsNullOrWhiteSpace(cell)) + 1;
                if (width > 0)
                {
                    reader = new ExcelReader(stream, excel, [.. header.Take(width).Select(cell => cell?.Trim() ?? "")]) { SheetNote = sheets };
                    problem = null;
                    return true;
                }
            }

            problem = $"{name}: the workbook's first sheet ('{excel.Name}') is empty; a header row was expected";
        }
        catch (Exception exception) when (exception is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException
            or System.Xml.XmlException or NotSupportedException)
        {
            problem = $"{name}: not an Excel workbook that can be read (.xlsx or .xls): {exception.Message}";
        }

        excel?.Dispose();
        stream.Dispose();
        return false;
    }

    /// <summary>The note on the sheets after the first, or null when there are none; the reader is left at the first.</summary>
    private static string? OtherSheets(IExcelDataReader excel)
    {
        if (excel.ResultsCount < 2)
        {
            return null;
        }

        string first = excel.Name;
        var others = new List<string>();
        while (excel.NextResult())
        {
            others.Add($"'{excel.Name}'");
        }

        excel.Reset();
        return $"the workbook's first sheet, '{first}', is read; its other {(others.Count == 1 ? "sheet" : $"{others.Count} sheets")} ({string.Join(", ", others)}) "
            + $"{(others.Count == 1 ? "is" : "are")} not: to import one, move it first or save it as CSV";
    }

    public bool TryRead(out InputRow row)
    {
        while (_reader.Read())
        {
            var cells = Cells(_reader, _width);
            if (cells.TrueForAll(string.IsNullOrEmpty))
            {
                continue; // a blank row of the sheet
            }

            row = new InputRow(_nextIndex++, _reader.Depth + 1, cells);
            return true;
        }

        row = default;
        return false;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    /// <summary>The current row's first <paramref name="width"/> cells as text (null where empty).</summary>
    private static List<string?> Cells(IExcelDataReader reader, int width)
    {
        var cells = new List<string?>(width);
        for (int i = 0; i < width; i++)
        {
            cells.Add(i < reader.FieldCount ? Text(reader, i) : null);
        }

        return cells;
    }

    private static string? Text(IExcelDataReader reader, int column) => reader.GetValue(column) switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime time when IsDuration(reader.GetNumberFormatString(column)) => Clock(time - DayZero),
        DateTime time when time.TimeOfDay == TimeSpan.Zero => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan span => Clock(span),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    /// <summary>A format of elapsed time ([h]:mm:ss, [mm]:ss), not of a time of day.</summary>
    private static bool IsDuration(string? format) =>
        format is not null && (format.Contains("[h", StringComparison.OrdinalIgnoreCase) || format.Contains("[m", StringComparison.OrdinalIgnoreCase)
            || format.Contains("[s", StringComparison.OrdinalIgnoreCase));

    private static string Clock(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}");
}
