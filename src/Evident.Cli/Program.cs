using System.CommandLine;
using System.CommandLine.Invocation;
using Evident.Cli.Analyze;
using Evident.Cli.Audit;
using Evident.Cli.Bench;
using Evident.Cli.Import;
using Evident.Cli.Phrases;
using Evident.Cli.Status;

namespace Evident.Cli;

public static class Program
{
    public static Task<int> Main(string[] args)
    {
        YoungGeneration.Ensure(args); // may start the process again, in place, with a larger gen0 budget
        return RunAsync(CreateRootCommand(), args, new InvocationConfiguration());
    }

    /// <summary>The <c>evident</c> command with all its verbs; a new verb is one more line here.</summary>
    public static RootCommand CreateRootCommand() => new("Evident: evidence of how customer-centric an organisation really is.")
    {
        InitCommand.Create(),
        ImportCommand.Create(),
        StatusCommand.Create(),
        Themes.ThemesCommand.Create(),
        Metrics.MetricsCommand.Create(),
        Report.ReportCommand.CreateReport(),
        Report.ReportCommand.CreateBrief(),
        Demo.DemoCommand.Create(),
        Serve.ServeCommand.Create(),
        Serve.UserCommand.Create(),
        Serve.ApiKeyCommand.Create(),
        AnalyzeCommand.Create(),
        PhrasesCommand.Create(),
        AuditCommand.Create(),
        BenchCommand.Create(),
    };

    /// <summary>Parses and runs <paramref name="args"/>; what tests call in place of the process.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args, InvocationConfiguration configuration, CancellationToken cancellation = default)
    {
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction parseError)
        {
            parseError.ShowHelp = false; // standard output may be a JSON pipe; the errors on stderr say what is wrong
        }

        int exitCode = await parse.InvokeAsync(configuration, cancellation);
        if (parse.Errors.Count > 0 && parse.CommandResult.Command is { Action: null, Subcommands.Count: > 0 } group)
        {
            // `evident` or `evident themes` alone: "Required command was not provided." says nothing of what to type
            configuration.Error.WriteLine($"{CommandPath(parse.CommandResult)} takes one of: {string.Join(", ", group.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))} "
                + $"(`{CommandPath(parse.CommandResult)} --help` says what each does)");
        }

        return parse.Errors.Count > 0 ? ExitCodes.UsageOrInput : exitCode;
    }

    /// <summary>"evident themes" for the themes group: the words that reached <paramref name="result"/>.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, current.Parent is null ? "evident" : current.Command.Name);
        }

        return string.Join(' ', names);
    }
}
