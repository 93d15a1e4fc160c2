namespace Evident.Core.Records;

/// <summary>Fields every imported record has: where it came from and its key there.</summary>
public abstract class ImportedRecord
{
    /// <summary>The import's source name (e.g. "survey", "zendesk"); with <see cref="ExternalId"/>, the natural key.</summary>
    public required string Source { get; init; }

    /// <summary>The source's id, or <c>sha256:…</c> of the row's content when it has none.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The line of the input file the record starts on, for messages.</summary>
    public long Line { get; init; }

    /// <summary>Unmapped columns as a JSON object, or null.</summary>
    public string? Attributes { get; init; }

    /// <summary>The hash of its values (<see cref="RecordValues.HashOf"/>), set by the import as it reads the record and
    /// stored with it.</summary>
    public long? ValuesHash { get; set; }
}

/// <summary>Something a customer (or, in a pulse, an employee) said.</summary>
public sealed class FeedbackRecord : ImportedRecord
{
    public const string Customer = "customer";
    public const string Employee = "employee";

    /// <summary><see cref="Customer"/> or <see cref="Employee"/>.</summary>
    public string Subject { get; init; } = Customer;
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Text { get; init; }
    /// <summary>nps, csat, ces, enps or rating; null when unscored.</summary>
    public string? ScoreKind { get; init; }
    public double? Score { get; init; }
    public string? PersonKey { get; init; }
    public string? Segment { get; init; }
    public string? Region { get; init; }
    public string? Team { get; init; }
    public string? Channel { get; init; }
    public string? InteractionKey { get; init; }

    /// <summary>Set by the analysis stage of the import; null until then and for rows without text.</summary>
    public TextSummary? Analysis { get; set; }

    /// <summary>What the store's writer prepared for this record on the analysis threads (PostgreSQL: the row's columns,
    /// search vector included, encoded for its COPY); null otherwise.</summary>
    public object? Prepared { get; set; }
}

/// <summary>Something a customer did with the organisation: a call, a chat, a ticket, a thread.</summary>
public sealed class InteractionRecord : ImportedRecord
{
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FirstResponseAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public double? FirstResponseSeconds { get; init; }
    public double? ResolutionSeconds { get; init; }
    public double? WaitSeconds { get; init; }
    public double? HoldSeconds { get; init; }
    public int? Transfers { get; init; }
    public int? MenuSteps { get; init; }
    public int? Messages { get; init; }
    public string? PersonKey { get; init; }
    public string? Channel { get; init; }
    public string? Agent { get; init; }
    public string? Team { get; init; }
    public string? Outcome { get; init; }
    public string? Reason { get; init; }
    public string? Segment { get; init; }
}

/// <summary>A step of a customer's journey: a visit, a purchase, a renewal, a cancellation.</summary>
public sealed class JourneyRecord : ImportedRecord
{
    public required string PersonKey { get; init; }
    public required string Action { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? Stage { get; init; }
    public string? Channel { get; init; }
    public string? Segment { get; init; }
    public double? Value { get; init; }
}

/// <summary>Something the organisation said: a post, a memo, an email, a reply to a customer.</summary>
public sealed class CommunicationRecord : ImportedRecord
{
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Text { get; init; }
    public string? Author { get; init; }
    /// <summary>internal or external.</summary>
    public string? Audience { get; init; }
    /// <summary>post, memo, email, reply.</summary>
    public string? Channel { get; init; }
    public string? InReplyTo { get; init; }
    public string? InteractionKey { get; init; }

    /// <summary>Set by the analysis stage of the import.</summary>
    public TextSummary? Analysis { get; set; }
}
