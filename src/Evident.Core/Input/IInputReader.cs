namespace Evident.Core.Input;

/// <summary>
/// Streams the rows of one input, in order, holding only the current row in memory.
/// A malformed row comes back as an <see cref="InputRow"/> with an <see cref="InputRow.Error"/>, and reading goes on.
/// </summary>
public interface IInputReader : IDisposable
{
    InputFormat Format { get; }

    /// <summary>Column names: the header of a delimited file, the properties seen in the first lines of
    /// JSON Lines, or the single column <c>text</c> for plain lines.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Bytes consumed so far, for progress.</summary>
    long BytesRead { get; }

    /// <summary>Size of the input in bytes, or <c>null</c> when unknown (a pipe).</summary>
    long? TotalBytes { get; }

    bool TryRead(out InputRow row);
}
