using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Evident.Store;
using Evident.Store.Status;
using Spectre.Console;

namespace Evident.Cli.Status;

/// <summary><c>evident status</c>: what the workspace holds.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or json (for scripts: {\"feedback\": N, \"interactions\": N, …}).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, ["table", "json"]);
        var db = DbOption.Create();
        var command = new Command("status", "Say what the workspace holds: rows per kind and source, the dates they span, the last imports.")
        {
            format, db,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                await using var workspace = await CliWorkspace.OpenAsync(StoreLocation.Resolve(parse.GetValue(db)), create: false, stderr, cancellation);
                var status = await WorkspaceStatus.ReadAsync(workspace);
                if (string.Equals(parse.GetValue(format), "json", StringComparison.OrdinalIgnoreCase))
                {
                    stdout.WriteLine(Json(status));
                }
                else
                {
                    Table(status, stdout);
                }

                return ExitCodes.Success;
            }
            catch (StoreException exception)
            {
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    private static string Json(WorkspaceStatus status)
    {
        var document = new Dictionary<string, object?>();
        foreach (var (kind, count) in status.Counts)
        {
            document[kind] = count;
        }

        document["workspace"] = status.Workspace;
        document["schema_version"] = status.SchemaVersion;
        document["from"] = status.From;
        document["to"] = status.To;
        document["sources"] = status.Sources.Select(s => new { kind = s.Kind, source = s.Source, rows = s.Rows });
        document["last_imports"] = status.LastImports.Select(i => new
        {
            id = i.Id, kind = i.Kind, source = i.Source, file = i.FileName, started_at = i.StartedAt, finished_at = i.FinishedAt,
            status = i.Status, rows_read = i.RowsRead, imported = i.Imported, duplicates = i.Duplicates, rejected = i.Rejected,
            options = i.Options, error = i.Error,
        });
        return JsonSerializer.Serialize(document);
    }

    /// <summary>A word as a shell reads it back: in single quotes when it holds anything but letters, digits and . _ - / :</summary>
    private static string Quoted(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or ':') ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Table(WorkspaceStatus status, TextWriter stdout)
    {
        var console = CliConsole.Create(stdout);
        string span = status.From is { } from && status.To is { } to
            ? string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} … {to:yyyy-MM-dd}")
            : "no rows yet";
        console.WriteLine($"workspace {status.Workspace} (schema {status.SchemaVersion}): {span}");
        var counts = new Table().AddColumns("kind", "source", "rows");
        counts.Columns[2].RightAligned();
        foreach (var (kind, total) in status.Counts)
        {
            var sources = status.Sources.Where(s => s.Kind == kind).ToList();
            counts.AddRow(kind, sources.Count == 0 ? "" : Markup.Escape(string.Join(", ", sources.Select(s => $"{s.Source} ({s.Rows:N0})"))), total.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(counts);
        if (status.LastImports.Count == 0)
        {
            return;
        }

        var imports = new Table().AddColumns("started", "file", "kind", "status", "imported", "duplicate", "rejected");
        foreach (var run in status.LastImports)
        {
            string state = run.Status == "running" ? "running or interrupted" : run.Status;
            imports.AddRow(Markup.Escape(run.StartedAt.Length > 16 ? run.StartedAt[..16].Replace('T', ' ') : run.StartedAt), Markup.Escape(run.FileName), run.Kind, state,
                run.Imported.ToString("N0", CultureInfo.InvariantCulture), run.Duplicates.ToString("N0", CultureInfo.InvariantCulture),
                run.Rejected.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(imports);
        foreach (var run in status.LastImports.Where(run => run.Error is not null))
        {
            stdout.WriteLine($"{run.Name} failed: {run.Error}"); // plainly, as the hint below: a table would wrap it
        }
        if (status.LastImports.FirstOrDefault(run => run.Status == "running") is { } unfinished)
        {
            // A killed import's run keeps the status it had; nothing tells it from one still loading but the process.
            // Written plainly, not through the console, which would wrap the command in the middle
            stdout.WriteLine(
                $"an import not running now that reads \"running or interrupted\" was stopped: its whole batches are kept; "
                + $"run the same import again (evident import {Quoted(unfinished.FileName)}"
                + $"{(Core.Ingest.RecordKinds.TryParse(unfinished.Kind, out _) ? " --kind " + unfinished.Kind : "")} --source {Quoted(unfinished.Source)}"
                + string.Concat(unfinished.Options.Select(word => " " + Quoted(word))) + ") to complete it");
        }
    }
}
