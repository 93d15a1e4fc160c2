using Evident.Core.Records;

namespace Evident.Store.Ingest;

/// <summary>
/// The columns each record kind is written to, in one order shared by the SQLite inserts and the PostgreSQL COPY,
/// and the values of a record in that order. Times are passed as <see cref="DateTimeOffset"/>; each writer converts
/// them to its dialect.
/// </summary>
internal static class RecordColumns
{
    public static readonly string[] Feedback =
    [
        "source", "external_id", "subject", "person_key", "created_at", "day", "channel", "segment", "region", "team",
        "score_kind", "score", "text", "interaction_key", "attributes", "sentiment", "sentiment_pos", "sentiment_neu",
        "sentiment_neg", "sentiment_label", "effort", "emotions", "signals", "friction", "wait_minutes", "analysis_version",
        "values_hash",
    ];

    public static readonly string[] Interaction =
    [
        "source", "external_id", "person_key", "channel", "started_at", "day", "first_response_at", "ended_at",
        "first_response_seconds", "resolution_seconds", "wait_seconds", "hold_seconds", "transfers", "menu_steps",
        "messages", "agent", "team", "outcome", "reason", "segment", "attributes", "values_hash",
    ];

    public static readonly string[] Journey =
    [
        "source", "external_id", "person_key", "stage", "action", "at", "day", "channel", "segment", "value", "attributes",
        "values_hash",
    ];

    public static readonly string[] Communication =
    [
        "source", "external_id", "author", "audience", "channel", "created_at", "day", "text", "in_reply_to",
        "interaction_key", "attributes", "sentiment", "signals", "we_count", "you_count", "words", "readability",
        "analysis_version", "values_hash",
    ];

    public static string[] Of(ImportedRecord record) => record switch
    {
        FeedbackRecord => Feedback,
        InteractionRecord => Interaction,
        JourneyRecord => Journey,
        _ => Communication,
    };

    /// <summary>Fills <paramref name="values"/> (sized for the record's columns) in column order.</summary>
    public static void Values(ImportedRecord record, object?[] values)
    {
        switch (record)
        {
            case FeedbackRecord f:
                var boxing = new BoxingWriter(values);
                Write(f, ref boxing);
                break;
            case InteractionRecord i:
                Fill(values, i.Source, i.ExternalId, i.PersonKey, i.Channel, i.StartedAt, DateOnly.FromDateTime(i.StartedAt.UtcDateTime),
                    i.FirstResponseAt, i.EndedAt, i.FirstResponseSeconds, i.ResolutionSeconds, i.WaitSeconds, i.HoldSeconds,
                    i.Transfers, i.MenuSteps, i.Messages, i.Agent, i.Team, i.Outcome, i.Reason, i.Segment, i.Attributes, i.ValuesHash);
                break;
            case JourneyRecord j:
                Fill(values, j.Source, j.ExternalId, j.PersonKey, j.Stage, j.Action, j.At, DateOnly.FromDateTime(j.At.UtcDateTime),
                    j.Channel, j.Segment, j.Value, j.Attributes, j.ValuesHash);
                break;
            case CommunicationRecord c:
                var s = c.Analysis;
                Fill(values, c.Source, c.ExternalId, c.Author, c.Audience, c.Channel, c.CreatedAt, DateOnly.FromDateTime(c.CreatedAt.UtcDateTime),
                    c.Text, c.InReplyTo, c.InteractionKey, c.Attributes, s?.Sentiment.Compound, s?.Signals,
                    s?.Perspective.We, s?.Perspective.You, s?.Perspective.Words, s?.Readability, TextSummary.AnalysisVersion, c.ValuesHash);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record));
        }
    }

    /// <summary>
    /// A feedback record's values in <see cref="Feedback"/>'s order, each through the writer's typed method: the SQLite
    /// writer binds them as they come (no array, no boxing, a time formatted straight into UTF-8), the others box them
    /// into an array (<see cref="Values"/>). Feedback is what imports write by the million.
    /// </summary>
    public static void Write<TWriter>(FeedbackRecord f, ref TWriter writer) where TWriter : struct, IColumnWriter
    {
        var a = f.Analysis;
        writer.Text(f.Source);
        writer.Text(f.ExternalId);
        writer.Text(f.Subject);
        writer.Text(f.PersonKey);
        writer.Time(f.CreatedAt);
        writer.Day(DateOnly.FromDateTime(f.CreatedAt.UtcDateTime));
        writer.Text(f.Channel);
        writer.Text(f.Segment);
        writer.Text(f.Region);
        writer.Text(f.Team);
        writer.Text(f.ScoreKind);
        writer.Number(f.Score);
        writer.Text(f.Text);
        writer.Text(f.InteractionKey);
        writer.Text(f.Attributes);
        writer.Number(a?.Sentiment.Compound);
        writer.Number(a?.Sentiment.Positive);
        writer.Number(a?.Sentiment.Neutral);
        writer.Number(a?.Sentiment.Negative);
        writer.Integer(a is null ? null : (int)a.Sentiment.Label);
        writer.Number(a?.Effort);
        writer.Text(a?.Emotions);
        writer.Text(a?.Signals);
        writer.Text(a?.FrictionNames);
        writer.Number(a?.WaitMinutes);
        writer.Integer(TextSummary.AnalysisVersion);
        writer.Long(f.ValuesHash);
    }

    private static void Fill(object?[] values, params object?[] source) => source.CopyTo(values, 0);

    /// <summary>Puts each value, boxed, into the next slot of an array.</summary>
    private struct BoxingWriter(object?[] values) : IColumnWriter
    {
        private int _next;

        public void Text(string? value) => values[_next++] = value;

        public void Number(double? value) => values[_next++] = value;

        public void Integer(int? value) => values[_next++] = value;

        public void Long(long? value) => values[_next++] = value;

        public void Time(DateTimeOffset value) => values[_next++] = value;

        public void Day(DateOnly value) => values[_next++] = value;
    }
}

/// <summary>Receives a record's column values in order, each by its type (<see cref="RecordColumns.Write{TWriter}"/>).</summary>
internal interface IColumnWriter
{
    void Text(string? value);

    void Number(double? value);

    void Integer(int? value);

    void Long(long? value);

    void Time(DateTimeOffset value);

    void Day(DateOnly value);
}
