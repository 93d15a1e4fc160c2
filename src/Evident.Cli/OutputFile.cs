namespace Evident.Cli;

/// <summary>
/// A file named by <c>--out</c>, checked before any work starts (a run of minutes should not end in "the folder does
/// not exist"), then written beside itself and moved into place by its verb.
/// </summary>
internal static class OutputFile
{
    /// <summary>Why <paramref name="output"/> cannot be written, in words; null when it can be tried.</summary>
    /// <param name="example">A file name to suggest when <paramref name="output"/> is a folder.</param>
    public static string? Problem(string output, string example)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return "--out needs a file name";
        }

        if (Directory.Exists(output))
        {
            return $"--out {output}: is a folder; name the file to write in it, such as {Path.Combine(output, example)}";
        }

        string file = Path.GetFullPath(output);
        return Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder)
            ? $"--out {output}: the folder {folder} does not exist"
            : null;
    }

    /// <summary>Deletes a half-written temporary file after a failure, without an error of its own over the run's.</summary>
    public static void Discard(string? temporary)
    {
        try
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // the run's own error is the one to report
        }
    }
}
