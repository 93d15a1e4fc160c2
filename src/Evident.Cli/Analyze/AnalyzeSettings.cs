using Evident.Core.Input;

namespace Evident.Cli.Analyze;

/// <param name="Input">A file path, or <c>-</c> for standard input.</param>
/// <param name="TextColumn">A column name or 1-based number; <c>null</c> to look for a usual text column name.</param>
/// <param name="Output">A file path; <c>null</c> or <c>-</c> for standard output.</param>
public sealed record AnalyzeSettings(string Input, string? TextColumn, InputFormat Format, string? Output)
{
    public bool WritesToStandardOutput => Output is null or "-";
}
