using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Evident.Core.Audit;
using Evident.Core.Input;

namespace Evident.Cli.Audit;

/// <summary>One run of <c>evident audit</c>: read the feed, keep the last posts, count the signals, print the report.</summary>
/// <param name="stdout">Where the report goes when no output file is given.</param>
/// <param name="stderr">Where row errors, the summary and other messages go.</param>
internal sealed class AuditRun(AuditSettings settings, TextWriter stdout, TextWriter stderr)
{
    private readonly string _inputName = InputFile.DisplayName(settings.Input);

    public int Execute(CancellationToken cancellation)
    {
        try
        {
            if (!TryAudit(cancellation, out var report, out long skipped, out string? problem))
            {
                return Fail(problem);
            }

            Print(report);

            // A table on the terminal already starts with what was audited.
            if (settings.Format != AuditFormat.Table || !settings.WritesToStandardOutput || skipped > 0)
            {
                stderr.WriteLine(Summary(report, skipped));
            }

            return skipped > 0 ? ExitCodes.RowsFailed : ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(exception.Message);
        }
    }

    private bool TryAudit(
        CancellationToken cancellation,
        [NotNullWhen(true)] out AuditReport? report,
        out long skipped,
        [NotNullWhen(false)] out string? problem)
    {
        report = null;
        skipped = 0;
        if (IsEmptyFile(settings.Input))
        {
            // No header to read, but nothing wrong either: a feed with no posts yet.
            problem = null;
            report = new AuditReport(_inputName, null, settings.Last, new FeedAudit(new AuditOptions(settings.Last, Examples: settings.Examples)).Finish());
            return true;
        }

        if (!InputFile.TryOpen(settings.Input, settings.InputFormat, out var reader, out problem))
        {
            return false;
        }

        using (reader)
        {
            var columns = reader.Columns;
            if (!TextColumn.TryResolve(columns, settings.TextColumn, out int textColumn, out problem)
                || !DateColumn.TryResolve(columns, settings.DateColumn, textColumn, out int dateColumn, out problem))
            {
                problem = $"{_inputName} (read as {reader.Format.DisplayName()}): {problem}";
                return false;
            }

            if (InputFile.IsSameFile(settings.Input, settings.Output))
            {
                problem = $"{settings.Output}: is the input file; choose another --out";
                return false;
            }

            if (!settings.WritesToStandardOutput && OutputFile.Problem(settings.Output!, settings.Format switch
                {
                    AuditFormat.Json => "audit.json",
                    AuditFormat.Html => "audit.html",
                    _ => "audit.txt",
                }) is { } outputProblem)
            {
                problem = outputProblem;
                return false;
            }

            var rows = new FeedRows(columns, textColumn, dateColumn);
            var audit = new FeedAudit(new AuditOptions(settings.Last, rows.HasDates, settings.Examples));
            while (reader.TryRead(out var row))
            {
                cancellation.ThrowIfCancellationRequested();
                if (rows.Read(row, out var post) is { } error)
                {
                    // As analyze reports a row, so that an editor can jump to the line.
                    stderr.WriteLine(error.Format(_inputName));
                    skipped++;
                    continue;
                }

                audit.Add(post);
            }

            report = new AuditReport(_inputName, rows.HasDates ? columns[dateColumn] : null, settings.Last, audit.Finish());
            return true;
        }
    }

    private static bool IsEmptyFile(string path) =>
        path != InputFile.StandardInputPath && File.Exists(path) && new FileInfo(path).Length == 0;

    /// <summary>Writes the report; a file beside itself first, moved into place once whole, as analyze and report do.</summary>
    private void Print(AuditReport report)
    {
        if (settings.WritesToStandardOutput)
        {
            Write(report, stdout, terminal: ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected);
            return;
        }

        OutputFile.WriteWhole(settings.Output!, file => Write(report, file, terminal: false));
    }

    private void Write(AuditReport report, TextWriter writer, bool terminal)
    {
        switch (settings.Format)
        {
            case AuditFormat.Json:
                writer.Write(AuditJson.Write(report));
                break;
            case AuditFormat.Html:
                writer.Write(AuditHtml.Write(report));
                break;
            default:
                AuditTable.Write(report, writer, terminal);
                break;
        }
    }

    private string Summary(AuditReport report, long skipped)
    {
        string summary = $"audited {_inputName}: {report.Scope()}";
        if (skipped > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; skipped {skipped} {(skipped == 1 ? "row" : "rows")} (see above)");
        }

        if (!settings.WritesToStandardOutput)
        {
            summary += $"; wrote {settings.Output}";
        }

        return summary;
    }

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInput;
    }
}
