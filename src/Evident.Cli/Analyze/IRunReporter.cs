using Evident.Core.Input;
using Spectre.Console;

namespace Evident.Cli.Analyze;

/// <summary>Where a run tells the user what is happening: always standard error, never the JSON stream.</summary>
internal interface IRunReporter
{
    void RowFailed(InputError error);

    void Advanced(long rowsWritten, long bytesRead);
}

/// <summary>Plain lines on standard error, for pipes, logs and tests.</summary>
internal sealed class PlainReporter(TextWriter errors, string inputName) : IRunReporter
{
    public void RowFailed(InputError error) => errors.WriteLine(error.Format(inputName));

    public void Advanced(long rowsWritten, long bytesRead)
    {
    }
}

/// <summary>A live progress bar of bytes read; error lines are printed above it through the same console.</summary>
internal sealed class ProgressBarReporter(IAnsiConsole console, ProgressTask task, string inputName) : IRunReporter
{
    public void RowFailed(InputError error) => console.WriteLine(error.Format(inputName));

    public void Advanced(long rowsWritten, long bytesRead)
    {
        task.Description = $"{rowsWritten:N0} rows";
        if (!task.IsIndeterminate)
        {
            task.Value = bytesRead;
        }
    }
}
