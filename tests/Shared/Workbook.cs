using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Evident.Testing;

/// <summary>
/// Writes a small Excel workbook (.xlsx) as Excel lays one out: a zip of SpreadsheetML parts, one sheet, cells with
/// number formats (a date, a date and time, a duration) as Excel gives them. Built by hand rather than with the Open
/// XML SDK (a test dependency for five small parts), so that every cell and format of a test's workbook is in view.
/// </summary>
internal static class Workbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// The rows of the first sheet, "Responses": each cell a string, a number, a bool, a <see cref="DateTime"/> (a whole
    /// day formatted as a date, else as a date and time), a <see cref="TimeSpan"/> (formatted [h]:mm:ss) or null (no cell).
    /// <paramref name="firstRow"/> is the sheet row of the first (rows above it are empty); <paramref name="otherSheets"/>
    /// names empty sheets after it.
    /// </summary>
    public static byte[] Bytes(IReadOnlyList<object?[]> rows, int firstRow = 1, IReadOnlyList<string>? otherSheets = null)
    {
        otherSheets ??= [];
        var extra = Enumerable.Range(0, otherSheets.Count).Select(i => (Name: SecurityElement.Escape(otherSheets[i]), Part: $"sheet{i + 2}.xml", Id: $"rId{i + 3}")).ToList();
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                {string.Concat(extra.Select(s => $"<Override PartName=\"/xl/worksheets/{s.Part}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))}
                </Types>
                """);
            Part(zip, "_rels/.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/>{string.Concat(extra.Select((s, i) => $"<sheet name=\"{s.Name}\" sheetId=\"{i + 2}\" r:id=\"{s.Id}\"/>"))}</sheets></workbook>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="{Relationships}">
                <Relationship Id="rId1" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="{OfficeRelationships}/styles" Target="styles.xml"/>
                {string.Concat(extra.Select(s => $"<Relationship Id=\"{s.Id}\" Type=\"{OfficeRelationships}/worksheet\" Target=\"worksheets/{s.Part}\"/>"))}
                </Relationships>
                """);
            // Styles 1-3: Excel's built-in date (14) and date-and-time (22) formats, and a duration.
            Part(zip, "xl/styles.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="{Main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/></numFmts>
                <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>
                """);
            var sheet = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData>""");
            for (int r = 0; r < rows.Count; r++)
            {
                int number = firstRow + r;
                sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
                for (int c = 0; c < rows[r].Length; c++)
                {
                    sheet.Append(Cell($"{(char)('A' + c)}{number}", rows[r][c]));
                }

                sheet.Append("</row>");
            }

            Part(zip, "xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
            foreach (var other in extra)
            {
                Part(zip, $"xl/worksheets/{other.Part}", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData/></worksheet>""");
            }
        }

        return memory.ToArray();
    }

    private static string Cell(string at, object? value) => value switch
    {
        null => "",
        string text => $"<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>",
        bool flag => $"<c r=\"{at}\" t=\"b\"><v>{(flag ? 1 : 0)}</v></c>",
        DateTime time => $"<c r=\"{at}\" s=\"{(time.TimeOfDay == TimeSpan.Zero ? 1 : 2)}\"><v>{Serial(time - new DateTime(1899, 12, 30))}</v></c>",
        TimeSpan span => $"<c r=\"{at}\" s=\"3\"><v>{Serial(span)}</v></c>",
        _ => $"<c r=\"{at}\"><v>{Convert.ToString(value, CultureInfo.InvariantCulture)}</v></c>",
    };

    private static string Serial(TimeSpan sinceDayZero) => sinceDayZero.TotalDays.ToString("R", CultureInfo.InvariantCulture);

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
