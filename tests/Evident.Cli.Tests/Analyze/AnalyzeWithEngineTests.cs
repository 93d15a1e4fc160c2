namespace Evident.Cli.Tests.Analyze;

/// <summary>The command over the real language engine.</summary>
public sealed class AnalyzeWithEngineTests
{
    [Fact]
    public async Task A_clearly_negative_comment_is_labelled_negative_and_rows_keep_their_order()
    {
        using var folder = new TempFolder();
        string path = folder.Write("survey.csv",
            "id,comment\n" +
            "1,The agent was wonderful and fixed it in minutes\n" +
            "2,I was on hold for 40 minutes and nobody helped\n" +
            "3,\"Two lines,\nstill one comment\"\n");

        var result = await CommandRunner.RunAsync(null, "analyze", path);
        var lines = result.JsonLines();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal([0, 1, 2], lines.Select(line => line.GetProperty("row").GetInt32()));
        Assert.Equal("negative", lines[1].GetProperty("sentiment").GetProperty("label").GetString());
    }
}
