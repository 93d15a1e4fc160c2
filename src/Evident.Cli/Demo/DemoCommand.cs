using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Evident.Cli.Report;
using Evident.Core.Demo;
using Evident.Core.Evidence;
using Evident.Core.Ingest;
using Evident.Core.Metrics;
using Evident.Core.Reporting;
using Evident.Cli.Serve;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Security;

namespace Evident.Cli.Demo;

/// <summary>
/// <c>evident demo</c>: writes a year of a made-up clinic group's data (docs/demo.md), imports it through the same
/// import every user runs, and writes the evidence report and the brief, so a newcomer sees the whole product at once.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder for the demo: its data files (data/), workspace (evident.db), report.html and brief.html. Rebuilt on every run.",
            DefaultValueFactory = _ => "evident-demo",
            HelpName = "DIR",
        };
        var scale = new Option<double>("--scale")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"Size of the organisation: 1 is about 25,000 survey answers and 40,000 contacts in a year ({DemoOptions.MinScale}–{DemoOptions.MaxScale})."),
            DefaultValueFactory = _ => 1.0,
        }.Number(value => value is >= DemoOptions.MinScale and <= DemoOptions.MaxScale,
            string.Create(CultureInfo.InvariantCulture, $"--scale must be from {DemoOptions.MinScale} to {DemoOptions.MaxScale}."));
        var seed = new Option<int>("--seed") { Description = "Another seed gives another, equally plausible year.", DefaultValueFactory = _ => DemoOptions.DefaultSeed }.WholeNumber();
        var noServe = new Option<bool>("--no-serve") { Description = "Stop once the workspace and the report are written, instead of serving the dashboard." };
        var urls = new Option<string>("--urls")
        {
            Description = $"Where the dashboard listens (default {ServeCommand.DefaultUrl}).",
            DefaultValueFactory = _ => ServeCommand.DefaultUrl,
        };
        ServeCommand.CheckUrls(urls);
        var command = new Command("demo", "Build a demo workspace from a made-up clinic group's year (surveys, calls, visits, posts, employee pulses), "
            + "write its evidence report, and serve its dashboard.")
        {
            output, scale, seed, noServe, urls,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new DemoOptions(parse.GetValue(seed), parse.GetValue(scale));
            if (options.Problem() is { } problem)
            {
                stderr.WriteLine($"error: {problem}");
                return ExitCodes.UsageOrInput;
            }

            if (!parse.GetValue(noServe) && ServeCommand.AddressInUse(parse.GetRequiredValue(urls)) is { } inUse)
            {
                // Said before the demo is built, not after its seconds of work
                stderr.WriteLine($"error: {inUse}, or --no-serve to build the demo without serving it");
                return ExitCodes.UsageOrInput;
            }

            string folder = Path.GetFullPath(parse.GetRequiredValue(output));
            string database = Path.Combine(folder, StoreLocation.DefaultFile);
            var clock = Stopwatch.StartNew();
            try
            {
                Directory.CreateDirectory(folder);
                foreach (string stale in (string[])[database, database + "-wal", database + "-shm"])
                {
                    File.Delete(stale);
                }

                var files = DemoOrganisation.WriteFiles(Path.Combine(folder, "data"), options);
                stdout.WriteLine($"{DemoOrganisation.Name}: wrote {files.Count} files ({files.Sum(f => f.Rows):N0} rows) into {Path.Combine(folder, "data")}");
                foreach (var file in files)
                {
                    string[] import = ["import", file.Path, "--kind", file.Kind.Name(), "--source", file.Source, "--db", database];
                    int exit = await Program.RunAsync(Program.CreateRootCommand(), import, parse.InvocationConfiguration, cancellation);
                    if (exit != ExitCodes.Success)
                    {
                        stderr.WriteLine($"error: importing {file.Path} failed (exit {exit}); the demo stops here");
                        return exit;
                    }
                }

                var location = StoreLocation.Resolve(database);
                string report = await ReportCommand.WriteAsync(location, Path.Combine(folder, "report.html"), MetricOptions.Default, PeriodKind.Month,
                    EvidenceReport.Render, null, notice: null, cancellation); // the demo's workspace was just built: nothing set aside
                string brief = await ReportCommand.WriteAsync(location, Path.Combine(folder, "brief.html"), MetricOptions.Default, PeriodKind.Month,
                    Brief.Html, evidence => stdout.Write(Brief.Text(evidence)), notice: null, cancellation);
                stdout.WriteLine();
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo ready in {clock.Elapsed.TotalSeconds:0.0} s:"));
                stdout.WriteLine($"  workspace  {database}");
                stdout.WriteLine($"  report     {report}");
                stdout.WriteLine($"  brief      {brief}");
                stdout.WriteLine($"explore it:  evident metrics --db {Quote(database)} --by source --period month");
                if (parse.GetValue(noServe))
                {
                    return ExitCodes.Success;
                }

                // The demo's first login: an admin with a password made for this run (the workspace is rebuilt every run).
                string password = Passwords.Generate();
                await using (var workspace = await Workspace.OpenAsync(location, create: false, cancellation))
                {
                    await new AccessStore(workspace).AddUserAsync(DemoAdmin, Passwords.Hash(password), Roles.Admin, null, cancellation);
                }

                stdout.WriteLine();
                return await ServeCommand.RunAsync(location, parse.GetValue(urls)!, stdout, $"Sign in as {DemoAdmin} with the password {password}", cancellation);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or StoreException)
            {
                stderr.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    /// <summary>The demo's first login (its password is printed at each run).</summary>
    public const string DemoAdmin = "admin@northfield.example";

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
