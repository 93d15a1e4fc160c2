using System.Globalization;
using Evident.Cli.Phrases;
using Evident.Core.Audit;
using Spectre.Console;

namespace Evident.Cli.Audit;

/// <summary>The audit for a person: which posts were counted, one row per signal with one example, the we/you balance.</summary>
internal static class AuditTable
{
    private const int ExampleWidth = 56;

    /// <param name="terminal">Whether <paramref name="writer"/> is a terminal, which gets colour and its own width.</param>
    public static void Write(AuditReport report, TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        console.WriteLine($"{report.File}: {report.Scope()}");
        var table = new Table()
            .AddColumn("signal")
            .AddColumn(new TableColumn("posts").RightAligned())
            .AddColumn(new TableColumn("rate").RightAligned())
            .AddColumn("example");
        foreach (var signal in report.Result.Signals)
        {
            table.AddRow(
                signal.Signal,
                signal.Count.ToString("N0", CultureInfo.InvariantCulture),
                AuditReport.Percent(signal.Rate),
                signal.Examples.Count > 0 ? Markup.Escape(Example(signal.Examples[0])) : "");
        }

        console.Write(table);
        console.WriteLine($"we/you: {report.WeYouSummary()}");
    }

    /// <summary>"line 12: …we «thank» our nurses…", on one line and cut to fit a cell.</summary>
    private static string Example(AuditExample example) =>
        string.Create(CultureInfo.InvariantCulture,
            $"line {example.Line}: {PhraseSnippet.Around(example.Sentence, example.MatchStart, example.Match.Length, ExampleWidth)}");
}
