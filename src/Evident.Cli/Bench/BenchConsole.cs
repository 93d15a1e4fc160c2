using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Evident.Cli.Bench;

/// <summary>How the bench verbs print: a table for a person, Markdown when redirected (it pastes into the docs), or JSON.</summary>
internal static class BenchConsole
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteJson<T>(TextWriter writer, T report) => writer.WriteLine(JsonSerializer.Serialize(report, s_json));

    /// <summary>Whether <see cref="WriteTable"/> writes Markdown to <paramref name="writer"/>: whenever it is not a terminal.</summary>
    public static bool WritesMarkdown(TextWriter writer) => !ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected;

    public static void WriteTable(TextWriter writer, Table table)
    {
        if (!WritesMarkdown(writer))
        {
            AnsiConsole.Write(table);
            return;
        }

        using var markdown = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(markdown),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;
        console.Write(table.Border(TableBorder.Markdown));

        // The Markdown border still draws an empty top and bottom edge of spaces.
        foreach (string line in markdown.ToString().Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                writer.WriteLine(line.TrimEnd());
            }
        }
    }
}
