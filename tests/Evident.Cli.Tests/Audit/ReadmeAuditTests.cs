using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Audit;

/// <summary>The README's audit example is what the command prints for the shipped sample.</summary>
public sealed class ReadmeAuditTests
{
    private const string Command = "dotnet run --project src/Evident.Cli -- audit samples/posts.csv --last 100";

    [Fact]
    public async Task The_readme_shows_what_audit_prints_for_the_sample_posts()
    {
        string root = RepositoryRoot();
        string sample = Path.Combine(root, "samples", "posts.csv");

        var result = await CommandRunner.RunAsync(null, "audit", sample, "--last", "100");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string printed = result.Stdout.Replace(sample, "samples/posts.csv", StringComparison.Ordinal).TrimEnd();
        Assert.Equal(ShownAfter(File.ReadAllText(Path.Combine(root, "README.md")), Command), printed);
    }

    /// <summary>The code block that follows the one holding <paramref name="command"/>.</summary>
    private static string ShownAfter(string readme, string command)
    {
        int at = readme.IndexOf(command, StringComparison.Ordinal);
        Assert.True(at >= 0, $"README.md no longer shows `{command}`");
        int open = readme.IndexOf("```\n", readme.IndexOf("```", at, StringComparison.Ordinal) + 3, StringComparison.Ordinal) + 4;
        int close = readme.IndexOf("\n```", open, StringComparison.Ordinal);
        return readme[open..close];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Evident.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Evident.slnx above {AppContext.BaseDirectory}");
    }
}
