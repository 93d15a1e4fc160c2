namespace Evident.Core.Demo;

/// <summary>A row of a demo file, kept in memory until every row exists; ids are given in time order at the end.</summary>
internal abstract class DemoRow
{
    public DateTime At { get; init; }

    /// <summary>Creation order: the tie-break between rows at the same second, so that sorting is deterministic.</summary>
    public long Sequence { get; set; }

    public string Id { get; set; } = "";
}

internal sealed class FeedbackRow : DemoRow
{
    public required string Person { get; init; }
    public required string Segment { get; init; }
    public required string Region { get; init; }
    public required string Channel { get; init; }
    public string? Team { get; init; }
    public int? Score { get; init; }
    public string? Text { get; init; }
    public InteractionRow? Interaction { get; init; }
}

internal sealed class InteractionRow : DemoRow
{
    public required string Person { get; init; }
    public required string Channel { get; init; }
    public DateTime? FirstResponse { get; init; }
    public DateTime? Ended { get; init; }
    public int? WaitSeconds { get; init; }
    public int? HoldSeconds { get; init; }
    public int? Transfers { get; init; }
    public int? MenuSteps { get; init; }
    public string? Agent { get; init; }
    public required string Team { get; init; }
    public required string Outcome { get; init; }
    public required string Reason { get; init; }
    public required string Segment { get; init; }
}

internal sealed class JourneyRow : DemoRow
{
    public required string Person { get; init; }
    public required string Action { get; init; }
    public required string Stage { get; init; }
    public required string Channel { get; init; }
    public required string Segment { get; init; }
    public double? Value { get; init; }
}

internal sealed class CommsRow : DemoRow
{
    public required string Author { get; init; }
    public required string Audience { get; init; }
    public required string Channel { get; init; }
    public required string Text { get; init; }
    public FeedbackRow? InReplyTo { get; init; }
}

internal sealed class PulseRow : DemoRow
{
    public required string Person { get; init; }
    public required string Team { get; init; }
    public required string Role { get; init; }
    public required int Enps { get; init; }
    public string? Text { get; init; }
}

/// <summary>Every row of the demo, by file.</summary>
internal sealed class DemoRecords
{
    private long _sequence;

    public List<FeedbackRow> Survey { get; } = [];
    public List<FeedbackRow> Csat { get; } = [];
    public List<FeedbackRow> Reviews { get; } = [];
    public List<FeedbackRow> Social { get; } = [];
    public List<InteractionRow> Interactions { get; } = [];
    public List<JourneyRow> Journey { get; } = [];
    public List<CommsRow> Comms { get; } = [];
    public List<PulseRow> Pulse { get; } = [];

    public T Add<T>(List<T> list, T row)
        where T : DemoRow
    {
        row.Sequence = _sequence++;
        list.Add(row);
        return row;
    }

    /// <summary>Puts every file in time order and numbers its rows: <c>sv-000001</c>, <c>ix-000001</c>, …</summary>
    public void Number()
    {
        Number(Survey, "sv-");
        Number(Csat, "cs-");
        Number(Reviews, "rv-");
        Number(Social, "so-");
        Number(Interactions, "ix-");
        Number(Journey, "jr-");
        Number(Comms, "cm-");
        Number(Pulse, "pl-");
    }

    /// <summary>Contacts that spill past the year's end (a call rung back on the first morning after it, and what
    /// followed from it) are left out: every file covers the same twelve months.</summary>
    private static void Number<T>(List<T> rows, string prefix)
        where T : DemoRow
    {
        rows.RemoveAll(static row => row.At >= Hours.To);
        rows.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Sequence.CompareTo(b.Sequence));
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Id = prefix + (i + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
