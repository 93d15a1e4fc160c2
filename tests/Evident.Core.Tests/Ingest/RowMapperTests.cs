using System.Text.Json;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using static Evident.Core.Tests.Ingest.Mapping;

namespace Evident.Core.Tests.Ingest;

public sealed class RowMapperTests
{
    private static readonly string[] s_feedbackColumns = ["id", "created_at", "comment", "score", "customer_id", "plan", "country", "channel", "team", "ticket", "note"];

    private static RowMapper Mapper(RecordKind kind, IReadOnlyList<string> columns, params string[] overrides) =>
        new(Map(kind, columns, overrides), "survey");

    [Fact]
    public void A_good_feedback_row_becomes_a_feedback_record_with_every_field()
    {
        var mapper = Mapper(RecordKind.Feedback, s_feedbackColumns);

        var record = MapOne<FeedbackRecord>(mapper, Row(7, "r-1", "2025-03-14T09:30:00+01:00", "  Delivery was slow  ", "6", "c42", "Gold", "UK", "Email", "Returns", "T-9", "called twice"));

        Assert.Equal("survey", record.Source);
        Assert.Equal("r-1", record.ExternalId);
        Assert.Equal(7, record.Line);
        Assert.Equal(FeedbackRecord.Customer, record.Subject);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 30, 0, TimeSpan.Zero), record.CreatedAt);
        Assert.Equal("Delivery was slow", record.Text);
        Assert.Equal("nps", record.ScoreKind);
        Assert.Equal(6, record.Score);
        Assert.Equal("c42", record.PersonKey);
        Assert.Equal("Gold", record.Segment);
        Assert.Equal("UK", record.Region);
        Assert.Equal("Email", record.Channel);
        Assert.Equal("Returns", record.Team);
        Assert.Equal("T-9", record.InteractionKey);
        Assert.Equal("{\"note\":\"called twice\"}", record.Attributes);
        Assert.Null(record.Analysis);
    }

    [Fact]
    public void A_row_keeps_nothing_of_the_row_mapped_before_it()
    {
        var mapper = Mapper(RecordKind.Feedback, s_feedbackColumns);
        MapOne<FeedbackRecord>(mapper, Row(2, "r-1", "2025-03-14T09:30:00Z", "Delivery was slow", "6", "c42", "Gold", "UK", "Email", "Returns", "T-9", "called twice"));

        var second = MapOne<FeedbackRecord>(mapper, Row(3, "r-2", "2025-03-15T10:00:00Z", "", "9", "", "", "", "", "", "", ""));
        var rejected = mapper.TryMap(Row(4, "r-3", "2025-03-16T10:00:00Z", "", "", "", "", "", "", "", "", ""), out _, out var reject);

        Assert.Equal("r-2", second.ExternalId);
        Assert.Equal(new DateTimeOffset(2025, 3, 15, 10, 0, 0, TimeSpan.Zero), second.CreatedAt);
        Assert.Equal(9, second.Score);
        Assert.Null(second.Text);
        Assert.Null(second.PersonKey);
        Assert.Null(second.Segment);
        Assert.Null(second.Region);
        Assert.Null(second.Channel);
        Assert.Null(second.Team);
        Assert.Null(second.InteractionKey);
        Assert.Null(second.Attributes);
        Assert.False(rejected); // neither text nor score of its own: the score before it does not count
        Assert.Equal("the row has neither a text nor a score", reject!.Reason);
    }

    [Fact]
    public void An_empty_or_unanswered_score_leaves_the_record_unscored()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment", "score"]);

        var blank = MapOne<FeedbackRecord>(mapper, Row(2, "2025-03-14", "fine", ""));
        var offered = MapOne<FeedbackRecord>(mapper, Row(3, "2025-03-14", "fine", "offered"));

        Assert.Null(blank.Score);
        Assert.Null(blank.ScoreKind);
        Assert.Null(offered.Score);
        Assert.Null(offered.ScoreKind);
    }

    [Fact]
    public void A_score_out_of_range_is_rejected_with_the_line_and_the_column_name()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment", "How likely (0-10)"], "How likely (0-10)=nps");

        var reject = RejectOf(mapper, Row(12, "2025-03-14", "meh", "11"));

        Assert.Equal(12, reject.Line);
        Assert.Equal("How likely (0-10)", reject.Column);
        Assert.Contains("0 to 10", reject.Reason, StringComparison.Ordinal);
        Assert.Equal("in.csv:12: column How likely (0-10): " + reject.Reason, reject.Format("in.csv"));
    }

    [Fact]
    public void An_unreadable_date_is_rejected_with_the_line_and_the_column_name()
    {
        var mapper = Mapper(RecordKind.Feedback, ["Created at", "comment"]);

        var reject = RejectOf(mapper, Row(5, "yesterday", "meh"));

        Assert.Equal(5, reject.Line);
        Assert.Equal("Created at", reject.Column);
        Assert.Contains("\"yesterday\"", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_required_date_is_rejected_naming_the_field()
    {
        var mapper = Mapper(RecordKind.Feedback, ["Created at", "comment"]);

        var reject = RejectOf(mapper, Row(5, " ", "meh"));

        Assert.Equal("Created at", reject.Column);
        Assert.Contains("'date' is empty", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feedback_row_with_neither_text_nor_score_is_rejected()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment", "score"]);

        var reject = RejectOf(mapper, Row(9, "2025-03-14", "", "-"));

        Assert.Equal(9, reject.Line);
        Assert.Null(reject.Column);
        Assert.Contains("neither a text nor a score", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_the_reader_could_not_parse_is_rejected_with_its_position()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment"]);

        var reject = RejectOf(mapper, InputRow.Failed(3, 14, new InputError(14, 8, "unexpected quote")));

        Assert.Equal(new RowReject(14, "8", "unexpected quote"), reject);
    }

    [Fact]
    public void Rows_without_an_id_get_a_stable_content_key()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment", "score", "customer"]);
        var other = new RowMapper(Map(RecordKind.Feedback, ["date", "comment", "score", "customer"]), "survey");

        var first = MapOne<FeedbackRecord>(mapper, Row(2, "2025-03-14T09:30:00Z", "slow", "3", "c1"));
        var again = MapOne<FeedbackRecord>(other, Row(40, "2025-03-14 09:30:00", "slow", "3.0", "c1"));
        var otherText = MapOne<FeedbackRecord>(mapper, Row(3, "2025-03-14T09:30:00Z", "slow!", "3", "c1"));
        var otherScore = MapOne<FeedbackRecord>(mapper, Row(4, "2025-03-14T09:30:00Z", "slow", "4", "c1"));
        var otherPerson = MapOne<FeedbackRecord>(mapper, Row(5, "2025-03-14T09:30:00Z", "slow", "3", "c2"));
        var otherTime = MapOne<FeedbackRecord>(mapper, Row(6, "2025-03-14T09:30:01Z", "slow", "3", "c1"));

        Assert.Matches("^sha256:[0-9a-f]{32}$", first.ExternalId);
        Assert.Equal(first.ExternalId, again.ExternalId);
        string[] keys = [first.ExternalId, otherText.ExternalId, otherScore.ExternalId, otherPerson.ExternalId, otherTime.ExternalId];
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void The_content_key_separates_its_parts()
    {
        Assert.NotEqual(RowMapper.ContentKey("ab", "c"), RowMapper.ContentKey("a", "bc"));
        Assert.NotEqual(RowMapper.ContentKey("a", null), RowMapper.ContentKey(null, "a"));
        Assert.Equal(RowMapper.ContentKey("a", "b"), RowMapper.ContentKey("a", "b"));
    }

    [Fact]
    public void Attributes_hold_the_unmapped_non_empty_values_as_json()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment", "Store", "Order ref", "Voucher", "scratch"], "scratch=-", "Store=-");

        var record = MapOne<FeedbackRecord>(mapper, Row(2, "2025-03-14", "ok", "Leeds", "A \"quoted\" ref", "", "private"));
        var none = MapOne<FeedbackRecord>(mapper, Row(3, "2025-03-14", "ok", "Leeds", "", "", "private"));

        using var json = JsonDocument.Parse(record.Attributes!);
        Assert.Equal(["Order ref"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("A \"quoted\" ref", json.RootElement.GetProperty("Order ref").GetString());
        Assert.Null(none.Attributes);
        Assert.Null(record.Region);
    }

    [Fact]
    public void Attribute_columns_named_alike_are_kept_apart_by_their_column_number()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment", "comment", "note", "note"]);

        var record = MapOne<FeedbackRecord>(mapper, Row(2, "2025-03-14", "ok", "also", "x", "y"));

        // One key twice in the JSON was read back as one of them ("note": "y"), the other lost.
        Assert.Equal("{\"comment\":\"also\",\"note\":\"x\",\"note (5)\":\"y\"}", record.Attributes);
    }

    [Fact]
    public void Attributes_of_a_short_row_skip_the_missing_fields()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "comment", "a", "b"]);

        var record = MapOne<FeedbackRecord>(mapper, Row(2, "2025-03-14", "ok", "x"));

        Assert.Equal("{\"a\":\"x\"}", record.Attributes);
    }

    [Fact]
    public void Zendesk_satisfaction_good_is_a_csat_of_5()
    {
        var mapper = Mapper(RecordKind.Feedback, ZendeskColumns);

        var record = MapOne<FeedbackRecord>(mapper, Row(2, "101", "r-7", "Refund", "Still waiting", "solved", "Billing", "Sam", "2025-03-14 09:00:00", "2025-03-14 12:00:00", "good", "3", "30", "180"));

        Assert.Equal("101", record.ExternalId);
        Assert.Equal("csat", record.ScoreKind);
        Assert.Equal(5, record.Score);
        Assert.Equal("Still waiting", record.Text);
        Assert.Equal("r-7", record.PersonKey);
        Assert.Equal("Billing", record.Team);
    }

    [Fact]
    public void A_zendesk_ticket_as_an_interaction_takes_minutes_as_seconds_and_group_stations_as_transfers()
    {
        var mapper = Mapper(RecordKind.Interactions, ZendeskColumns);

        var record = MapOne<InteractionRecord>(mapper, Row(2, "101", "r-7", "Refund", "Still waiting", "solved", "Billing", "Sam", "2025-03-14 09:00:00", "2025-03-14 12:00:00", "good", "3", "30", "170"));

        Assert.Equal("101", record.ExternalId);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero), record.StartedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero), record.EndedAt);
        Assert.Equal(1800, record.FirstResponseSeconds);
        Assert.Equal(10_200, record.ResolutionSeconds);
        Assert.Equal(2, record.Transfers);
        Assert.Equal("Sam", record.Agent);
        Assert.Equal("Billing", record.Team);
        Assert.Equal("solved", record.Outcome);
        Assert.Equal("Refund", record.Reason);
        Assert.Equal("r-7", record.PersonKey);
    }

    [Fact]
    public void One_group_station_is_no_transfer()
    {
        var mapper = Mapper(RecordKind.Interactions, ["Created at", "Group stations"]);

        var record = MapOne<InteractionRecord>(mapper, Row(2, "2025-03-14", "1"));

        Assert.Equal(0, record.Transfers);
    }

    [Fact]
    public void A_transfers_column_is_taken_as_it_is()
    {
        var mapper = Mapper(RecordKind.Interactions, ["started_at", "transfers"]);

        var record = MapOne<InteractionRecord>(mapper, Row(2, "2025-03-14", "3"));

        Assert.Equal(3, record.Transfers);
    }

    [Fact]
    public void Interaction_durations_are_computed_from_timestamps_when_not_given()
    {
        var mapper = Mapper(RecordKind.Interactions, ["call_id", "started_at", "first_response_at", "ended_at", "wait_time", "hold_time", "channel"]);

        var record = MapOne<InteractionRecord>(mapper, Row(2, "c-1", "2025-03-14T09:00:00Z", "2025-03-14T09:02:30Z", "2025-03-14T09:10:00Z", "0:45", "75", "phone"));

        Assert.Equal("c-1", record.ExternalId);
        Assert.Equal(150, record.FirstResponseSeconds);
        Assert.Equal(600, record.ResolutionSeconds);
        Assert.Equal(45, record.WaitSeconds);
        Assert.Equal(75, record.HoldSeconds);
        Assert.Equal("phone", record.Channel);
    }

    [Fact]
    public void Interaction_seconds_given_in_the_file_beat_the_timestamps()
    {
        var mapper = Mapper(RecordKind.Interactions, ["started_at", "first_response_at", "first_response_time"]);

        var record = MapOne<InteractionRecord>(mapper, Row(2, "2025-03-14T09:00:00Z", "2025-03-14T09:02:30Z", "0:01:00"));

        Assert.Equal(60, record.FirstResponseSeconds);
        Assert.Null(record.ResolutionSeconds);
    }

    [Fact]
    public void Interactions_without_an_id_get_a_content_key()
    {
        var mapper = Mapper(RecordKind.Interactions, ["started_at", "customer_id"]);

        var a = MapOne<InteractionRecord>(mapper, Row(2, "2025-03-14T09:00:00Z", "c1"));
        var b = MapOne<InteractionRecord>(mapper, Row(3, "2025-03-14T09:00:00Z", "c2"));

        Assert.StartsWith("sha256:", a.ExternalId, StringComparison.Ordinal);
        Assert.NotEqual(a.ExternalId, b.ExternalId);
    }

    [Theory]
    [InlineData("2025-03-14T09:02:30Z", "2025-03-14T08:10:00Z", "Solved at", "ended_at 2025-03-14T08:10:00+00:00 is before started_at 2025-03-14T09:00:00+00:00")]
    [InlineData("2025-03-14T08:59:59Z", "2025-03-14T09:10:00Z", "First reply at", "first_response_at 2025-03-14T08:59:59+00:00 is before started_at 2025-03-14T09:00:00+00:00")]
    [InlineData("2025-03-14T10:00:00+02:00", "2025-03-14T09:10:00Z", "First reply at", "first_response_at 2025-03-14T08:00:00+00:00 is before started_at")]
    public void A_contact_answered_or_ended_before_it_started_is_rejected_at_that_column(string answered, string ended, string column, string reason)
    {
        var mapper = Mapper(RecordKind.Interactions, ["Ticket ID", "Created at", "First reply at", "Solved at"], "First reply at=first_response_at");

        var reject = RejectOf(mapper, Row(5, "t-1", "2025-03-14T09:00:00Z", answered, ended));

        Assert.Equal((5L, column), (reject.Line, reject.Column));
        Assert.StartsWith(reason, reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("1e12")]
    public void A_count_that_is_not_a_whole_number_of_zero_or_more_is_rejected(string transfers)
    {
        var mapper = Mapper(RecordKind.Interactions, ["started_at", "transfers"]);

        var reject = RejectOf(mapper, Row(3, "2025-03-14T09:00:00Z", transfers));

        Assert.Equal((3L, "transfers"), (reject.Line, reject.Column));
        Assert.Equal($"expected a whole number (0 or more) of times passed to another person or team, found \"{transfers}\"", reject.Reason);
    }

    [Fact]
    public void A_count_written_with_a_decimal_point_is_read_whole()
    {
        var mapper = Mapper(RecordKind.Interactions, ["started_at", "transfers", "messages"]);

        var record = MapOne<InteractionRecord>(mapper, Row(2, "2025-03-14T09:00:00Z", "2.0", "0"));

        Assert.Equal((2, 0), (record.Transfers, record.Messages));
    }

    [Fact]
    public void A_contact_answered_and_ended_the_moment_it_started_is_kept()
    {
        var mapper = Mapper(RecordKind.Interactions, ["started_at", "first_response_at", "ended_at"]);

        var record = MapOne<InteractionRecord>(mapper, Row(2, "2025-03-14T09:00:00Z", "2025-03-14T09:00:00Z", "2025-03-14T11:00:00+02:00"));

        Assert.Equal((0d, 0d), (record.FirstResponseSeconds, record.ResolutionSeconds));
    }

    [Fact]
    public void A_negative_minutes_value_is_rejected()
    {
        var mapper = Mapper(RecordKind.Interactions, ["Created at", "First reply time in minutes"]);

        var reject = RejectOf(mapper, Row(4, "2025-03-14", "-3"));

        Assert.Equal("First reply time in minutes", reject.Column);
    }

    [Fact]
    public void A_journey_needs_a_person_an_action_and_a_time()
    {
        Assert.Contains("'person'", Problem(RecordKind.Journey, ["event", "timestamp"]), StringComparison.Ordinal);
        Assert.Contains("'action'", Problem(RecordKind.Journey, ["customer_id", "timestamp"]), StringComparison.Ordinal);
        Assert.Contains("'at'", Problem(RecordKind.Journey, ["customer_id", "event"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_journey_row_becomes_a_journey_record()
    {
        var mapper = Mapper(RecordKind.Journey, ["event_id", "customer_id", "event", "timestamp", "stage", "amount", "utm"]);

        var record = MapOne<JourneyRecord>(mapper, Row(3, "e-1", "c1", "purchase", "2025-03-14T10:00:00Z", "buy", "19.99", "spring"));

        Assert.Equal("e-1", record.ExternalId);
        Assert.Equal("c1", record.PersonKey);
        Assert.Equal("purchase", record.Action);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero), record.At);
        Assert.Equal("buy", record.Stage);
        Assert.Equal(19.99, record.Value);
        Assert.Equal("{\"utm\":\"spring\"}", record.Attributes);
    }

    [Fact]
    public void A_journey_row_with_an_empty_person_is_rejected()
    {
        var mapper = Mapper(RecordKind.Journey, ["customer_id", "event", "timestamp"]);

        var reject = RejectOf(mapper, Row(3, "", "visit", "2025-03-14"));

        Assert.Equal(3, reject.Line);
        Assert.Equal("customer_id", reject.Column);
        Assert.Contains("'person'", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pulse_row_is_an_employee_answer_with_an_enps_score()
    {
        var mapper = Mapper(RecordKind.Pulse, ["date", "score", "comment", "team", "grade"]);

        var record = MapOne<FeedbackRecord>(mapper, Row(2, "2025-03-14", "9", "good team", "Ops", "G7"));

        Assert.Equal(FeedbackRecord.Employee, record.Subject);
        Assert.Equal("enps", record.ScoreKind);
        Assert.Equal(9, record.Score);
        Assert.Equal("Ops", record.Team);
        Assert.Equal("G7", record.Segment);
    }

    [Fact]
    public void A_comms_row_lower_cases_channel_and_audience()
    {
        var mapper = Mapper(RecordKind.Comms, ["post_id", "published_at", "post_text", "platform", "visibility", "parent_id"]);

        var record = MapOne<CommunicationRecord>(mapper, Row(2, "p1", "2025-03-14", "We are sorry", "LinkedIn", "External", "t9"));

        Assert.Equal("p1", record.ExternalId);
        Assert.Equal("We are sorry", record.Text);
        Assert.Equal("linkedin", record.Channel);
        Assert.Equal("external", record.Audience);
        Assert.Equal("t9", record.InReplyTo);
    }

    [Fact]
    public void A_bare_json_string_is_the_text_of_the_row()
    {
        var mapper = Mapper(RecordKind.Feedback, ["date", "text"]);

        var record = MapOne<FeedbackRecord>(mapper, new InputRow(0, 1, ["2025-03-14"], "said plainly"));

        Assert.Equal("said plainly", record.Text);
    }

    [Fact]
    public void A_zendesk_json_ticket_reads_its_channel_and_satisfaction_from_nested_objects()
    {
        const string Json = """
            [
              {"id": 101, "created_at": "2025-03-14T09:00:00Z", "description": "Where is my refund?",
               "via": {"channel": "email"}, "satisfaction_rating": {"score": "bad", "comment": "slow"}}
            ]
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json));
        Assert.True(InputFile.TryOpen(stream, "tickets.json", InputFormat.Auto, out var reader, out string? problem), problem);
        using (reader)
        {
            var mapper = new RowMapper(Map(RecordKind.Feedback, reader.Columns), "zendesk");
            Assert.True(reader.TryRead(out var row));

            var record = MapOne<FeedbackRecord>(mapper, row);

            Assert.Equal("101", record.ExternalId);
            Assert.Equal("email", record.Channel);
            Assert.Equal("csat", record.ScoreKind);
            Assert.Equal(1, record.Score);
        }
    }
}
