using System.CommandLine;

namespace Evident.Cli.Bench;

/// <summary><c>evident bench import</c>: a million synthetic feedback rows imported, then imported again.</summary>
public static class BenchImportCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows")
        {
            Description = "How many synthetic feedback rows (id, date, score, a 1–3 sentence comment, segment) to generate.",
            DefaultValueFactory = _ => 1_000_000,
        };
        rows.WholeNumber(value => value >= 1, "--rows must be at least 1.");
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Also measure PostgreSQL: a connection string to a server where the user may create databases; "
                + "a scratch database is created for the run and dropped after.",
            HelpName = "CONNECTION",
        };
        var file = new Option<string?>("--file")
        {
            Description = "Keep the generated CSV here, and reuse it when it already exists (any feedback CSV can be measured this way).",
            HelpName = "PATH",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the results as JSON.",
        };
        var writer = new Option<bool>("--writer")
        {
            Description = "Also time each store's writer alone (SQLite, and PostgreSQL with --postgres): the rows read and analysed in memory "
                + "first (all of them held), then written into a fresh workspace on one thread, so that a change to the writer shows without "
                + "the noise of the other stages.",
        };
        var command = new Command("import", "Measure `evident import` end to end, as a separate process: generate synthetic feedback, "
            + "import it with full analysis into a fresh SQLite workspace (and PostgreSQL with --postgres), then import it again.")
        {
            rows, postgres, file, json, writer,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new BenchImportRun(parse.GetValue(rows), parse.GetValue(postgres), parse.GetValue(file), parse.GetValue(json), parse.GetValue(writer),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            return run.ExecuteAsync(cancellation);
        });
        return command;
    }
}
