using System.CommandLine;
using Evident.Text;

namespace Evident.Cli.Analyze;

/// <summary><c>evident analyze INPUT</c>: one JSON line of analysis per input row.</summary>
public static class AnalyzeCommand
{
    public static Command Create() => Create(static text => TextAnalyzer.Default.Analyze(text));

    /// <param name="analyse">The language engine; tests pass their own.</param>
    public static Command Create(Func<string, TextAnalysis> analyse)
    {
        var input = new Argument<string>("input")
        {
            Description = "The CSV, TSV, JSON Lines or plain-text file to analyse; - reads standard input.",
        };
        var textColumn = new Option<string?>("--text-column")
        {
            Description = "The column holding the text: a name (ignoring case) or a 1-based column number. "
                + "Default: the first column named text, comment, feedback, body, message, review, content, verbatim, tweet or response.",
            HelpName = "NAME|N",
        };
        var format = InputFormatOption.Create(
            "How to read the input. auto: by extension (.csv, .tsv/.tab, .jsonl/.ndjson), otherwise by its first line.");
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the JSON Lines to this file instead of standard output.",
            HelpName = "OUT.jsonl",
        };

        var command = new Command("analyze", "Analyse each text of a file: sentiment, emotions, themes, friction, effort and "
            + "signals, as one JSON object per row, in input order.")
        {
            input, textColumn, format, output,
        };
        command.SetAction((parse, cancellation) =>
        {
            var settings = new AnalyzeSettings(
                parse.GetRequiredValue(input), parse.GetValue(textColumn), InputFormatOption.Parse(parse.GetRequiredValue(format)), parse.GetValue(output));
            var run = new AnalyzeRun(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, analyse);
            return run.ExecuteAsync(cancellation);
        });
        return command;
    }
}
