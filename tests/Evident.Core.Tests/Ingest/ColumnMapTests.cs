using Evident.Core.Ingest;
using static Evident.Core.Tests.Ingest.Mapping;

namespace Evident.Core.Tests.Ingest;

public sealed class ColumnMapTests
{
    [Fact]
    public void Known_column_names_are_matched_to_their_fields()
    {
        var map = Map(RecordKind.Feedback, ["comment", "score", "created_at"]);

        Assert.Equal(1, map.ColumnOf("nps"));
        Assert.Equal(0, map.ColumnOf(Fields.Text));
        Assert.Equal(2, map.ColumnOf(Fields.Date));
        Assert.Equal(-1, map.ColumnOf("csat"));
        Assert.Empty(map.AttributeColumns);
    }

    [Fact]
    public void A_help_desk_export_with_ticket_numbers_and_reply_seconds_maps_as_interactions_without_help()
    {
        var map = Map(RecordKind.Interactions, ["Ticket", "Opened", "First reply seconds", "Transfers"]);

        Assert.Equal(0, map.ColumnOf(Fields.Id));
        Assert.Equal(1, map.ColumnOf("started_at"));
        Assert.Equal(2, map.ColumnOf("first_response_seconds"));
        Assert.Equal(3, map.ColumnOf("transfers"));
        Assert.Empty(map.AttributeColumns);
    }

    [Theory]
    [InlineData("Created at")]
    [InlineData("CREATED_AT")]
    [InlineData("created-at")]
    [InlineData(" CreatedAt ")]
    public void Column_names_are_matched_ignoring_case_spaces_and_punctuation(string column)
    {
        var map = Map(RecordKind.Feedback, ["Comment", column]);

        Assert.Equal(1, map.ColumnOf(Fields.Date));
        Assert.Equal(0, map.ColumnOf(Fields.Text));
    }

    [Fact]
    public void A_zendesk_ticket_export_maps_without_help_as_feedback()
    {
        var map = Map(RecordKind.Feedback, ZendeskColumns);

        var pairs = Pairs(map);
        Assert.Equal("Id", pairs[Fields.Id]);
        Assert.Equal("Created at", pairs[Fields.Date]);
        Assert.Equal("Description", pairs[Fields.Text]);
        Assert.Equal("Satisfaction Score", pairs["csat"]);
        Assert.Equal("Requester id", pairs[Fields.Person]);
        Assert.Equal("Group", pairs[Fields.Team]);
        Assert.False(pairs.ContainsKey("nps"));
        Assert.Equal(
            ["Subject", "Status", "Assignee", "Solved at", "Group stations", "First reply time in minutes", "Full resolution time in minutes"],
            AttributeNames(map));
    }

    [Fact]
    public void A_zendesk_ticket_export_maps_without_help_as_interactions()
    {
        var map = Map(RecordKind.Interactions, ZendeskColumns);

        var pairs = Pairs(map);
        Assert.Equal("Id", pairs[Fields.Id]);
        Assert.Equal("Created at", pairs["started_at"]);
        Assert.Equal("Solved at", pairs["ended_at"]);
        Assert.Equal("First reply time in minutes", pairs["first_response_minutes"]);
        Assert.Equal("Full resolution time in minutes", pairs["resolution_minutes"]);
        Assert.Equal("Group stations", pairs["transfers"]);
        Assert.Equal("Requester id", pairs[Fields.Person]);
        Assert.Equal("Assignee", pairs["agent"]);
        Assert.Equal("Group", pairs[Fields.Team]);
        Assert.Equal("Status", pairs["outcome"]);
        Assert.Equal("Subject", pairs["reason"]);
        Assert.Equal(["Description", "Satisfaction Score"], AttributeNames(map));
    }

    [Fact]
    public void A_map_override_by_name_beats_the_automatic_match()
    {
        var map = Map(RecordKind.Feedback, ["date", "comment", "Free text"], "Free text=text");

        Assert.Equal(2, map.ColumnOf(Fields.Text));
        Assert.Equal(["comment"], AttributeNames(map));
    }

    [Fact]
    public void A_map_override_names_columns_ignoring_case_and_the_field_ignoring_case()
    {
        var map = Map(RecordKind.Feedback, ["date", "Likelihood (0-10)"], "likelihood (0-10)=NPS");

        Assert.Equal(1, map.ColumnOf("nps"));
    }

    [Fact]
    public void A_map_override_may_name_the_column_by_its_1_based_number()
    {
        var map = Map(RecordKind.Feedback, ["q7", "date", "q8"], "3=nps", "1=text");

        Assert.Equal(2, map.ColumnOf("nps"));
        Assert.Equal(0, map.ColumnOf(Fields.Text));
    }

    [Fact]
    public void A_map_override_number_beyond_the_columns_is_no_column()
    {
        string problem = Problem(RecordKind.Feedback, ["date", "q7"], "3=text");

        Assert.Contains("no column '3'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_mapped_to_a_dash_is_neither_a_field_nor_an_attribute()
    {
        var map = Map(RecordKind.Feedback, ["date", "score", "comment", "email"], "comment=-", "email=-");

        Assert.Equal(-1, map.ColumnOf(Fields.Text));
        Assert.Equal(1, map.ColumnOf("nps"));
        Assert.Empty(map.AttributeColumns);
    }

    [Fact]
    public void A_map_override_naming_no_column_lists_the_columns()
    {
        string problem = Problem(RecordKind.Feedback, ["date", "comment"], "Comments=text");

        Assert.Contains("no column 'Comments'", problem, StringComparison.Ordinal);
        Assert.Contains("\"date\", \"comment\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_override_naming_no_field_lists_the_fields_of_the_kind()
    {
        string problem = Problem(RecordKind.Journey, ["customer", "event", "at", "notes"], "notes=comment");

        Assert.Contains("'comment' is not a field of journey", problem, StringComparison.Ordinal);
        Assert.Contains("id, person, action, at, stage, channel, segment, value", problem, StringComparison.Ordinal);
        Assert.Contains("'-' to ignore", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("=text")]
    [InlineData("comment=")]
    public void A_map_override_that_is_not_column_equals_field_says_so(string pair)
    {
        string problem = Problem(RecordKind.Feedback, ["date", "comment"], pair);

        Assert.Contains("expected COLUMN=field", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_is_named_with_the_map_to_write()
    {
        string problem = Problem(RecordKind.Feedback, ["comment", "score"]);

        Assert.Contains("required field 'date'", problem, StringComparison.Ordinal);
        Assert.Contains("\"comment\", \"score\"", problem, StringComparison.Ordinal);
        Assert.Contains("--map COLUMN=date", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_with_neither_a_text_nor_a_score_column_is_refused()
    {
        string problem = Problem(RecordKind.Feedback, ["date", "customer_id", "region"]);

        Assert.StartsWith("no column holds a text or a score", problem, StringComparison.Ordinal);
        Assert.Contains("--map COLUMN=text", problem, StringComparison.Ordinal);
        Assert.Contains("nps, csat, ces, rating", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_with_only_a_score_column_is_accepted()
    {
        var map = Map(RecordKind.Feedback, ["date", "csat"]);

        Assert.Equal(1, map.ColumnOf("csat"));
        Assert.Equal(-1, map.ColumnOf(Fields.Text));
    }

    [Fact]
    public void Pulse_scores_are_enps()
    {
        var map = Map(RecordKind.Pulse, ["date", "score", "comment", "role"]);

        Assert.Equal(1, map.ColumnOf("enps"));
        Assert.Equal(-1, map.ColumnOf("nps"));
        Assert.Equal(3, map.ColumnOf(Fields.Segment));
    }

    [Fact]
    public void Columns_no_field_takes_become_attributes_in_column_order_and_unnamed_ones_are_dropped()
    {
        var map = Map(RecordKind.Feedback, ["plan_note", "date", "", "comment", "Store manager"]);

        Assert.Equal(["plan_note", "Store manager"], AttributeNames(map));
    }

    [Fact]
    public void Qualtrics_question_texts_map_the_recommend_question_to_nps_and_why_to_text()
    {
        string[] columns = ["StartDate", "Status", "RecordedDate", "ResponseId", "DistributionChannel", "Q1", "Q2"];
        string?[] questions =
        [
            "Start Date", "Response Type", "Recorded Date", "Response ID", "Distribution Channel",
            "How likely are you to recommend Acme to a friend or colleague?", "Why?",
        ];

        Assert.True(ColumnMap.TryCreate(RecordKind.Feedback, columns, [], questions, out var map, out string? problem), problem);

        Assert.Equal(5, map.ColumnOf("nps"));
        Assert.Equal(6, map.ColumnOf(Fields.Text));
        Assert.Equal(3, map.ColumnOf(Fields.Id));
        Assert.Equal(2, map.ColumnOf(Fields.Date));
    }

    [Fact]
    public void Without_question_texts_qualtrics_question_ids_have_no_text_or_score()
    {
        string problem = Problem(RecordKind.Feedback, ["RecordedDate", "ResponseId", "Q1", "Q2"]);

        Assert.Contains("no column holds a text or a score", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Flattened_json_properties_are_preferred_to_the_objects_that_hold_them()
    {
        // A Zendesk JSON export: "via": {"channel": "email"}, "satisfaction_rating": {"score": "good"}.
        var map = Map(RecordKind.Feedback, ["id", "created_at", "description", "via", "via.channel", "satisfaction_rating", "satisfaction_rating.score"]);

        var pairs = Pairs(map);
        Assert.Equal("via.channel", pairs[Fields.Channel]);
        Assert.Equal("satisfaction_rating.score", pairs["csat"]);
    }
}
