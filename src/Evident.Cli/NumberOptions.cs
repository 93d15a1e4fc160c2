using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Evident.Cli;

/// <summary>
/// Number options read by one parser that says, in words, what it expected ("--min-n takes a whole number, not 'abc'")
/// and checks the option's rule on the value it read. Two things System.CommandLine does not: its own message names a
/// .NET type ("… as expected type 'System.Int32'"), and it runs an option's validators even when the value did not
/// convert, where reading the value throws (dotnet/command-line-api#2645): `--min-n abc` and `--batch-size 99999999999`
/// ended in an unhandled exception with its stack. The parser runs only for a value given on the command line; a
/// default stands as it is.
/// </summary>
internal static class NumberOptions
{
    /// <summary>Reads the option as a whole number; one for which <paramref name="rule"/> is false is refused with <paramref name="refusal"/>.</summary>
    public static Option<int> WholeNumber(this Option<int> option, Func<int, bool>? rule = null, string? refusal = null)
    {
        option.CustomParser = result => Read(option.Name, result, "a whole number", TryWhole, rule, refusal);
        return option;
    }

    /// <inheritdoc cref="WholeNumber(Option{int}, Func{int, bool}?, string?)"/>
    public static Option<int?> WholeNumber(this Option<int?> option, Func<int, bool>? rule = null, string? refusal = null)
    {
        option.CustomParser = result => Read(option.Name, result, "a whole number", TryWhole, rule, refusal);
        return option;
    }

    /// <summary>Reads the option as a number (a decimal point allowed); one for which <paramref name="rule"/> is false is refused with <paramref name="refusal"/>.</summary>
    public static Option<double> Number(this Option<double> option, Func<double, bool>? rule = null, string? refusal = null)
    {
        option.CustomParser = result => Read(option.Name, result, "a number", TryNumber, rule, refusal);
        return option;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static bool TryWhole(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A number too large for its option (99999999999 for a whole number, 1e999), which the option's rule
    /// refuses in its own words better than "takes a whole number".</summary>
    private static bool TooLarge(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
        && (double.IsInfinity(value) || Math.Abs(value) > int.MaxValue && value == Math.Floor(value));

    private static T Read<T>(string name, ArgumentResult result, string expected, TryParse<T> parse, Func<T, bool>? rule, string? refusal)
        where T : struct
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (!parse(text, out T value))
        {
            result.AddError(TooLarge(text) && refusal is not null ? refusal
                : text.Length == 0 ? $"{name} takes {expected}."
                : $"{name} takes {expected}, not '{text}'.");
            return default;
        }

        if (rule is not null && !rule(value))
        {
            result.AddError(refusal ?? $"{name} cannot be {text}.");
        }

        return value;
    }
}
