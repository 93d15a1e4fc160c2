using Evident.Core.Ingest;

namespace Evident.Core.Demo;

/// <summary>
/// Northfield Health, a made-up clinic group, and a year of its data (see docs/demo.md): what patients and
/// employees said, what patients did, and what the organisation said. On <see cref="DemoTimeline.PhoneMenuLive"/>
/// a new automated phone menu goes live, and the data tells what followed.
/// </summary>
public static class DemoOrganisation
{
    public const string Name = Northfield.Name;

    /// <summary>Writes the demo's CSV files into <paramref name="folder"/> (created if missing, files overwritten) in the
    /// order they are best imported, and returns them.</summary>
    public static IReadOnlyList<DemoFile> WriteFiles(string folder, DemoOptions options)
    {
        if (options.Problem() is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(options), problem);
        }

        var records = new DemoRecords();
        new PatientSimulation(records, options.Seed, options.Scale).Run();
        new StaffPulse(records, options.Seed, options.Scale).Run();
        new Leadership(records, options.Seed, options.Scale).Run();
        records.Number();

        Directory.CreateDirectory(folder);
        return
        [
            Write(Path.Combine(folder, "interactions.csv"), RecordKind.Interactions, "contacts", records.Interactions),
            Write(Path.Combine(folder, "journey.csv"), RecordKind.Journey, "journey", records.Journey),
            Write(Path.Combine(folder, "feedback-survey.csv"), RecordKind.Feedback, "survey", records.Survey, "nps"),
            Write(Path.Combine(folder, "feedback-csat.csv"), RecordKind.Feedback, "csat", records.Csat, "csat"),
            Write(Path.Combine(folder, "feedback-reviews.csv"), RecordKind.Feedback, "reviews", records.Reviews, "rating"),
            Write(Path.Combine(folder, "feedback-social.csv"), RecordKind.Feedback, "social", records.Social, null),
            Write(Path.Combine(folder, "comms.csv"), RecordKind.Comms, "comms", records.Comms),
            Write(Path.Combine(folder, "pulse.csv"), RecordKind.Pulse, "pulse", records.Pulse),
        ];
    }

    private static DemoFile Write(string path, RecordKind kind, string source, List<FeedbackRow> rows, string? score)
    {
        string[] columns = score is null
            ? ["id", "date", "person", "segment", "region", "channel", "team", "text", "interaction"]
            : ["id", "date", "person", "segment", "region", "channel", "team", score, "text", "interaction"];
        using var csv = new DemoCsv(path, columns);
        foreach (var row in rows)
        {
            csv.Field(row.Id).Field(row.At).Field(row.Person).Field(row.Segment).Field(row.Region).Field(row.Channel).Field(row.Team);
            if (score is not null)
            {
                csv.Field(row.Score);
            }

            csv.Field(row.Text).Field(row.Interaction?.Id).EndRow();
        }

        return new DemoFile(path, kind, source, csv.Rows);
    }

    private static DemoFile Write(string path, RecordKind kind, string source, List<InteractionRow> rows)
    {
        using var csv = new DemoCsv(path, "id", "person", "channel", "started_at", "first_response_at", "ended_at", "wait_seconds",
            "hold_seconds", "transfers", "menu_steps", "agent", "team", "outcome", "reason", "segment");
        foreach (var row in rows)
        {
            csv.Field(row.Id).Field(row.Person).Field(row.Channel).Field(row.At).Field(row.FirstResponse).Field(row.Ended)
                .Field(row.WaitSeconds).Field(row.HoldSeconds).Field(row.Transfers).Field(row.MenuSteps).Field(row.Agent).Field(row.Team)
                .Field(row.Outcome).Field(row.Reason).Field(row.Segment).EndRow();
        }

        return new DemoFile(path, kind, source, csv.Rows);
    }

    private static DemoFile Write(string path, RecordKind kind, string source, List<JourneyRow> rows)
    {
        using var csv = new DemoCsv(path, "id", "person", "action", "at", "stage", "channel", "segment", "value");
        foreach (var row in rows)
        {
            csv.Field(row.Id).Field(row.Person).Field(row.Action).Field(row.At).Field(row.Stage).Field(row.Channel).Field(row.Segment)
                .Field(row.Value).EndRow();
        }

        return new DemoFile(path, kind, source, csv.Rows);
    }

    private static DemoFile Write(string path, RecordKind kind, string source, List<CommsRow> rows)
    {
        using var csv = new DemoCsv(path, "id", "date", "author", "audience", "channel", "text", "in_reply_to");
        foreach (var row in rows)
        {
            csv.Field(row.Id).Field(row.At).Field(row.Author).Field(row.Audience).Field(row.Channel).Field(row.Text).Field(row.InReplyTo?.Id).EndRow();
        }

        return new DemoFile(path, kind, source, csv.Rows);
    }

    private static DemoFile Write(string path, RecordKind kind, string source, List<PulseRow> rows)
    {
        using var csv = new DemoCsv(path, "id", "date", "person", "team", "segment", "enps", "text");
        foreach (var row in rows)
        {
            csv.Field(row.Id).Field(row.At).Field(row.Person).Field(row.Team).Field(row.Role).Field(row.Enps).Field(row.Text).EndRow();
        }

        return new DemoFile(path, kind, source, csv.Rows);
    }
}
