using Evident.Core.Input;

namespace Evident.Cli.Bench;

/// <param name="Input">A file path, or <c>-</c> for standard input.</param>
/// <param name="TextColumn">A column name or 1-based number; <c>null</c> to look for a usual text column name.</param>
/// <param name="Duration">How long each measurement runs.</param>
/// <param name="Limit">The most texts read into memory.</param>
/// <param name="Json">JSON instead of a table.</param>
/// <param name="Rounds">How many times each measurement is repeated (alternating the order); the median is reported.</param>
/// <param name="Compare">Another build of the engine (an Evident.Text.dll or its folder) to compare this one with; <c>null</c> to measure this one alone.</param>
public sealed record BenchTextSettings(string Input, string? TextColumn, InputFormat Format, TimeSpan Duration, int Limit, bool Json, int Rounds = 1, string? Compare = null);
