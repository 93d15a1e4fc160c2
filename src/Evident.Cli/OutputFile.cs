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

    /// <summary>
    /// Writes <paramref name="output"/> whole or not at all: beside itself (<c>FILE.tmp</c>), then moved into place, so a
    /// run that stops leaves no half-written file and an earlier one as it was. A failure names --out and leaves no .tmp.
    /// </summary>
    public static void WriteWhole(string output, Action<TextWriter> write)
    {
        string temporary = output + ".tmp";
        try
        {
            using (var file = new StreamWriter(temporary, append: false))
            {
                write(file);
            }

            File.Move(temporary, output, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Discard(temporary);
            throw new IOException($"--out {output}: cannot write it there: {exception.Message}", exception);
        }
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
