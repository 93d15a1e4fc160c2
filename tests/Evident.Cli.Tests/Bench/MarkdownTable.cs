namespace Evident.Cli.Tests.Bench;

/// <summary>The rows of the Markdown table the bench verbs print when their output is not a terminal.</summary>
internal static class MarkdownTable
{
    /// <returns>The header cells, then one list of cells per data row.</returns>
    public static (string[] Header, List<string[]> Rows) Parse(string output)
    {
        var lines = output.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith('|')).ToList();
        Assert.True(lines.Count >= 2, $"no Markdown table in:\n{output}");
        return (Cells(lines[0]), lines.Skip(2).Select(Cells).ToList());
    }

    private static string[] Cells(string line) => [.. line.Trim('|').Split('|').Select(cell => cell.Trim())];
}
