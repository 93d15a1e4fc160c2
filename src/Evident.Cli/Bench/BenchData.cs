namespace Evident.Cli.Bench;

/// <summary>
/// Finds the evaluation corpora for <c>evident bench accuracy</c>. Only the benchmark looks for them: the product
/// never reads anything outside its own files and the inputs it is given.
/// </summary>
public static class BenchData
{
    /// <summary>
    /// The first <c>shared/data</c> folder holding <c>vader/</c> or <c>uci-sentences/</c>, in <paramref name="start"/>
    /// or a folder above it (so <c>../shared/data</c> from a checkout beside <c>shared/</c>); <c>null</c> when none is.
    /// </summary>
    public static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "vader")) || Directory.Exists(Path.Combine(candidate, "uci-sentences")))
            {
                return candidate;
            }
        }

        return null;
    }
}
