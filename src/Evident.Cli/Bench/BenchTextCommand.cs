using System.CommandLine;

namespace Evident.Cli.Bench;

/// <summary><c>evident bench text INPUT</c>: texts per second, megabytes per second and bytes allocated per text.</summary>
public static class BenchTextCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "The CSV, TSV, JSON Lines or plain-text file whose texts to measure on; - reads standard input.",
        };
        var textColumn = new Option<string?>("--text-column")
        {
            Description = "The column holding the text: a name (ignoring case) or a 1-based column number. Default: as for analyze.",
            HelpName = "NAME|N",
        };
        var format = InputFormatOption.Create("How to read the input, as for analyze.");
        var seconds = new Option<double>("--seconds")
        {
            Description = "How long each measurement runs (two modes, one thread and all cores), after a second of warm-up per mode.",
            DefaultValueFactory = _ => 5,
        };
        seconds.Number(value => value is > 0 and <= 3600, "--seconds must be more than 0 and at most 3600.");
        var limit = new Option<int>("--limit")
        {
            Description = "Read at most this many texts into memory.",
            DefaultValueFactory = _ => 100_000,
        };
        limit.WholeNumber(value => value >= 1, "--limit must be at least 1.");
        var rounds = new Option<int>("--rounds")
        {
            Description = "Repeat the four measurements this many times, alternating their order, and report each one's median "
                + "round with the range of all rounds (for a machine whose speed drifts).",
            DefaultValueFactory = _ => 1,
        };
        rounds.WholeNumber(value => value is >= 1 and <= 100, "--rounds must be at least 1 and at most 100.");
        var compare = new Option<string?>("--compare")
        {
            Description = "Compare this build of the engine with another: an Evident.Text.dll, or the folder a build of it wrote. Both run "
                + "in this process, in alternating windows (--seconds each, 0.3 unless given) for --rounds rounds (20 unless given); "
                + "prints each build's texts/s, the median ratio and its range, and on how many texts the outputs differ.",
            HelpName = "DLL|FOLDER",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the machine, the input and the results as one JSON object instead of a table.",
        };

        var command = new Command("text", "Measure texts per second of the sentiment fast path and of the full analysis, "
            + "on one thread and on all cores, with the bytes allocated per text.")
        {
            input, textColumn, format, seconds, limit, rounds, compare, json,
        };
        command.SetAction((parse, cancellation) =>
        {
            string? baseline = parse.GetValue(compare);

            // A comparison wants many short windows, a plain run a few long ones: each has its own defaults.
            bool comparing = baseline is not null;
            double windowSeconds = comparing && IsDefault(parse, seconds) ? 0.3 : parse.GetValue(seconds);
            int roundCount = comparing && IsDefault(parse, rounds) ? 20 : parse.GetValue(rounds);
            var settings = new BenchTextSettings(
                parse.GetRequiredValue(input),
                parse.GetValue(textColumn),
                InputFormatOption.Parse(parse.GetRequiredValue(format)),
                TimeSpan.FromSeconds(windowSeconds),
                parse.GetValue(limit),
                parse.GetValue(json),
                roundCount,
                baseline);
            var run = new BenchTextRun(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

            // On a worker thread, so that Ctrl+C is seen while a measurement is under way.
            return Task.Run(() => run.Execute(cancellation), CancellationToken.None);
        });
        return command;
    }

    private static bool IsDefault(ParseResult parse, Option option) => parse.GetResult(option) is null or { Implicit: true };
}
