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

        Assert.StartsWith($"{broken}: not an Excel workbook that can be read (.xlsx): ", unreadable, StringComparison.Ordinal);
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
