using System.Text.Json;

namespace Evident.Core.Input;

/// <summary>System.Text.Json's errors in the words of the input, for files and request bodies alike.</summary>
public static class JsonErrors
{
    /// <summary>
    /// The parser's message without its "LineNumber: … BytePositionInLine: …" tail (the reader gives line and column
    /// itself), and in the words of the file rather than of the parser's options where System.Text.Json speaks to the
    /// programmer ("… not supported in this mode. Change the reader options.", "… when isFinalBlock is true").
    /// </summary>
    public static string Describe(JsonException exception)
    {
        string message = exception.Message;
        int location = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = location >= 0 ? message[..location] : message;
        if (message.StartsWith("The JSON object contains a trailing comma", StringComparison.Ordinal))
        {
            return "a comma before the closing '}': JSON allows none after an object's last property";
        }
        if (message.StartsWith("The JSON array contains a trailing comma", StringComparison.Ordinal))
        {
            return "a comma before the closing ']': JSON allows none after an array's last element";
        }
        if (message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "no JSON value where one was expected";
        }
        return message.Replace(" Change the reader options.", "", StringComparison.Ordinal);
    }
}
