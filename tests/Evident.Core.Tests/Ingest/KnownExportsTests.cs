using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using static Evident.Core.Tests.Input.Reading;

namespace Evident.Core.Tests.Ingest;

public sealed class KnownExportsTests
{
    private const string QualtricsCsv =
        "StartDate,RecordedDate,ResponseId,Q1,Q2\n" +
        "Start Date,Recorded Date,Response ID,\"How likely are you to recommend Acme to a friend, on a scale of 0 to 10?\",Why?\n" +
        "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"recordedDate\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"\n" +
        "2025-03-14 09:00:00,2025-03-14 09:05:00,R_1,9,Quick delivery\n" +
        "2025-03-14 10:00:00,2025-03-14 10:05:00,R_2,3,Rude driver\n";

    [Fact]
    public void The_twcs_header_is_recognised_in_any_order_and_case()
    {
        Assert.True(KnownExports.IsTwcs(["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"]));
        Assert.True(KnownExports.IsTwcs(["Text", "TWEET_ID", "author_id", "inbound", "created_at", "in_response_to_tweet_id", "response_tweet_id", "extra"]));
    }

    [Fact]
    public void A_header_missing_a_twcs_column_is_not_twcs()
    {
        Assert.False(KnownExports.IsTwcs(["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id"]));
        Assert.False(KnownExports.IsTwcs(["id", "created_at", "text"]));
    }

    [Fact]
    public void A_qualtrics_export_gives_its_question_texts_and_skips_exactly_its_two_extra_header_rows()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", QualtricsCsv);
        using var reader = new PeekingReader(Open(path));

        var questions = KnownExports.TakeQualtricsQuestions(reader);
        var rows = ReadAll(reader);

        Assert.NotNull(questions);
        Assert.Equal(["Start Date", "Recorded Date", "Response ID", "How likely are you to recommend Acme to a friend, on a scale of 0 to 10?", "Why?"], questions);
        Assert.Equal(["R_1", "R_2"], rows.Select(row => Field(row, 2)));
        Assert.Equal([4L, 5L], rows.Select(row => row.Line));
    }

    [Fact]
    public void A_qualtrics_export_maps_through_its_question_texts()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv", QualtricsCsv);
        using var reader = new PeekingReader(Open(path));

        var questions = KnownExports.TakeQualtricsQuestions(reader);
        Assert.True(ColumnMap.TryCreate(RecordKind.Feedback, reader.Columns, [], questions, out var map, out string? problem), problem);
        var mapper = new RowMapper(map, "qualtrics");
        Assert.True(reader.TryRead(out var row));
        var record = Mapping.MapOne<FeedbackRecord>(mapper, row);

        Assert.Equal("R_1", record.ExternalId);
        Assert.Equal("nps", record.ScoreKind);
        Assert.Equal(9, record.Score);
        Assert.Equal("Quick delivery", record.Text);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 5, 0, TimeSpan.Zero), record.CreatedAt);
        Assert.Equal("{\"StartDate\":\"2025-03-14 09:00:00\"}", record.Attributes);
    }

    [Fact]
    public void A_file_that_is_not_qualtrics_is_left_untouched()
    {
        using var folder = new TempFolder();
        string path = folder.Write("plain.csv", "date,comment\n2025-03-14,first\n2025-03-15,second\n2025-03-16,third\n");
        using var reader = new PeekingReader(Open(path));

        Assert.Null(KnownExports.TakeQualtricsQuestions(reader));
        var rows = ReadAll(reader);

        Assert.Equal(["first", "second", "third"], rows.Select(row => Field(row, 1)));
        Assert.Equal([0L, 1L, 2L], rows.Select(row => row.Index));
    }

    [Fact]
    public void A_file_with_one_data_row_is_not_qualtrics_and_keeps_its_row()
    {
        using var folder = new TempFolder();
        string path = folder.Write("one.csv", "date,comment\n2025-03-14,only\n");
        using var reader = new PeekingReader(Open(path));

        Assert.Null(KnownExports.TakeQualtricsQuestions(reader));

        Assert.Equal(["only"], ReadAll(reader).Select(row => Field(row, 1)));
    }

    [Fact]
    public void Peeking_twice_returns_the_same_rows_and_reading_then_goes_on_in_order()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.csv", "n\n1\n2\n3\n4\n");
        using var reader = new PeekingReader(Open(path));

        Assert.Equal(["1", "2"], reader.Peek(2).Select(row => Field(row, 0)));
        Assert.Equal(["1", "2", "3"], reader.Peek(3).Select(row => Field(row, 0)));
        Assert.True(reader.TryRead(out var first));
        reader.Skip(1);

        Assert.Equal("1", Field(first, 0));
        Assert.Equal(["3", "4"], ReadAll(reader).Select(row => Field(row, 0)));
    }
}
