using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests;

/// <summary>A group of commands given alone says which it takes, not only "Required command was not provided.".</summary>
public sealed class ProgramTests
{
    [Theory]
    [InlineData("", "evident takes one of: init, import, status, themes, metrics, report, brief, demo, serve, user, apikey, analyze, phrases, audit, bench (`evident --help` says what each does)")]
    [InlineData("themes", "evident themes takes one of: list, add, remove, reanalyze (`evident themes --help` says what each does)")]
    [InlineData("user", "evident user takes one of: add, list, password, remove")]
    public async Task A_group_alone_lists_its_commands(string arguments, string message)
    {
        var result = await CommandRunner.RunAsync(null, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_with_a_wrong_option_does_not_list_the_verbs()
    {
        var result = await CommandRunner.RunAsync(null, "metrics", "--by", "colour");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.DoesNotContain("takes one of", result.Stderr, StringComparison.Ordinal);
    }
}
