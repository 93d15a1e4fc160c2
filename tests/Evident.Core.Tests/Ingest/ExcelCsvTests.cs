using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using static Evident.Core.Tests.Ingest.Mapping;

namespace Evident.Core.Tests.Ingest;

/// <summary>CSV as Excel writes it where the decimal mark is a comma: semicolons between fields, decimal commas.</summary>
public sealed class ExcelCsvTests
{
    private static List<(InteractionRecord? Record, RowReject? Reject)> Interactions(string name, string csv) =>
        [.. ImportAll(name, csv, new ImportRequest("", RecordKind.Interactions, [], null, InputFormat.Auto), out _)
            .Select(read => ((InteractionRecord?)read.Record, read.Reject))];

    [Fact]
    public void Numbers_with_a_decimal_comma_are_read_in_a_file_separated_by_semicolons()
    {
        var read = Interactions("calls.csv", "id;started_at;wait_minutes;hold_seconds;transfers\n1;2025-03-01 10:00;4,5;12,25;1\n2;2025-03-01 11:00;12;3;1,5\n");

        Assert.Equal((270.0, 12.25), (read[0].Record!.WaitSeconds, read[0].Record!.HoldSeconds));
        // The message quotes the value as written.
        Assert.Equal(("transfers", "expected a whole number (0 or more) of times passed to another person or team, found \"1,5\""), (read[1].Reject!.Column, read[1].Reject!.Reason));
    }

    [Fact]
    public void A_comma_separated_file_reads_no_decimal_comma()
    {
        var read = Interactions("calls.csv", "id,started_at,wait_minutes\n1,2025-03-01 10:00,\"4,5\"\n");

        Assert.Equal("expected a number, found \"4,5\"", Assert.Single(read).Reject!.Reason);
    }
}
