namespace Evident.Core.Input;

/// <summary>One data row of an input, in file order.</summary>
/// <param name="Index">0-based data row number; header and blank lines are not counted.</param>
/// <param name="Line">1-based physical line where the row starts.</param>
/// <param name="Fields">
/// The row's values by column (see <see cref="IInputReader.Columns"/>). A delimited row may have fewer or more fields
/// than there are columns; a JSON Lines row has one entry per column, <c>null</c> where the property is absent.
/// Empty when <see cref="Error"/> is set.
/// </param>
/// <param name="BareText">For a JSON Lines line that is a bare JSON string: that string, with no fields.</param>
/// <param name="Error">Why the row could not be read; the reader has moved on to the next row.</param>
public readonly record struct InputRow(
    long Index,
    long Line,
    IReadOnlyList<string?> Fields,
    string? BareText = null,
    InputError? Error = null)
{
    public static InputRow Failed(long index, long line, InputError error) => new(index, line, [], null, error);
}
