using Evident.Core.Input;

namespace Evident.Cli.Phrases;

/// <param name="Input">A file path, or <c>-</c> for standard input.</param>
/// <param name="TextColumn">A column name or 1-based number; <c>null</c> to look for a usual text column name.</param>
/// <param name="Top">The most phrases listed.</param>
/// <param name="MinimumTexts">How many different texts a phrase must occur in to be listed.</param>
/// <param name="Json">JSON instead of a table.</param>
public sealed record PhrasesSettings(string Input, string? TextColumn, InputFormat Format, int Top, int MinimumTexts, bool Json);
