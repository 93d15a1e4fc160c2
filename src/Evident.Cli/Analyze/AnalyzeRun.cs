using System.Diagnostics;
using Evident.Core.Input;
using Evident.Text;
using Spectre.Console;

namespace Evident.Cli.Analyze;

/// <summary>One run of <c>evident analyze</c>: open the input, find the text column, stream the rows, summarise.</summary>
/// <param name="stdout">Where the JSON goes when no output file is given.</param>
/// <param name="stderr">Where messages, errors and the summary go.</param>
internal sealed class AnalyzeRun(AnalyzeSettings settings, TextWriter stdout, TextWriter stderr, Func<string, TextAnalysis> analyse)
{
    private readonly string _inputName = InputFile.DisplayName(settings.Input);

    public async Task<int> ExecuteAsync(CancellationToken cancellation)
    {
        if (!InputFile.TryOpen(settings.Input, settings.Format, out var reader, out string? problem))
        {
            return Fail(problem);
        }

        using (reader)
        {
            if (!TextColumn.TryResolve(reader.Columns, settings.TextColumn, out int column, out problem))
            {
                return Fail($"{_inputName} (read as {reader.Format.DisplayName()}): {problem}");
            }

            if (InputFile.IsSameFile(settings.Input, settings.Output))
            {
                return Fail($"{settings.Output}: is the input file; choose another --out");
            }

            if (!settings.WritesToStandardOutput && OutputFile.Problem(settings.Output!, "analysis.jsonl") is { } outputProblem)
            {
                return Fail(outputProblem);
            }

            // Loads the engine's lexicons once, up front: a broken engine fails here, not once per row.
            analyse("");
            var analyzer = new RowAnalyzer(analyse, column, reader.Columns[column]);
            return await AnalyseAsync(new AnalysisPipeline(reader, analyzer), reader.TotalBytes, cancellation);
        }
    }

    private async Task<int> AnalyseAsync(AnalysisPipeline pipeline, long? totalBytes, CancellationToken cancellation)
    {
        var stopwatch = Stopwatch.StartNew();
        // An output file is written beside itself and moved into place at the end, so a run that stops (Ctrl+C, a full
        // disk) leaves no half-written file, and an existing one as it was.
        string? temporary = settings.WritesToStandardOutput ? null : settings.Output + ".tmp";
        try
        {
            AnalysisTotals totals;
            // Opened only now, so that a run that cannot start leaves an existing output file alone.
            await using (var output = OpenOutput(temporary))
            {
                totals = ShowsProgressBar()
                    ? await RunWithProgressBarAsync(pipeline, output, totalBytes, cancellation)
                    : await pipeline.RunAsync(output, new PlainReporter(stderr, _inputName), cancellation);
                await output.FlushAsync(cancellation);
            }

            if (temporary is not null)
            {
                File.Move(temporary, settings.Output!, overwrite: true);
            }

            stderr.WriteLine($"analysed {totals.Rows} {(totals.Rows == 1 ? "row" : "rows")} ({totals.Errors} {(totals.Errors == 1 ? "error" : "errors")}) in {stopwatch.Elapsed.TotalSeconds:0.0} s");
            return totals.Errors > 0 ? ExitCodes.RowsFailed : ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            OutputFile.Discard(temporary);
            stderr.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (DirectoryNotFoundException)
        {
            OutputFile.Discard(temporary);
            return Fail($"--out {settings.Output}: the folder {Path.GetDirectoryName(Path.GetFullPath(settings.Output!))} does not exist");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            OutputFile.Discard(temporary);
            return Fail($"{exception.Message}");
        }
    }

    private Stream OpenOutput(string? temporary)
    {
        if (temporary is not null)
        {
            return new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        }

        // Bytes straight to the process's standard output, unless the caller gave a writer of its own (tests do).
        return ReferenceEquals(stdout, Console.Out)
            ? new BufferedStream(Console.OpenStandardOutput(), 1 << 16)
            : new TextWriterStream(stdout);
    }

    /// <summary>A bar only for a person watching: stderr is a terminal and the JSON is not being printed on it too.</summary>
    private bool ShowsProgressBar() =>
        ReferenceEquals(stderr, Console.Error)
        && !Console.IsErrorRedirected
        && (!settings.WritesToStandardOutput || Console.IsOutputRedirected);

    private Task<AnalysisTotals> RunWithProgressBarAsync(
        AnalysisPipeline pipeline, Stream output, long? totalBytes, CancellationToken cancellation)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: Math.Max(1, totalBytes ?? 1));
                task.IsIndeterminate = totalBytes is null;
                var totals = await pipeline.RunAsync(output, new ProgressBarReporter(console, task, _inputName), cancellation);
                task.Value = task.MaxValue;
                task.StopTask();
                return totals;
            });
    }

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInput;
    }

}
