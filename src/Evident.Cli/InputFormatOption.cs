using System.CommandLine;
using Evident.Core.Input;

namespace Evident.Cli;

/// <summary>The <c>--format</c> option of every verb that reads an input file (<c>--input-format</c> where
/// <c>--format</c> names the output's format).</summary>
public static class InputFormatOption
{
    private static readonly string[] s_names = ["auto", "csv", "tsv", "json", "jsonl", "lines", "xlsx"];

    public static Option<string> Create(string description, string name = "--format")
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, s_names);
        return option;
    }

    /// <param name="name">One of the names the option accepts, in any case.</param>
    public static InputFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "csv" => InputFormat.Csv,
        "tsv" => InputFormat.Tsv,
        "json" => InputFormat.JsonArray,
        "jsonl" => InputFormat.JsonLines,
        "lines" => InputFormat.Lines,
        "xlsx" => InputFormat.Excel,
        _ => InputFormat.Auto,
    };

    /// <summary>The name the option takes for <paramref name="format"/>: <see cref="Parse"/> read backwards.</summary>
    public static string Name(InputFormat format) => s_names.First(name => Parse(name) == format);
}
