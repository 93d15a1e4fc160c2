using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Evident.Cli.Bench;
using Evident.Core.Input;
using Evident.Text;
using Evident.Text.Themes;
using Spectre.Console;

namespace Evident.Cli.Phrases;

/// <summary>One run of <c>evident phrases</c>: read every text into memory, find the emerging phrases, print them.</summary>
/// <param name="stdout">Where the table or JSON goes.</param>
/// <param name="stderr">Where row errors, the summary and other messages go.</param>
internal sealed class PhrasesRun(PhrasesSettings settings, TextWriter stdout, TextWriter stderr)
{
    private readonly string _inputName = InputFile.DisplayName(settings.Input);

    public int Execute(CancellationToken cancellation)
    {
        var corpus = new Corpus();
        try
        {
            if (!TryReadTexts(corpus, cancellation, out string? problem))
            {
                return Fail(problem);
            }

            var phrases = EmergingPhrases.Find(TextAnalyzer.Default, corpus.Texts, settings.Top, settings.MinimumTexts);
            cancellation.ThrowIfCancellationRequested();
            Print(Report(corpus, phrases));
            stderr.WriteLine(Summary(corpus, phrases.Count));
            return corpus.Errors > 0 ? ExitCodes.RowsFailed : ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail($"{_inputName}: {exception.Message}");
        }
    }

    /// <summary>The texts read, each with the input row it came from.</summary>
    private sealed class Corpus
    {
        public List<string> Texts { get; } = [];

        public List<long> Rows { get; } = [];

        public long Errors { get; set; }
    }

    private bool TryReadTexts(Corpus corpus, CancellationToken cancellation, [NotNullWhen(false)] out string? problem)
    {
        if (!InputFile.TryOpen(settings.Input, settings.Format, out var reader, out problem))
        {
            return false;
        }

        using (reader)
        {
            if (!TextColumn.TryResolve(reader.Columns, settings.TextColumn, out int column, out problem))
            {
                problem = $"{_inputName} (read as {reader.Format.DisplayName()}): {problem}";
                return false;
            }

            while (reader.TryRead(out var row))
            {
                cancellation.ThrowIfCancellationRequested();
                var error = TextColumn.SelectText(row, column, reader.Columns[column], out string text);
                if (error is not null)
                {
                    // Reported as analyze reports it, so that an editor can jump to the line.
                    stderr.WriteLine(error.Format(_inputName));
                    corpus.Errors++;
                    continue;
                }

                corpus.Texts.Add(text);
                corpus.Rows.Add(row.Index);
            }
        }

        return true;
    }

    private PhrasesReport Report(Corpus corpus, IReadOnlyList<EmergingPhrase> phrases)
    {
        var rows = new List<PhraseRow>(phrases.Count);
        foreach (var phrase in phrases)
        {
            var examples = phrase.Examples
                .Select(example => new PhraseExampleRow(
                    corpus.Rows[example.TextIndex], example.Span.Start, example.Span.Length, corpus.Texts[example.TextIndex]))
                .ToList();
            rows.Add(new PhraseRow(phrase.Text, phrase.Texts, phrase.Occurrences, phrase.Score, examples));
        }

        return new PhrasesReport(_inputName, corpus.Texts.Count, rows);
    }

    private void Print(PhrasesReport report)
    {
        if (settings.Json)
        {
            BenchConsole.WriteJson(stdout, report);
            return;
        }

        if (report.Phrases.Count == 0)
        {
            return; // the summary on standard error says so
        }

        var table = new Table()
            .AddColumn(new TableColumn("rank").RightAligned())
            .AddColumn("phrase")
            .AddColumn(new TableColumn("texts").RightAligned())
            .AddColumn(new TableColumn("occurrences").RightAligned())
            .AddColumn(new TableColumn("score").RightAligned())
            .AddColumn("example");
        bool markdown = BenchConsole.WritesMarkdown(stdout);
        for (int i = 0; i < report.Phrases.Count; i++)
        {
            var phrase = report.Phrases[i];
            var example = phrase.Examples.Count > 0 ? phrase.Examples[0] : null;
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Cell(phrase.Phrase, markdown),
                phrase.Texts.ToString("N0", CultureInfo.InvariantCulture),
                phrase.Occurrences.ToString("N0", CultureInfo.InvariantCulture),
                phrase.Score.ToString("0.00", CultureInfo.InvariantCulture),
                example is null ? "" : Cell(PhraseSnippet.Around(example.Text, example.Start, example.Length), markdown));
        }

        BenchConsole.WriteTable(stdout, table);
    }

    /// <summary>Text as a cell: no Spectre markup, and in Markdown no | that would end the cell early.</summary>
    private static string Cell(string text, bool markdown) =>
        Markup.Escape(markdown ? text.Replace("|", "\\|", StringComparison.Ordinal) : text);

    private string Summary(Corpus corpus, int phrases)
    {
        string summary = $"read {Count(corpus.Texts.Count, "text", "texts")}";
        if (corpus.Errors > 0)
        {
            summary += $" ({Count(corpus.Errors, "row", "rows")} skipped)";
        }

        summary += $", {Count(phrases, "phrase", "phrases")}";
        if (phrases == 0 && corpus.Texts.Count > 0)
        {
            summary += $"; none recurs in {settings.MinimumTexts} or more texts (--min-texts)";
        }

        return summary;
    }

    private static string Count(long n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInput;
    }

}
