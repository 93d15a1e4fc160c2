using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using static Evident.Core.Tests.Ingest.Mapping;

namespace Evident.Core.Tests.Records;

/// <summary>The hash of what a record says (<see cref="RecordValues"/>), on records read from files as an import reads them.</summary>
public sealed class RecordValuesTests
{
    private static long?[] Hashes(string csv, RecordKind kind = RecordKind.Feedback) =>
        [.. ImportAll("export.csv", csv, new ImportRequest("", kind, [], null, InputFormat.Auto), out _)
            .Select(read => RecordValues.HashOf(Assert.IsType<ImportedRecord>(read.Record, exactMatch: false)))];

    [Fact]
    public void The_same_values_hash_the_same_whatever_the_order_of_the_columns()
    {
        var first = Hashes("id,date,score,comment,segment\n1,2025-03-01T09:00:00Z,9,Kind staff.,retail\n");
        var reordered = Hashes("segment,comment,id,score,date\nretail,Kind staff.,1,9,2025-03-01T09:00:00Z\n");

        Assert.NotNull(first[0]);
        Assert.Equal(first, reordered);
    }

    [Fact]
    public void Attributes_in_another_order_are_stored_and_hashed_alike()
    {
        static List<(ImportedRecord? Record, RowReject? Reject)> Read(string csv) =>
            ImportAll("export.csv", csv, new ImportRequest("", RecordKind.Feedback, [], null, InputFormat.Auto), out _);
        var first = Assert.Single(Read("id,date,comment,ward,agent\n1,2025-03-01,Kind staff.,A,Sam\n")).Record!;
        var reordered = Assert.Single(Read("agent,id,ward,date,comment\nSam,1,A,2025-03-01,Kind staff.\n")).Record!;

        Assert.Equal("""{"agent":"Sam","ward":"A"}""", first.Attributes);
        Assert.Equal(first.Attributes, reordered.Attributes);
        Assert.Equal(RecordValues.HashOf(first), RecordValues.HashOf(reordered));
    }

    [Fact]
    public void One_instant_written_with_another_offset_hashes_the_same()
    {
        var hashes = Hashes("id,date,comment\n1,2025-03-01T10:00:00+01:00,Fine.\n2,2025-03-01T09:00:00Z,Fine.\n3,2025-03-01T10:00:00Z,Fine.\n");

        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
    }

    [Theory]
    [InlineData("1,2025-03-01T09:00:00Z,8,Kind staff.,retail")] // a score corrected
    [InlineData("1,2025-03-01T09:05:00Z,9,Kind staff.,retail")] // another time
    [InlineData("1,2025-03-01T09:00:00Z,9,Kind staff!,retail")] // the text edited
    [InlineData("1,2025-03-01T09:00:00Z,9,Kind staff.,")] // a segment taken away
    [InlineData("1,2025-03-01T09:00:00Z,,Kind staff.,retail")] // the score taken away
    public void Any_value_changed_changes_the_hash(string changed)
    {
        const string header = "id,date,score,comment,segment\n";
        var stored = Hashes(header + "1,2025-03-01T09:00:00Z,9,Kind staff.,retail\n");

        Assert.NotEqual(stored, Hashes(header + changed + "\n"));
    }

    [Fact]
    public void The_id_is_not_among_the_values_and_an_unmapped_column_is()
    {
        var hashes = Hashes("id,date,comment,ward\n1,2025-03-01,Kind staff.,A\n2,2025-03-01,Kind staff.,A\n3,2025-03-01,Kind staff.,B\n");

        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
    }

    [Fact]
    public void A_value_moved_to_the_next_field_changes_the_hash()
    {
        // "" and a missing value differ too: a team named where the region was is another row.
        var hashes = Hashes("id,date,comment,region,team\n1,2025-03-01,Fine.,North,\n2,2025-03-01,Fine.,,North\n");

        Assert.NotEqual(hashes[0], hashes[1]);
    }

    [Fact]
    public void Each_kind_hashes_its_own_values()
    {
        var interactions = Hashes("id,started_at,channel,wait_seconds\nt1,2025-03-01T09:00:00Z,phone,40\nt2,2025-03-01T09:00:00Z,phone,41\n", RecordKind.Interactions);
        var journey = Hashes("id,customer,action,at\nj1,c1,renewal,2025-03-01\nj2,c1,cancellation,2025-03-01\n", RecordKind.Journey);
        var comms = Hashes("id,date,text\nm1,2025-03-01,Thank you all.\nm2,2025-03-01,Thank you all!\n", RecordKind.Comms);

        Assert.All((long?[][])[interactions, journey, comms], pair => Assert.NotEqual(pair[0], pair[1]));
    }

    [Fact]
    public void A_row_keyed_by_its_content_has_no_values_hash()
    {
        var hashes = Hashes("date,comment\n2025-03-01,Kind staff.\n");

        Assert.Null(Assert.Single(hashes));
    }
}
