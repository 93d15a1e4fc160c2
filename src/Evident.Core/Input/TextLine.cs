namespace Evident.Core.Input;

/// <summary>One physical line, decoded, without its line terminator.</summary>
/// <param name="Number">1-based line number in the input.</param>
/// <param name="Text">The decoded text; invalid UTF-8 is replaced by U+FFFD so that parsing can go on.</param>
/// <param name="Error">Set when the line's bytes are not valid UTF-8 or the line is too long to read.</param>
public readonly record struct TextLine(long Number, string Text, InputError? Error = null)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && Error is null;
}
