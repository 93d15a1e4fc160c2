namespace Evident.Core.Input;

/// <summary>
/// What is wrong with one input row, and where: a 1-based physical line of the file and, when known,
/// a 1-based character column in that line.
/// </summary>
public sealed record InputError(long Line, int? Column, string Message)
{
    /// <summary>The compiler-style form <c>INPUT:LINE:COLUMN: message</c> that editors can jump to.</summary>
    public string Format(string inputName) =>
        Column is int column ? $"{inputName}:{Line}:{column}: {Message}" : $"{inputName}:{Line}: {Message}";
}
