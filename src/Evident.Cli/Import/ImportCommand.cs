using System.CommandLine;
using Evident.Core.Ingest;

namespace Evident.Cli.Import;

/// <summary><c>evident import FILE --kind …</c>: bring a file into the workspace, analysed, idempotently.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file")
        {
            Description = "The CSV, TSV, JSON array, JSON Lines or Excel (.xlsx or .xls: its first sheet) file to import; - reads standard input.",
        };
        var kind = new Option<string>("--kind", "-k")
        {
            Description = "What the rows are: feedback (customers' words and scores), interactions (contacts with their times), "
                + "journey (events: visits, purchases, churn), comms (what the organisation wrote), pulse (employee answers). "
                + "Not needed for a Customer Support on Twitter export.",
        };
        kind.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. RecordKinds.Names]);
        var map = new Option<string[]>("--map", "-m")
        {
            Description = "Take a field from a column: --map \"Comment text=text\" (repeatable; FIELD '-' ignores the column). "
                + "Without it columns are matched by their usual names (comment/feedback → text, nps/score → nps, …).",
            HelpName = "COLUMN=FIELD",
            AllowMultipleArgumentsPerToken = false,
        };
        var source = new Option<string?>("--source", "-s")
        {
            Description = "Where the data comes from (survey, zendesk, …); with each row's id it is the key that makes re-importing "
                + "a no-op. Default: the file's name without extension.",
        };
        source.Validators.Add(result =>
        {
            string? name = result.GetValueOrDefault<string?>();
            if (name is not null && string.IsNullOrWhiteSpace(name))
            {
                result.AddError("--source needs a name (survey, zendesk, …): with each row's id it is the key that makes re-importing a no-op.");
            }
            else if (name?.Trim().Length > 200)
            {
                // As the import page and the API allow: it is part of indexed keys.
                result.AddError($"--source is a name of at most 200 characters, not {name.Trim().Length:N0}.");
            }
        });
        var format = InputFormatOption.Create("How to read the file. auto: by extension (.csv, .tsv, .json, .jsonl), else by its first line.");
        var dates = new Option<string>("--dates")
        {
            Description = "How to read dates whose day and month could be swapped (3/4/2025): day-first or month-first. "
                + "auto: as the file's other dates show (a day after the 12th); such dates are rejected when none does.",
            DefaultValueFactory = _ => "auto",
        };
        dates.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, DateOrders.Names);
        var preview = new Option<bool>("--preview")
        {
            Description = "Show the column mapping and the first rows as they will be read; write nothing.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the summary as JSON on standard output.",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per transaction: a run stopped at any moment keeps every whole batch it wrote.",
            DefaultValueFactory = _ => Store.Ingest.ImportPipeline.DefaultBatchSize,
        };
        batchSize.WholeNumber(value => value is >= 1 and <= 1_000_000, "--batch-size must be from 1 to 1,000,000.");
        var db = DbOption.Create();
        var command = new Command("import", "Import a file into the workspace: map its columns, analyse every text on all cores and "
            + "store rows and rollups in whole batches. Re-importing adds nothing; rejected rows go to FILE.rejects.csv.")
        {
            input, kind, map, source, format, dates, preview, json, batchSize, db,
        };
        command.SetAction((parse, cancellation) =>
        {
            RecordKind? recordKind = parse.GetValue(kind) is { } name && RecordKinds.TryParse(name, out var k) ? k : null;
            var settings = new ImportSettings(
                parse.GetRequiredValue(input), recordKind, parse.GetValue(map) ?? [], parse.GetValue(source),
                InputFormatOption.Parse(parse.GetRequiredValue(format)), parse.GetValue(preview), parse.GetValue(json), parse.GetValue(db))
            {
                BatchSize = parse.GetValue(batchSize),
                Dates = DateOrders.TryParse(parse.GetRequiredValue(dates), out var order) ? order : DateOrder.Unknown,
            };
            var configuration = parse.InvocationConfiguration;
            return new ImportRun(settings, configuration.Output, configuration.Error).ExecuteAsync(cancellation);
        });
        return command;
    }
}

public sealed record ImportSettings(
    string Input, RecordKind? Kind, IReadOnlyList<string> Map, string? Source, Core.Input.InputFormat Format, bool Preview, bool Json, string? Db)
{
    public int BatchSize { get; init; } = Store.Ingest.ImportPipeline.DefaultBatchSize;

    /// <summary>How to read dates that read either way (<c>--dates</c>); unknown: as the file shows.</summary>
    public DateOrder Dates { get; init; }

    /// <summary>The options given that change how the file's rows are read and keyed, as words of a command line:
    /// running the import again to complete it needs them as much as its file, kind and source.</summary>
    public IReadOnlyList<string> ReadingOptions =>
    [
        .. Map.SelectMany(pair => (string[])["--map", pair]),
        .. Dates == DateOrder.Unknown ? [] : (string[])["--dates", Dates.Name()],
        .. Format == Core.Input.InputFormat.Auto ? [] : (string[])["--format", InputFormatOption.Name(Format)],
    ];
}
