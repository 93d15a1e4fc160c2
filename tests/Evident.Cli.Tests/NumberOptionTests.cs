using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests;

/// <summary>
/// A number option given a value that is not a number of its kind, or one its rule refuses, is a usage error in words
/// that name the option and the value: no .NET type, and no unhandled exception (an option with a rule had thrown
/// System.CommandLine's InvalidOperationException with its stack, dotnet/command-line-api#2645).
/// </summary>
public sealed class NumberOptionTests
{
    [Theory]
    [InlineData("metrics --anonymity abc", "--anonymity takes a whole number, not 'abc'.")]
    [InlineData("metrics --min-n 2.5", "--min-n takes a whole number, not '2.5'.")]
    [InlineData("metrics --min-n 0", "--min-n must be at least 1")]
    [InlineData("report --min-n x", "--min-n takes a whole number, not 'x'.")]
    [InlineData("brief --anonymity 2", "--anonymity is never below 3")]
    [InlineData("import f.csv --batch-size 99999999999", "--batch-size must be from 1 to 1,000,000.")]
    [InlineData("import f.csv --batch-size ten", "--batch-size takes a whole number, not 'ten'.")]
    [InlineData("demo --seed abc", "--seed takes a whole number, not 'abc'.")]
    [InlineData("demo --scale 1e999", "--scale must be from 0.01 to 100.")]
    [InlineData("demo --scale NaN", "--scale takes a number, not 'NaN'.")]
    [InlineData("demo --scale 0.001", "--scale must be from 0.01 to 100.")]
    [InlineData("audit f.csv --last abc", "--last takes a whole number, not 'abc'.")]
    [InlineData("audit f.csv --examples -1", "--examples must be 0 or more.")]
    [InlineData("phrases f.csv --min-texts many", "--min-texts takes a whole number, not 'many'.")]
    [InlineData("bench text f.txt --seconds 0", "--seconds must be more than 0 and at most 3600.")]
    [InlineData("bench text f.txt --rounds 1000", "--rounds must be at least 1 and at most 100.")]
    [InlineData("bench query --iterations 0", "--iterations must be at least 1.")]
    [InlineData("bench web --rows -5", "--rows must be at least 1.")]
    public async Task A_value_that_does_not_read_or_is_refused_is_a_usage_error_naming_it(string arguments, string message)
    {
        var result = await CommandRunner.RunAsync(null, arguments.Split(' '));

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }
}
