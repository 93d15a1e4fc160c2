using System.CommandLine;

namespace Evident.Cli.Phrases;

/// <summary><c>evident phrases INPUT</c>: the phrases that recur across a file's texts but no theme covers.</summary>
public static class PhrasesCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "The CSV, TSV, JSON Lines or plain-text file to look through; - reads standard input.",
        };
        var textColumn = new Option<string?>("--text-column")
        {
            Description = "The column holding the text: a name (ignoring case) or a 1-based column number. Default: as for analyze.",
            HelpName = "NAME|N",
        };
        var format = InputFormatOption.Create("How to read the input, as for analyze.");
        var top = new Option<int>("--top")
        {
            Description = "The most phrases listed, best first.",
            DefaultValueFactory = _ => 20,
            HelpName = "N",
        };
        top.WholeNumber(value => value >= 1, "--top must be at least 1.");
        var minTexts = new Option<int>("--min-texts")
        {
            Description = "List only phrases found in at least this many different texts.",
            DefaultValueFactory = _ => 3,
            HelpName = "N",
        };
        minTexts.WholeNumber(value => value >= 1, "--min-texts must be at least 1.");
        var json = new Option<bool>("--json")
        {
            Description = "Print the phrases, each with its examples in full, as one JSON object instead of a table.",
        };

        var command = new Command("phrases", "List the emerging phrases of a file: two- and three-word phrases that recur across "
            + "its texts but no theme covers, ranked by how often and how tightly their words go together, each with an "
            + "example. Reads the whole file into memory.")
        {
            input, textColumn, format, top, minTexts, json,
        };
        command.SetAction((parse, cancellation) =>
        {
            var settings = new PhrasesSettings(
                parse.GetRequiredValue(input),
                parse.GetValue(textColumn),
                InputFormatOption.Parse(parse.GetRequiredValue(format)),
                parse.GetValue(top),
                parse.GetValue(minTexts),
                parse.GetValue(json));
            var run = new PhrasesRun(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

            // On a worker thread, so that Ctrl+C is seen while the file is read.
            return Task.Run(() => run.Execute(cancellation), CancellationToken.None);
        });
        return command;
    }
}
