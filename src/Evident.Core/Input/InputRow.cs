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
/// <param name="Item">For an element of a JSON array, its 1-based place in the array (an array written on one line
/// has every row on line 1); 0 otherwise.</param>
public readonly record struct InputRow(
    long Index,
    long Line,
    IReadOnlyList<string?> Fields,
    string? BareText = null,
    InputError? Error = null,
    long Item = 0)
{
    public static InputRow Failed(long index, long line, InputError error, long item = 0) => new(index, line, [], null, error, item);

    /// <summary>Where the row is: its item in a JSON array, else its line.</summary>
    public long Position => Item > 0 ? Item : Line;

    /// <summary>Where the row is, for messages: "item N" of a JSON array, else "line N".</summary>
    public string Place => PlaceOf(Position);

    /// <summary>A <see cref="Position"/> of the same input (an earlier row's) as a message names it.</summary>
    public string PlaceOf(long position) => $"{(Item > 0 ? "item" : "line")} {position}";
}
