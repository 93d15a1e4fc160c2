using System.Text;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using static Evident.Core.Tests.Ingest.Mapping;

namespace Evident.Core.Tests.Ingest;

public sealed class RepeatedIdsTests
{
    /// <summary>Reads <paramref name="csv"/> as feedback of source "survey", each row's record or reject in order.</summary>
    private static List<(ImportedRecord? Record, RowReject? Reject)> Read(string csv)
    {
        Assert.True(InputFile.TryOpen(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "survey.csv", InputFormat.Auto, out var reader, out string? problem), problem);
        var map = Map(RecordKind.Feedback, reader.Columns);
        using var source = new MappedRecordSource(reader, new RowMapper(map, "survey"));
        return ReadAll(source);
    }

    [Fact]
    public void A_row_giving_an_earlier_rows_id_with_other_values_is_rejected_at_the_id_column()
    {
        var read = Read("""
            id,date,comment
            7,2025-03-01,The queue was long.
            8,2025-03-01,Fine.
            7,2025-03-02,Lovely staff.
            """);

        Assert.Equal(["7", "8"], read.Where(r => r.Record is not null).Select(r => r.Record!.ExternalId));
        var reject = read[2].Reject!;
        Assert.Equal((4L, "id"), (reject.Line, reject.Column));
        Assert.Equal(
            "line 2 gave the id \"7\" too, with other values; ids must be unique within a file, so this row was not imported "
            + "(if 'id' is not each row's own id, map it to another field or ignore it, --map \"id=-\" on the command line: rows are then keyed by their content)",
            reject.Reason);
    }

    [Fact]
    public void A_row_repeating_an_earlier_one_whole_is_left_a_duplicate_and_the_first_row_stays_the_one_compared()
    {
        var read = Read("""
            id,date,comment
            7,2025-03-01,The queue was long.
            7,2025-03-02,Lovely staff.
            7,2025-03-01,The queue was long.
            """);

        // The rejected row 3 is not what later rows are compared with: row 4 repeats row 2 and passes on, for the
        // store to count it a duplicate.
        Assert.Null(read[0].Reject);
        Assert.Contains("line 2 gave the id", read[1].Reject!.Reason);
        Assert.Equal(("7", 4L), (read[2].Record!.ExternalId, read[2].Record!.Line));
    }

    [Fact]
    public void A_column_no_field_takes_is_among_the_values_compared()
    {
        var read = Read("""
            id,date,comment,note
            7,2025-03-01,The queue was long.,first
            7,2025-03-01,The queue was long.,second
            """);

        Assert.Equal(3, read[1].Reject!.Line);
        Assert.StartsWith("line 2 gave the id", read[1].Reject!.Reason);
    }

    [Fact]
    public void Rows_keyed_by_their_content_are_never_rejected_as_repeats()
    {
        var read = Read("""
            date,comment
            2025-03-01,The queue was long.
            2025-03-01,The queue was long.
            """);

        Assert.All(read, r => Assert.Null(r.Reject));
        Assert.Equal(read[0].Record!.ExternalId, read[1].Record!.ExternalId);
    }

    [Theory]
    [InlineData("ab", "", "a", "b")]
    [InlineData("a", null, "a", "")]
    [InlineData("a", "b", "b", "a")]
    public void Values_that_read_alike_when_joined_hash_apart(string? first, string? second, string? otherFirst, string? otherSecond)
    {
        Assert.NotEqual(RepeatedIds.HashOf([first, second], -1), RepeatedIds.HashOf([otherFirst, otherSecond], -1));
    }

    [Fact]
    public void The_id_itself_is_not_among_the_values()
    {
        Assert.Equal(RepeatedIds.HashOf(["7", "a"], 0), RepeatedIds.HashOf(["8", "a"], 0));
        var ids = new RepeatedIds();
        Assert.Null(ids.EarlierLineWithOtherValues("7", ["7", "a"], 0, 2));
        Assert.Null(ids.EarlierLineWithOtherValues("8", ["8", "b"], 0, 3));
        Assert.Equal(3, ids.EarlierLineWithOtherValues("8", ["8", "c"], 0, 9));
    }

    /// <summary>Opens <paramref name="csv"/>, written to a file of its own, as feedback.</summary>
    private static ImportFile Open(string csv, params string[] map)
    {
        using var folder = new TempFolder(); // the file stays open for reading until disposed
        string path = folder.Write("comments.csv", csv);
        Assert.True(ImportFile.TryOpen(new ImportRequest(path, RecordKind.Feedback, map, null, InputFormat.Auto) { Name = "comments.csv" }, out var file, out string? problem), problem);
        return file;
    }

    private static string Comments(int tickets, int commentsEach) =>
        "ticket_id,date,comment\n" + string.Concat(Enumerable.Range(0, tickets * commentsEach).Select(i => $"T-{i % tickets},2025-03-01,Comment {i}\n"));

    [Fact]
    public void A_file_whose_id_column_repeats_in_a_tenth_of_its_first_rows_is_refused_before_any_row_is_read()
    {
        // 100 tickets, 2 comments each: the second comment of each repeats its ticket's number.
        using var file = Open(Comments(100, 2));

        Assert.Equal(
            "comments.csv (read as CSV): the column 'ticket_id', read as each row's id, repeats with other values in 100 of the first 200 rows "
            + "(line 102 gives \"T-0\" as line 2 did): it seems not to be each row's own id, and those rows would be rejected as repeats. "
            + "Give it another field, or ignore it (--map \"ticket_id=-\" on the command line), and rows are keyed by their content",
            file.Problem);
    }

    [Fact]
    public void A_few_repeats_are_left_to_be_rejected_one_by_one_and_a_column_mapped_elsewhere_is_not_an_id()
    {
        // 2 repeats in 30 rows, under a tenth.
        string csv = Comments(28, 1) + "T-3,2025-03-02,Edited.\nT-4,2025-03-02,Edited.\n";
        using var few = Open(csv);
        using var mapped = Open(Comments(100, 2), "ticket_id=interaction");

        Assert.Null(few.Problem);
        Assert.Null(mapped.Problem);
        Assert.Equal([30L, 31L], ReadAll(few.Records).Where(r => r.Reject is not null).Select(r => r.Reject!.Line));
    }
}
