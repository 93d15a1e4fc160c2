namespace Evident.Core.Ingest;

/// <summary>A row that was not imported: its line, the column at fault (a name, or a character position for a
/// row that could not be parsed at all) and why.</summary>
public sealed record RowReject(long Line, string? Column, string Reason)
{
    public string Format(string inputName) =>
        Column is null ? $"{inputName}:{Line}: {Reason}" : $"{inputName}:{Line}: column {Column}: {Reason}";
}
