using Evident.Core.Input;

namespace Evident.Cli.Audit;

/// <summary>How <c>evident audit</c> prints its report.</summary>
public enum AuditFormat
{
    Table,
    Json,
    Html,
}

/// <param name="Input">A file path, or <c>-</c> for standard input.</param>
/// <param name="TextColumn">A column name or 1-based number; <c>null</c> to look for a usual text column name.</param>
/// <param name="DateColumn">A column name or 1-based number; <c>null</c> to look for a usual date column name.</param>
/// <param name="Last">Audit only the last this many posts; <c>null</c> audits them all.</param>
/// <param name="Output">A file path; <c>null</c> or <c>-</c> for standard output.</param>
/// <param name="Examples">The most example sentences per signal.</param>
public sealed record AuditSettings(
    string Input,
    string? TextColumn,
    string? DateColumn,
    int? Last,
    AuditFormat Format,
    InputFormat InputFormat,
    string? Output,
    int Examples)
{
    public bool WritesToStandardOutput => Output is null or "-";
}
