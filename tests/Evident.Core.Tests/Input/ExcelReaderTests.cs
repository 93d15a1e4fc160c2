using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using Evident.Core.Tests.Ingest;
using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Input;

public sealed class ExcelReaderTests
{
    private static readonly object?[][] s_survey =
    [
        ["id", "date", "score", "comment", "wait", "vip", null],
        [1, new DateTime(2025, 3, 1), 9, "Great, thanks", new TimeSpan(26, 5, 0), true],
        [],
        [3, new DateTime(2025, 3, 2, 14, 30, 0), null, "Slow <b>really</b>", null, false],
        [4, new DateTime(2025, 3, 3), 12.5, "Fine"],
    ];

    [Fact]
    public void The_first_sheet_reads_as_a_csv_of_it_would_under_its_first_non_empty_row()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "survey.xlsx");
        File.WriteAllBytes(path, Workbook.Bytes(s_survey, firstRow: 2));

        using var reader = Open(path);
        var rows = ReadAll(reader);

        Assert.Equal(InputFormat.Excel, reader.Format);
        Assert.Equal(["id", "date", "score", "comment", "wait", "vip"], reader.Columns);
        Assert.Equal([3L, 5L, 6L], rows.Select(row => row.Line)); // sheet rows; the blank row 4 is skipped
        Assert.Equal([0L, 1L, 2L], rows.Select(row => row.Index));
        Assert.Equal(["1", "2025-03-01", "9", "Great, thanks", "26:05:00", "true"], rows[0].Fields);
        Assert.Equal(["3", "2025-03-02T14:30:00", null, "Slow <b>really</b>", null, "false"], rows[1].Fields);
        Assert.Equal(["4", "2025-03-03", "12.5", "Fine", null, null], rows[2].Fields);
        Assert.Equal(new FileInfo(path).Length, reader.TotalBytes);
    }

    [Fact]
    public void A_workbook_imports_as_a_csv_would()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "survey.xlsx");
        File.WriteAllBytes(path, Workbook.Bytes(s_survey));

        Assert.True(ImportFile.TryOpen(new ImportRequest(path, RecordKind.Feedback, [], null, InputFormat.Auto), out var file, out string? problem), problem);
        using (file)
        {
            var read = Mapping.ReadAll(file.Records);

            Assert.Null(file.Problem);
            Assert.Equal("survey", file.Source);
            var first = Assert.IsType<FeedbackRecord>(read[0].Record);
            Assert.Equal((new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), 9.0, "Great, thanks"), (first.CreatedAt, first.Score!.Value, first.Text));
            Assert.Equal("{\"vip\":\"true\",\"wait\":\"26:05:00\"}", first.Attributes); // by name (RowMapper)
            Assert.Equal(new DateTimeOffset(2025, 3, 2, 14, 30, 0, TimeSpan.Zero), Assert.IsType<FeedbackRecord>(read[1].Record).CreatedAt);
            // An NPS of 12.5 is off the scale, as in a CSV.
            Assert.Equal((5L, "score"), (read[2].Reject!.Line, read[2].Reject!.Column));
        }
    }

    /// <summary>The survey as an Excel 97-2003 workbook (Fixtures/README.md: written by NPOI, not by Excel).</summary>
    private static readonly string s_xls = Path.Combine(AppContext.BaseDirectory, "Input", "Fixtures", "survey-97-2003.xls");

    [Fact]
    public void An_excel_97_2003_workbook_reads_as_the_same_sheet_saved_as_xlsx_would()
    {
        using var folder = new TempFolder();
        string xlsx = Path.Combine(folder.Path, "survey.xlsx");
        File.WriteAllBytes(xlsx, Workbook.Bytes(s_survey, firstRow: 2, otherSheets: ["Summary"]));

        using var old = Open(s_xls);
        using var current = Open(xlsx);
        var rows = ReadAll(old);

        Assert.Equal(InputFormat.Excel, old.Format);
        Assert.Equal(current.Columns, old.Columns);
        Assert.Equal(ReadAll(current).Select(row => (row.Line, string.Join('|', row.Fields))), rows.Select(row => (row.Line, string.Join('|', row.Fields))));
        Assert.Equal(["1", "2025-03-01", "9", "Great, thanks", "26:05:00", "true"], rows[0].Fields);
        Assert.Equal("the workbook's first sheet, 'Responses', is read; its other sheet ('Summary') is not: to import one, move it first or save it as CSV",
            ((ExcelReader)old).SheetNote);
    }

    [Fact]
    public void An_excel_97_2003_workbook_imports_by_its_name_or_as_told_and_piped()
    {
        using var folder = new TempFolder();
        string renamed = Path.Combine(folder.Path, "export.dat");
        File.Copy(s_xls, renamed);

        Assert.True(ImportFile.TryOpen(new ImportRequest(s_xls, RecordKind.Feedback, [], null, InputFormat.Auto), out var byName, out string? problem), problem);
        Assert.True(ImportFile.TryOpen(new ImportRequest(renamed, RecordKind.Feedback, [], null, InputFormat.Excel), out var told, out problem), problem);
        using (byName)
        using (told)
        {
            Assert.All((ImportFile[])[byName, told], file =>
            {
                var read = Mapping.ReadAll(file.Records);
                Assert.Equal(2, read.Count(r => r.Record is FeedbackRecord));
                Assert.Equal((6L, "score"), (read[2].Reject!.Line, read[2].Reject!.Column)); // sheet row 6
            });
        }

        // Piped in: the stream cannot seek, so the workbook is held whole first.
        var piped = new Unseekable(File.ReadAllBytes(s_xls));
        Assert.True(InputFile.TryOpen(piped, "<stdin>", InputFormat.Excel, out var reader, out problem), problem);
        using (reader)
        {
            Assert.Equal(3, ReadAll(reader).Count);
        }
    }

    [Fact]
    public void An_excel_97_2003_workbook_named_as_a_csv_is_refused_saying_how_it_is_read()
    {
        using var folder = new TempFolder();
        string misnamed = Path.Combine(folder.Path, "survey.csv");
        File.Copy(s_xls, misnamed);

        Assert.False(InputFile.TryOpen(misnamed, InputFormat.Auto, out _, out string? problem));
        Assert.Contains("an Excel 97-2003 workbook is read when its name ends .xls (or with --format xlsx)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sheets_after_the_first_are_named_as_not_read()
    {
        using var folder = new TempFolder();
        string two = Path.Combine(folder.Path, "two.xlsx");
        string three = Path.Combine(folder.Path, "three.xlsx");
        File.WriteAllBytes(two, Workbook.Bytes(s_survey, otherSheets: ["Summary"]));
        File.WriteAllBytes(three, Workbook.Bytes(s_survey, otherSheets: ["Summary", "Raw & old"]));

        var notes = new List<string?>();
        foreach (string path in (string[])[two, three])
        {
            Assert.True(ImportFile.TryOpen(new ImportRequest(path, RecordKind.Feedback, [], null, InputFormat.Auto), out var file, out string? problem), problem);
            using (file)
            {
                Assert.Equal(3, Mapping.ReadAll(file.Records).Count); // the first sheet's rows, read after the others were counted
                notes.Add(Assert.Single(file.Notes));
            }
        }

        Assert.Equal(
            [
                "the workbook's first sheet, 'Responses', is read; its other sheet ('Summary') is not: to import one, move it first or save it as CSV",
                "the workbook's first sheet, 'Responses', is read; its other 2 sheets ('Summary', 'Raw & old') are not: to import one, move it first or save it as CSV",
            ],
            notes);
    }

    [Fact]
    public void A_workbook_that_cannot_be_read_or_has_an_empty_first_sheet_is_refused_saying_so()
    {
        using var folder = new TempFolder();
        string broken = folder.Write("broken.xlsx", "id,date,text\n1,2025-03-01,not a workbook\n");
        string empty = Path.Combine(folder.Path, "empty.xlsx");
        File.WriteAllBytes(empty, Workbook.Bytes([]));

        Assert.False(InputFile.TryOpen(broken, InputFormat.Auto, out _, out string? unreadable));
        Assert.False(InputFile.TryOpen(empty, InputFormat.Auto, out _, out string? nothing));

        Assert.StartsWith($"{broken}: not an Excel workbook that can be read (.xlsx or .xls): ", unreadable, StringComparison.Ordinal);
        Assert.Equal($"{empty}: the workbook's first sheet ('Responses') is empty; a header row was expected", nothing);
    }

    [Fact]
    public void A_workbook_piped_in_is_read_when_the_format_is_given()
    {
        byte[] workbook = Workbook.Bytes(s_survey);
        using var piped = new Unseekable(workbook);

        Assert.True(InputFile.TryOpen(piped, "<stdin>", InputFormat.Excel, out var reader, out string? problem), problem);
        using (reader)
        {
            Assert.Equal(3, ReadAll(reader).Count);
            Assert.Equal(workbook.Length, reader.TotalBytes); // held whole, so its size is known
        }
    }

    /// <summary>Standard input as a workbook arrives on it: no seeking.</summary>
    private sealed class Unseekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
