using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Evident.Store;
using Evident.Store.Taxonomy;

namespace Evident.Cli.Themes;

/// <summary>
/// <c>evident themes list | add | remove | reanalyze</c>: the workspace's theme taxonomy, as the web's taxonomy page
/// edits it. A change is stored at once and used by the next import; <c>reanalyze</c> brings the stored comments to it.
/// </summary>
public static class ThemesCommand
{
    private static readonly string[] s_header = ["id", "name", "phrases", "comments", "from"];

    public static Command Create() => new("themes", "The workspace's theme taxonomy: the shipped themes, its own, and the re-analysis after a change.")
    {
        List(), Add(), Remove(), Reanalyze(),
    };

    private static Command List()
    {
        var db = DbOption.Create();
        var command = new Command("list", "List every theme (shipped and the workspace's) with its phrases and the customer comments stored with it.") { db };
        command.SetAction((parse, cancellation) => CliWorkspace.RunAsync(parse, db, create: false, async (workspace, stdout, stderr) =>
        {
            var taxonomy = new WorkspaceTaxonomy(workspace);
            var own = (await taxonomy.LoadAsync(cancellation)).Themes.ToDictionary(t => t.Id, StringComparer.Ordinal);
            var comments = await taxonomy.CommentsPerThemeAsync(cancellation);
            var rows = new List<string[]> { s_header };
            foreach (var theme in WorkspaceTaxonomy.Shipped.Themes)
            {
                var change = own.GetValueOrDefault(theme.Id);
                rows.Add([theme.Id, change?.Name ?? theme.Name, Count(theme.Phrases.Count + (change?.Phrases.Count ?? 0)), Count(comments.GetValueOrDefault(theme.Id)),
                    (change is null ? "shipped" : $"shipped, {change.Phrases.Count} phrases{Exceptions(change.Except.Count)} added here") + Fallbacks(theme.Fallback.Count)]);
            }

            foreach (var theme in own.Values.Where(t => WorkspaceTaxonomy.Shipped.Find(t.Id) is null).OrderBy(t => t.Id, StringComparer.Ordinal))
            {
                rows.Add([theme.Id, theme.Name ?? theme.Id, Count(theme.Phrases.Count), Count(comments.GetValueOrDefault(theme.Id)), $"this workspace{Exceptions(theme.Except.Count)}"]);
            }

            int[] widths = [.. Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length))];
            foreach (var row in rows)
            {
                stdout.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
            }

            await WriteStateAsync(workspace, stderr, cancellation);
            return ExitCodes.Success;
        }, cancellation));
        return command;
    }

    private static Command Add()
    {
        var db = DbOption.Create();
        var id = new Argument<string>("ID") { Description = "The theme's id: lower-case words joined by hyphens (roaming-charges). A shipped id gains the phrases given." };
        var name = new Option<string?>("--name") { Description = "The display name (required for a new theme; for a shipped one, replaces its name)." };
        var description = new Option<string?>("--description") { Description = "What belongs in the theme." };
        var phrase = new Option<string[]>("--phrase")
        {
            Description = "A phrase that reveals the theme (repeat for more); the syntax of src/Evident.Text/Lexicons/README.md.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var except = new Option<string[]>("--except")
        {
            Description = "A longer phrase inside which the theme's phrases do not count (\"no complaint\" for \"complaint\"); repeat for more.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "PHRASE",
        };
        var command = new Command("add", "Add a theme to the workspace, or phrases, exceptions (and a name or description) to one; then run `evident themes reanalyze`.")
        {
            db, id, name, description, phrase, except,
        };
        command.SetAction((parse, cancellation) => CliWorkspace.RunAsync(parse, db, create: true, async (workspace, stdout, stderr) =>
        {
            var taxonomy = new WorkspaceTaxonomy(workspace);
            string themeId = parse.GetValue(id)!.Trim();
            // Adding to a theme the workspace has already keeps what it had: phrases and exceptions are appended, a name or
            // description replaced.
            var existing = (await taxonomy.LoadAsync(cancellation)).Themes.FirstOrDefault(t => t.Id == themeId);
            var edit = new ThemeEdit(themeId, parse.GetValue(name) ?? existing?.Name, parse.GetValue(description) ?? existing?.Description,
                [.. existing?.Phrases ?? [], .. parse.GetValue(phrase) ?? []])
            {
                Except = [.. existing?.Except ?? [], .. parse.GetValue(except) ?? []],
            };
            var save = await taxonomy.SaveAsync(edit, Environment.UserName, cancellation);
            if (!save.Saved)
            {
                foreach (var problem in save.Problems)
                {
                    stderr.WriteLine($"error: {problem.Field}: {problem.Message}");
                }

                return ExitCodes.UsageOrInput;
            }

            stdout.WriteLine($"saved {save.Edit.Id} ({save.Edit.Phrases.Count} phrases{Exceptions(save.Edit.Except.Count)} of the workspace) in {workspace.Location.Display}: taxonomy version {save.Version}");
            stderr.WriteLine("new imports use it now; run `evident themes reanalyze` to find it in the comments stored already");
            return ExitCodes.Success;
        }, cancellation));
        return command;
    }

    private static Command Remove()
    {
        var db = DbOption.Create();
        var id = new Argument<string>("ID") { Description = "A theme of the workspace, or a shipped theme whose changes are undone." };
        var command = new Command("remove", "Remove a theme of the workspace (or undo its changes to a shipped theme); then run `evident themes reanalyze`.") { db, id };
        command.SetAction((parse, cancellation) => CliWorkspace.RunAsync(parse, db, create: false, async (workspace, stdout, stderr) =>
        {
            string themeId = parse.GetValue(id)!.Trim();
            if (!await new WorkspaceTaxonomy(workspace).RemoveAsync(themeId, cancellation))
            {
                stderr.WriteLine($"error: {themeId}: the workspace has no theme (or change to a shipped theme) of this id");
                return ExitCodes.UsageOrInput;
            }

            stdout.WriteLine($"removed {themeId}; run `evident themes reanalyze` to take it out of the comments stored already");
            return ExitCodes.Success;
        }, cancellation));
        return command;
    }

    private static Command Reanalyze()
    {
        var db = DbOption.Create();
        var command = new Command("reanalyze", "Find the themes of every stored comment again with the taxonomy as it is now (continues a run that was stopped).") { db };
        command.SetAction((parse, cancellation) => CliWorkspace.RunAsync(parse, db, create: false, async (workspace, stdout, stderr) =>
        {
            var clock = Stopwatch.StartNew();
            var lastShown = TimeSpan.Zero;
            var reanalysis = new ThemeReanalysis(workspace)
            {
                Progress = state =>
                {
                    if (clock.Elapsed - lastShown >= TimeSpan.FromSeconds(2) && state.IsRunning)
                    {
                        lastShown = clock.Elapsed;
                        stderr.WriteLine($"{Count(state.Analysed)} of {Count(state.Total)} comments");
                    }
                },
            };
            try
            {
                var done = await reanalysis.RunAsync(Environment.UserName, cancellation);
                double seconds = clock.Elapsed.TotalSeconds;
                var (read, analyse, write, swap) = reanalysis.Seconds;
                stdout.WriteLine($"re-analysed {Count(done.Analysed)} comments for taxonomy version {done.TaxonomyVersion}: theme mentions {Count(done.RowsBefore)} before, {Count(done.RowsAfter ?? 0)} after");
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{seconds:0.0} s ({done.Analysed / Math.Max(seconds, 0.001):#,0} comments/s): read {read:0.0} s, analyse {analyse:0.0} s, write {write:0.0} s, last transaction {swap:0.0} s"));
                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("cancelled: the batches done are kept and the pages still show the themes from before; run it again to continue");
                return ExitCodes.Cancelled;
            }
        }, cancellation));
        return command;
    }

    private static async Task WriteStateAsync(Workspace workspace, TextWriter stderr, CancellationToken cancellation)
    {
        long version = await new WorkspaceTaxonomy(workspace).VersionAsync(cancellation);
        var state = await ThemeReanalysis.ReadStateAsync(workspace, cancellation);
        stderr.WriteLine(state switch
        {
            null when version == 0 => "the stored comments carry the shipped themes",
            { IsRunning: false } when state.TaxonomyVersion == version => $"the stored comments carry this taxonomy (version {version})",
            { IsRunning: true } => $"a re-analysis stopped before its end ({Count(state.Analysed)} of {Count(state.Total)}): run `evident themes reanalyze` to continue it",
            _ => $"the taxonomy (version {version}) changed since the stored comments were analysed: run `evident themes reanalyze`",
        });
    }

    /// <summary>", 2 exceptions" after a count of phrases; nothing when there are none.</summary>
    private static string Exceptions(int count) => count switch { 0 => "", 1 => ", 1 exception", _ => $", {count} exceptions" };

    /// <summary>Shipped fallback phrases: they name the theme only when no other theme is found (src/Evident.Text/Lexicons/README.md).</summary>
    private static string Fallbacks(int count) => count switch { 0 => "", 1 => ", 1 fallback", _ => $", {count} fallbacks" };

    private static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
