namespace Evident.Core.Ingest;

/// <summary>A row that was not imported: its line (0 for a record made of several rows, as a TWCS thread's
/// interaction), the column at fault (a name, or a character position for a row that could not be parsed at all) and
/// why.</summary>
public sealed record RowReject(long Line, string? Column, string Reason)
{
    /// <summary>The row's 1-based place in a JSON array (<see cref="Input.InputRow.Item"/>), or 0.</summary>
    public long Item { get; init; }

    /// <summary>The row is well formed, and its key is stored already with other values (a later export of a row that
    /// changed since); the others are rows that could not be read as they are.</summary>
    public bool StoredWithOtherValues { get; init; }

    /// <summary>The reject without its line: "item 2: column date: expected …".</summary>
    public string Description => $"{(Item > 0 ? $"item {Item}: " : "")}{(Column is null ? "" : $"column {Column}: ")}{Reason}";

    public string Format(string inputName) => Line > 0 ? $"{inputName}:{Line}: {Description}" : $"{inputName}: {Description}";

    /// <summary>The line as the rejects file and the pages show it: empty for a record of no one line.</summary>
    public string LineText => Line > 0 ? Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
}
