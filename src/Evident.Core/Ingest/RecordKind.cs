namespace Evident.Core.Ingest;

/// <summary>What the rows of an import file are.</summary>
public enum RecordKind
{
    /// <summary>Something a customer said: a survey answer, a comment, a ticket, a review.</summary>
    Feedback,
    /// <summary>Something a customer did with the organisation: a call, a chat, a ticket's life.</summary>
    Interactions,
    /// <summary>A step of a customer's journey: a visit, a purchase, a cancellation.</summary>
    Journey,
    /// <summary>Something the organisation said: a post, a memo, a reply.</summary>
    Comms,
    /// <summary>An employee pulse answer (eNPS and a comment).</summary>
    Pulse,
}

public static class RecordKinds
{
    public static IReadOnlyList<string> Names { get; } = ["feedback", "interactions", "journey", "comms", "pulse"];

    public static string Name(this RecordKind kind) => Names[(int)kind];

    public static bool TryParse(string name, out RecordKind kind)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                kind = (RecordKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
