namespace Evident.Core.Ingest;

/// <summary>
/// The fields of each record kind with the column names they are recognised by, covering plain exports,
/// Qualtrics (ResponseId, RecordedDate, question texts) and Zendesk ticket exports (Id, Requester id, Created at,
/// Satisfaction Score, "… in minutes").
/// </summary>
public static class Fields
{
    public const string Id = "id";
    public const string Date = "date";
    public const string Text = "text";
    public const string Person = "person";
    public const string Segment = "segment";
    public const string Region = "region";
    public const string Team = "team";
    public const string Channel = "channel";
    public const string Interaction = "interaction";

    /// <summary>
    /// The most characters a value of <paramref name="field"/> may have, for the fields that are keys or categories and
    /// so are indexed (ids, persons, segments, channels, teams); null for the others. PostgreSQL indexes no entry of more
    /// than some 2,700 bytes: one random 9,000-character id failed a whole import there ("index row requires 9024
    /// bytes"), while SQLite kept it. At these lengths a key of source, segment and channel stays within it even in
    /// four-byte characters.
    /// </summary>
    public static int? LongestOf(string field) => field switch
    {
        Id => 500,
        Person or Segment or Channel or Team => 200,
        _ => null,
    };

    private static readonly string[] s_ids = ["id", "external_id", "response_id", "responseid", "feedback_id", "ticket_id", "review_id", "record_id", "message_id", "event_id", "tweet_id"];
    private static readonly string[] s_dates = ["date", "created_at", "created", "timestamp", "time", "submitted_at", "submitted", "recorded_date", "recordeddate", "end_date", "enddate", "response_date", "datetime", "at", "sent_at", "published_at", "posted_at"];
    private static readonly string[] s_texts = ["text", "comment", "comments", "feedback", "verbatim", "body", "message", "review", "review_text", "content", "description", "response", "answer", "open_text", "tweet", "why", "reason_for_score", "subject"];
    private static readonly string[] s_persons = ["person", "person_id", "customer_id", "customer", "user_id", "client_id", "requester_id", "contact_id", "author_id", "member_id", "employee_id"];
    private static readonly string[] s_segments = ["segment", "customer_segment", "tier", "plan", "customer_type", "organization", "organisation", "brand", "product"];
    private static readonly string[] s_regions = ["region", "country", "market", "location", "site", "store"];
    private static readonly string[] s_teams = ["team", "group", "department", "queue", "unit"];
    // A flattened JSON property ("via.channel") comes before the object that holds it ("via"): the first alias to match wins.
    private static readonly string[] s_channels = ["channel", "via.channel", "via", "medium", "source_channel", "contact_channel"];
    private static readonly string[] s_interactions = ["interaction", "interaction_id", "conversation_id", "thread_id", "case_id", "call_id", "ticket"];

    /// <summary>Column names that hold when something was said, in the order they are tried.</summary>
    public static IReadOnlyList<string> DateAliases => s_dates;

    private static Field F(string name, FieldType type, string description, string[] aliases, bool required = false, string? scoreKind = null) =>
        new(name, type, description, aliases, required, scoreKind);

    private static IReadOnlyList<Field> Scores(bool employee) => employee
        ?
        [
            F("enps", FieldType.Score, "employee Net Promoter answer, 0–10", ["enps", "score", "recommend_as_employer", "likelihood_to_recommend", "rating"], scoreKind: "enps"),
        ]
        :
        [
            F("nps", FieldType.Score, "Net Promoter answer, 0–10", ["nps", "nps_score", "likelihood_to_recommend", "ltr", "recommend", "how_likely_are_you_to_recommend_us", "q_nps", "score"], scoreKind: "nps"),
            F("csat", FieldType.Score, "satisfaction, 1–5 (Zendesk's good/bad as 5/1)", ["csat", "csat_score", "satisfaction", "satisfaction_score", "satisfaction_rating.score", "satisfaction_rating"], scoreKind: "csat"),
            F("ces", FieldType.Score, "customer effort, 1–7", ["ces", "ces_score", "effort", "effort_score", "customer_effort"], scoreKind: "ces"),
            F("rating", FieldType.Score, "a star rating, 1–5", ["rating", "stars", "star_rating", "review_rating"], scoreKind: "rating"),
        ];

    public static IReadOnlyList<Field> For(RecordKind kind) => kind switch
    {
        RecordKind.Feedback => s_feedback,
        RecordKind.Pulse => s_pulse,
        RecordKind.Interactions => s_interactionFields,
        RecordKind.Journey => s_journey,
        RecordKind.Comms => s_comms,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static readonly IReadOnlyList<Field> s_feedback =
    [
        F(Id, FieldType.Text, "the source's id for the row (else a hash of its content is the key)", s_ids),
        F(Date, FieldType.Time, "when it was said", s_dates, required: true),
        F(Text, FieldType.Text, "what was said", s_texts),
        .. Scores(employee: false),
        F(Person, FieldType.Text, "pseudonymous key of the customer", s_persons),
        F(Segment, FieldType.Text, "customer segment", s_segments),
        F(Region, FieldType.Text, "region or site", s_regions),
        F(Channel, FieldType.Text, "where it was said (survey, email, chat, …)", s_channels),
        F(Team, FieldType.Text, "team that served the customer", s_teams),
        F(Interaction, FieldType.Text, "the interaction (ticket, call, thread) it is about", s_interactions),
    ];

    private static readonly IReadOnlyList<Field> s_pulse =
    [
        F(Id, FieldType.Text, "the source's id for the answer", s_ids),
        F(Date, FieldType.Time, "when it was answered", s_dates, required: true),
        F(Text, FieldType.Text, "the employee's comment", s_texts),
        .. Scores(employee: true),
        F(Person, FieldType.Text, "pseudonymous key of the employee", s_persons),
        F(Team, FieldType.Text, "the employee's team", s_teams),
        F(Segment, FieldType.Text, "role or grade", ["segment", "role", "grade", "level", "job_family"]),
        F(Region, FieldType.Text, "region or site", s_regions),
    ];

    private static readonly IReadOnlyList<Field> s_interactionFields =
    [
        F(Id, FieldType.Text, "the source's id for the interaction", [.. s_ids, "conversation_id", "call_id", "case_id", "ticket", "ticket_number", "case_number"]),
        F("started_at", FieldType.Time, "when it started", ["started_at", "start", "start_time", "opened_at", "opened", .. s_dates], required: true),
        F("first_response_at", FieldType.Time, "first answer from the organisation", ["first_response_at", "first_reply_at", "answered_at", "first_response_time_at"]),
        F("ended_at", FieldType.Time, "when it ended or was resolved", ["ended_at", "end", "end_time", "closed_at", "solved_at", "resolved_at", "completed_at"]),
        F("first_response_seconds", FieldType.Seconds, "seconds to the first answer", ["first_response_seconds", "first_reply_seconds", "first_response_time", "time_to_first_response", "frt"]),
        F("first_response_minutes", FieldType.Minutes, "minutes to the first answer", ["first_reply_time_in_minutes", "first_response_minutes", "first_response_time_in_minutes"]),
        F("resolution_seconds", FieldType.Seconds, "seconds to resolution", ["resolution_seconds", "resolution_time", "time_to_resolution", "handle_time"]),
        F("resolution_minutes", FieldType.Minutes, "minutes to resolution", ["full_resolution_time_in_minutes", "first_resolution_time_in_minutes", "resolution_minutes", "resolution_time_in_minutes"]),
        F("wait_seconds", FieldType.Seconds, "seconds waiting in a queue", ["wait_seconds", "wait_time", "queue_time", "queue_seconds", "waiting_time"]),
        F("wait_minutes", FieldType.Minutes, "minutes waiting", ["requester_wait_time_in_minutes", "wait_minutes"]),
        F("hold_seconds", FieldType.Seconds, "seconds on hold", ["hold_seconds", "hold_time", "on_hold_seconds"]),
        F("hold_minutes", FieldType.Minutes, "minutes on hold", ["on_hold_time_in_minutes", "hold_minutes"]),
        F("transfers", FieldType.Count, "times passed to another person or team", ["transfers", "transfer_count", "transferred", "group_stations", "handoffs"]),
        F("menu_steps", FieldType.Count, "automated-menu (IVR, bot) steps", ["menu_steps", "ivr_steps", "ivr_menu_steps", "bot_steps"]),
        F("messages", FieldType.Count, "messages exchanged", ["messages", "replies", "message_count", "turns"]),
        F(Person, FieldType.Text, "pseudonymous key of the customer", s_persons),
        F(Channel, FieldType.Text, "phone, chat, email, …", s_channels),
        F("agent", FieldType.Text, "who handled it", ["agent", "assignee", "agent_id", "assignee_id", "handled_by", "owner"]),
        F(Team, FieldType.Text, "team that handled it", s_teams),
        F("outcome", FieldType.Text, "resolved, abandoned, …", ["outcome", "status", "disposition", "resolution"]),
        F("reason", FieldType.Text, "why the customer came", ["reason", "contact_reason", "topic", "category", "type", "ticket_type", "subject", "intent"]),
        F(Segment, FieldType.Text, "customer segment", s_segments),
    ];

    private static readonly IReadOnlyList<Field> s_journey =
    [
        F(Id, FieldType.Text, "the source's id for the event", s_ids),
        F(Person, FieldType.Text, "pseudonymous key of the customer", s_persons, required: true),
        F("action", FieldType.Text, "what happened: visit, purchase, renewal, churn, …", ["action", "event", "event_type", "activity", "type", "name"], required: true),
        F("at", FieldType.Time, "when", ["at", .. s_dates, "occurred_at", "event_time"], required: true),
        F("stage", FieldType.Text, "journey stage", ["stage", "journey_stage", "step", "phase"]),
        F(Channel, FieldType.Text, "where", s_channels),
        F(Segment, FieldType.Text, "customer segment", s_segments),
        F("value", FieldType.Number, "an amount (order value, …)", ["value", "amount", "revenue", "order_value", "price"]),
    ];

    private static readonly IReadOnlyList<Field> s_comms =
    [
        F(Id, FieldType.Text, "the source's id for the message", [.. s_ids, "post_id"]),
        F(Date, FieldType.Time, "when it was published or sent", s_dates, required: true),
        F(Text, FieldType.Text, "what the organisation said", [.. s_texts, "post", "post_text", "caption"], required: true),
        F("author", FieldType.Text, "who wrote it", ["author", "from", "sender", "account", "author_id", "page", "name"]),
        F("audience", FieldType.Text, "internal or external", ["audience", "visibility"]),
        F(Channel, FieldType.Text, "post, memo, email, reply", [.. s_channels, "platform", "network"]),
        F("in_reply_to", FieldType.Text, "id of the customer message answered", ["in_reply_to", "in_response_to", "in_response_to_tweet_id", "reply_to", "parent_id"]),
        F(Interaction, FieldType.Text, "the interaction (ticket, thread) it belongs to", s_interactions),
    ];
}
