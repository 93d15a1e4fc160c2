using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Evident.Core.Input;

internal static class Utf8Validation
{
    /// <summary>Finds the first byte that is not valid UTF-8 and the 1-based character column it would occupy.</summary>
    public static bool TryFindInvalidByte(ReadOnlySpan<byte> bytes, out int column, out byte invalid)
    {
        column = 0;
        invalid = 0;
        if (Utf8.IsValid(bytes))
        {
            return false;
        }

        int chars = 0;
        int offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out var rune, out int consumed) == OperationStatus.Done)
        {
            chars += rune.Utf16SequenceLength;
            offset += consumed;
        }

        column = chars + 1;
        invalid = bytes[offset];
        return true;
    }
}
