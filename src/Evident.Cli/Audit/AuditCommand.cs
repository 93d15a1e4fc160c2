using System.CommandLine;

namespace Evident.Cli.Audit;

/// <summary><c>evident audit FILE</c>: of an organisation's posts (or the last n), how many take the customer's
/// perspective, speak of employees, listen, thank, push sales or promise vaguely. No workspace needed.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file")
        {
            Description = "The organisation's posts: a CSV, TSV, JSON array, JSON Lines or plain-text file; - reads standard input.",
        };
        var textColumn = new Option<string?>("--text-column")
        {
            Description = "The column holding each post's text: a name (ignoring case) or a 1-based column number. Default: as for analyze.",
            HelpName = "NAME|N",
        };
        var dateColumn = new Option<string?>("--date-column")
        {
            Description = "The column holding when each post was published; then --last keeps the most recent posts, whatever "
                + "the file's order. Default: the first column named date, created_at, published_at, posted_at, timestamp, …",
            HelpName = "NAME|N",
        };
        var last = new Option<int?>("--last")
        {
            Description = "Audit only the last N posts: the N most recent by the date column, else the last N rows. Default: all.",
            HelpName = "N",
        };
        last.WholeNumber(value => value >= 1, "--last must be at least 1.");
        var format = new Option<string>("--format")
        {
            Description = "table (for people), json (for scripts) or html (one self-contained page to share or print).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, ["table", "json", "html"]);
        var inputFormat = InputFormatOption.Create("How to read the input, as analyze's --format.", "--input-format");
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
            HelpName = "FILE",
        };
        var examples = new Option<int>("--examples")
        {
            Description = "The most example sentences kept per signal (the table shows the first).",
            DefaultValueFactory = _ => Core.Audit.AuditOptions.DefaultExamples,
            HelpName = "K",
        };
        examples.WholeNumber(value => value >= 0, "--examples must be 0 or more.");

        var command = new Command("audit", "Audit an organisation's feed: of its posts (or the last N), how many take the customer's "
            + "perspective, speak of employees, listen, say thank you, push sales or promise vaguely, with rates and the sentences "
            + "that show it; and whether they speak about \"we\" or to \"you\". Counts posts, not matches. Needs no workspace.")
        {
            input, textColumn, dateColumn, last, format, inputFormat, output, examples,
        };
        command.SetAction((parse, cancellation) =>
        {
            var settings = new AuditSettings(
                parse.GetRequiredValue(input),
                parse.GetValue(textColumn),
                parse.GetValue(dateColumn),
                parse.GetValue(last),
                Enum.Parse<AuditFormat>(parse.GetRequiredValue(format), ignoreCase: true),
                InputFormatOption.Parse(parse.GetRequiredValue(inputFormat)),
                parse.GetValue(output),
                parse.GetValue(examples));
            var run = new AuditRun(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

            // On a worker thread, so that Ctrl+C is seen while the file is read.
            return Task.Run(() => run.Execute(cancellation), CancellationToken.None);
        });
        return command;
    }
}
