using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Evident.Core.Ingest;
using Evident.Core.Input;
using Evident.Core.Records;
using Evident.Store;
using Evident.Store.Ingest;
using Evident.Store.Taxonomy;
using Evident.Text;
using Spectre.Console;

namespace Evident.Cli.Import;

/// <summary>One run of <c>evident import</c>: recognise the file, map its columns, then preview or import it.</summary>
internal sealed class ImportRun(ImportSettings settings, TextWriter stdout, TextWriter stderr)
{
    private const int PreviewRows = 5;
    private readonly string _inputName = InputFile.DisplayName(settings.Input);

    public async Task<int> ExecuteAsync(CancellationToken cancellation)
    {
        var request = new ImportRequest(settings.Input, settings.Kind, settings.Map, settings.Source, settings.Format) { Dates = settings.Dates };
        if (!ImportFile.TryOpen(request, out var file, out string? problem))
        {
            return Fail(problem);
        }

        using (file)
        {
            if (file.Problem is { } mapping)
            {
                return Fail(mapping);
            }

            if (settings.Preview)
            {
                return Preview(file.Records, [.. file.Description, .. file.Notes]);
            }

            foreach (string note in file.Notes)
            {
                stderr.WriteLine($"{_inputName}: {note}");
            }

            return await ImportAsync(file.Records, file.Kind, file.Source, file.SourceNamedByFile, file.TotalBytes, cancellation);
        }
    }

    private int Preview(IRecordSource records, IReadOnlyList<string> description)
    {
        stdout.WriteLine($"{_inputName}:");
        foreach (string line in description)
        {
            stdout.WriteLine($"  {line}");
        }

        stdout.WriteLine();
        int shown = 0;
        while (shown < PreviewRows && records.TryRead(out var record, out var reject))
        {
            shown++;
            stdout.WriteLine(reject is not null ? $"  rejected: {reject.Format(_inputName)}" : $"  {Describe(record!)}");
        }

        stdout.WriteLine();
        stdout.WriteLine($"preview only: nothing was written (first {shown} {(shown == 1 ? "row" : "rows")})");
        return ExitCodes.Success;
    }

    private static string Describe(ImportedRecord record)
    {
        var fields = JsonSerializer.Serialize(record, record.GetType(), s_previewJson);
        return $"line {record.Line}: {fields}";
    }

    private static readonly JsonSerializerOptions s_previewJson = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private async Task<int> ImportAsync(IRecordSource records, string kindName, string source, bool sourceNamedByFile, long? totalBytes, CancellationToken cancellation)
    {
        var location = StoreLocation.Resolve(settings.Db);
        Workspace workspace;
        try
        {
            workspace = await Workspace.OpenAsync(location, create: true, notice: work => stderr.WriteLine($"{location.Display}: {work} …"), cancellation);
        }
        catch (StoreException exception)
        {
            return Fail(exception.Message);
        }

        await using (workspace)
        {
            if (workspace.Created)
            {
                stderr.WriteLine($"created workspace {location.Display}");
            }

            // The lexicons carry the workspace's own themes, if it has any; the pipeline loads them in the background
            // when it knows it will analyse (a re-import whose rows are all stored never loads them).
            var themes = await new WorkspaceTaxonomy(workspace).LoadAsync(cancellation);
            var analyzer = new Lazy<TextAnalyzer>(() => WorkspaceAnalyzer.For(themes));
            using var rejects = new RejectsFile(RejectsPath());
            var pipeline = new ImportPipeline(workspace, analyzer) { BatchSize = settings.BatchSize };
            var info = new ImportRunInfo(kindName, source, _inputName, totalBytes) { Options = settings.ReadingOptions, SourceNamedByFile = sourceNamedByFile };
            var stopwatch = Stopwatch.StartNew();
            ImportTotals totals;
            try
            {
                totals = ShowsProgressBar()
                    ? await RunWithProgressBarAsync(pipeline, records, info, rejects, totalBytes, cancellation)
                    : await pipeline.RunAsync(records, info, rejects.Add, new PlainProgress(stderr, _inputName, totalBytes), cancellation);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("cancelled: the batches already written are kept; run the same import again to complete it");
                return ExitCodes.Cancelled;
            }
            catch (StoreException exception)
            {
                return Fail(exception.Message);
            }

            double seconds = stopwatch.Elapsed.TotalSeconds;
            Summarise(totals, rejects, location, seconds, pipeline.Times);
            return totals.Rejected > 0 ? ExitCodes.RowsFailed : ExitCodes.Success;
        }
    }

    private void Summarise(ImportTotals totals, RejectsFile rejects, StoreLocation location, double seconds, StageTimes times)
    {
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        foreach (var reject in rejects.First)
        {
            stderr.WriteLine(reject.Format(_inputName));
        }

        if (totals.Rejected > rejects.First.Count)
        {
            stderr.WriteLine($"… and {totals.Rejected - rejects.First.Count:N0} more rejected rows");
        }

        string changed = rejects.StoredWithOtherValues == 0 ? "" : $"{rejects.StoredWithOtherValues:N0} of them stored already with other values; ";
        string rejected = totals.Rejected == 0 ? "0 rejected" : $"{totals.Rejected:N0} rejected ({changed}listed in {rejects.Path})";
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_inputName}: {totals.RowsRead:N0} {(totals.RowsRead == 1 ? "row" : "rows")} read: {totals.Imported:N0} imported, {totals.Duplicates:N0} duplicate, {rejected} — into {location.Display} in {seconds:0.0} s"));
        if (settings.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                file = _inputName,
                rows_read = totals.RowsRead,
                imported = totals.Imported,
                duplicates = totals.Duplicates,
                rejected = totals.Rejected,
                stored_with_other_values = rejects.StoredWithOtherValues,
                rejects_file = totals.Rejected > 0 ? rejects.Path : null,
                seconds,
                stage_seconds = new { read = times.Read, lookup = times.Lookup, analyse = times.Analyse, write = times.Write },
                gc = new { gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2), pause_seconds = GC.GetTotalPauseDuration().TotalSeconds, allocated_bytes = GC.GetTotalAllocatedBytes(), gen0_budget_bytes = GC.GetConfigurationVariables().GetValueOrDefault("GCGen0MaxBudget") },
                peak_memory_bytes = peak,
            }));
        }
    }

    private string RejectsPath() =>
        (settings.Input == InputFile.StandardInputPath ? "stdin" : settings.Input) + ".rejects.csv";

    private bool ShowsProgressBar() => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    private static Task<ImportTotals> RunWithProgressBarAsync(
        ImportPipeline pipeline, IRecordSource records, ImportRunInfo info, RejectsFile rejects, long? totalBytes, CancellationToken cancellation)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: Math.Max(1, totalBytes ?? 1));
                task.IsIndeterminate = totalBytes is null;
                var totals = await pipeline.RunAsync(records, info, rejects.Add, new BarProgress(task), cancellation);
                task.Value = task.MaxValue;
                task.StopTask();
                return totals;
            });
    }

    /// <summary>Says why the import stopped; with --json, also as <c>{"file", "error"}</c> on standard output, so that a
    /// script reading the summary there finds an object either way.</summary>
    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        if (settings.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { file = _inputName, error = message }));
        }

        return ExitCodes.UsageOrInput;
    }

    private sealed class BarProgress(ProgressTask task) : IImportProgress
    {
        public void Report(ImportTotals totals)
        {
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{totals.Imported:N0} imported, {totals.Duplicates:N0} duplicate, {totals.Rejected:N0} rejected");
            if (!task.IsIndeterminate)
            {
                task.Value = totals.BytesRead;
            }
        }

        public void Finishing(string work) => task.Description = work + " …";
    }

    /// <summary>A line at most every two seconds, for logs and pipes.</summary>
    private sealed class PlainProgress(TextWriter stderr, string inputName, long? totalBytes) : IImportProgress
    {
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

        public void Report(ImportTotals totals)
        {
            if (_sinceLast.Elapsed < TimeSpan.FromSeconds(2))
            {
                return;
            }

            _sinceLast.Restart();
            string percent = totalBytes is > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({100.0 * totals.BytesRead / totalBytes.Value:0}%)") : "";
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{inputName}: {totals.RowsRead:N0} rows read{percent}: {totals.Imported:N0} imported, {totals.Duplicates:N0} duplicate, {totals.Rejected:N0} rejected"));
        }

        public void Finishing(string work) => stderr.WriteLine($"{inputName}: {work} …");
    }
}
