using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Evident.Bench.Text;
using Evident.Core.Input;
using Evident.Text;
using Spectre.Console;

namespace Evident.Cli.Bench;

/// <summary>One run of <c>evident bench text</c>: read the texts into memory, measure, print.</summary>
/// <param name="stdout">Where the table or JSON goes.</param>
/// <param name="stderr">Where progress, warnings and errors go.</param>
internal sealed class BenchTextRun(BenchTextSettings settings, TextWriter stdout, TextWriter stderr)
{
    private readonly string _inputName = InputFile.DisplayName(settings.Input);

    public int Execute(CancellationToken cancellation)
    {
        List<string> texts;
        int unreadable;
        try
        {
            if (!TryReadTexts(out texts, out unreadable, out string? problem))
            {
                return Fail(problem);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail($"{_inputName}: {exception.Message}");
        }

        if (texts.Count == 0)
        {
            return Fail($"{_inputName}: no texts to measure");
        }

        if (unreadable > 0)
        {
            stderr.WriteLine($"skipped {unreadable} unreadable {(unreadable == 1 ? "row" : "rows")}; run analyze on the file to see why");
        }

        var machine = MachineInfo.Current();
        if (machine.Build == "Debug")
        {
            stderr.WriteLine("warning: a Debug build runs the engine unoptimised; measure with dotnet run -c Release");
        }

        var input = new BenchInput(_inputName, texts.Count, MeanLength(texts));
        if (settings.Compare is not null)
        {
            return Compare(settings.Compare, machine, input, texts, cancellation);
        }

        IReadOnlyList<ThroughputResult> results;
        try
        {
            results = TextThroughput.Run(TextAnalyzer.Default, texts, settings.Duration, settings.Rounds, step =>
            {
                // Between measurements is where a run can stop: TextThroughput takes no token.
                cancellation.ThrowIfCancellationRequested();
                stderr.WriteLine($"measuring {step} for {settings.Duration.TotalSeconds:0.#} s");
            });
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }

        Print(new BenchTextReport(machine, input, settings.Duration.TotalSeconds, results));
        return ExitCodes.Success;
    }

    private int Compare(string baselinePath, MachineInfo machine, BenchInput input, List<string> texts, CancellationToken cancellation)
    {
        EngineBuild baseline, candidate;
        try
        {
            baseline = EngineBuild.Load(baselinePath);
            candidate = EngineBuild.Current();
        }
        catch (EngineBuildException exception)
        {
            return Fail(exception.Message);
        }

        BuildComparisonResult result;
        try
        {
            result = BuildComparison.Run(baseline, candidate, texts, settings.Duration, settings.Rounds, step =>
            {
                cancellation.ThrowIfCancellationRequested();
                stderr.WriteLine(step);
            });
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }

        var report = new BenchCompareReport(machine, input, Describe(baseline), Describe(candidate), settings.Duration.TotalSeconds, result);
        if (settings.Json)
        {
            BenchConsole.WriteJson(stdout, report);
            return ExitCodes.Success;
        }

        stdout.WriteLine($"machine: {machine.Describe()}; input: {input.Describe()}");
        stdout.WriteLine($"baseline: {report.Baseline.Describe()}");
        stdout.WriteLine($"this build: {report.Candidate.Describe()}");
        var table = new Table()
            .AddColumn("mode")
            .AddColumn(new TableColumn("baseline texts/s").RightAligned())
            .AddColumn(new TableColumn("this build texts/s").RightAligned())
            .AddColumn(new TableColumn($"this / baseline (median of {settings.Rounds})").RightAligned())
            .AddColumn(new TableColumn("range").RightAligned());
        foreach (var speed in result.Speeds)
        {
            table.AddRow(
                speed.Mode,
                speed.BaselineTextsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                speed.CandidateTextsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                speed.Ratio.ToString("0.000", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{speed.MinRatio:0.000} – {speed.MaxRatio:0.000}"));
        }

        BenchConsole.WriteTable(stdout, table);
        string analysis = result.AnalysisDifferences is int n ? $"the full analysis on {n:N0}" : "the full analysis not compared (the baseline cannot write it as JSON)";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outputs on {result.Texts:N0} texts: sentiment differs on {result.SentimentDifferences:N0}, {analysis}"));
        foreach (var difference in result.Examples)
        {
            stdout.WriteLine($"  {difference.Mode}, row {difference.Row}: {Shorten(difference.Text, 100)}");
            if (difference.Mode == "sentiment")
            {
                stdout.WriteLine($"    compound {difference.Baseline} -> {difference.Candidate}");
            }
        }

        return ExitCodes.Success;
    }

    private static BuildDescription Describe(EngineBuild build) => new(build.Path, build.Commit);

    private static string Shorten(string text, int length)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1), "…");
    }

    private void Print(BenchTextReport report)
    {
        if (settings.Json)
        {
            BenchConsole.WriteJson(stdout, report);
            return;
        }

        stdout.WriteLine($"machine: {report.Machine.Describe()}; input: {report.Input.Describe()}");
        bool ranges = settings.Rounds > 1;
        var table = new Table()
            .AddColumn("mode")
            .AddColumn(new TableColumn("threads").RightAligned())
            .AddColumn(new TableColumn(ranges ? $"texts/s (median of {settings.Rounds})" : "texts/s").RightAligned());
        if (ranges)
        {
            table.AddColumn(new TableColumn("range").RightAligned());
        }
        table
            .AddColumn(new TableColumn("MB/s").RightAligned())
            .AddColumn(new TableColumn("bytes allocated/text").RightAligned());
        foreach (var result in report.Results)
        {
            var cells = new List<string>
            {
                result.Mode,
                result.Threads.ToString(CultureInfo.InvariantCulture),
                result.TextsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            };
            if (ranges)
            {
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{result.MinTextsPerSecond:N0} – {result.MaxTextsPerSecond:N0}"));
            }
            cells.Add(result.MegabytesPerSecond.ToString("0.00", CultureInfo.InvariantCulture));
            cells.Add(result.AllocatedBytesPerText.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow([.. cells]);
        }

        BenchConsole.WriteTable(stdout, table);
    }

    private bool TryReadTexts(out List<string> texts, out int unreadable, [NotNullWhen(false)] out string? problem)
    {
        texts = [];
        unreadable = 0;
        if (!InputFile.TryOpen(settings.Input, settings.Format, out var reader, out problem))
        {
            return false;
        }

        using (reader)
        {
            if (!TextColumn.TryResolve(reader.Columns, settings.TextColumn, out int column, out problem))
            {
                problem = $"{_inputName}: {problem}";
                return false;
            }

            while (texts.Count < settings.Limit && reader.TryRead(out var row))
            {
                if (TextColumn.SelectText(row, column, reader.Columns[column], out string text) is not null)
                {
                    unreadable++;
                    continue;
                }

                texts.Add(text);
            }
        }

        return true;
    }

    private static double MeanLength(List<string> texts)
    {
        long chars = 0;
        foreach (string text in texts)
        {
            chars += text.Length;
        }

        return (double)chars / texts.Count;
    }

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInput;
    }
}

