using System.Collections.Concurrent;
using Evident.Text;

namespace Evident.Store.Taxonomy;

/// <summary>
/// The language engine as a workspace uses it: the shipped lexicons and taxonomy, extended by the workspace's own
/// themes. Building one takes a fraction of a second, so each is built once and shared by everything that asks with the
/// same themes (imports, pages, re-analysis); a workspace without themes of its own gets <see cref="TextAnalyzer.Default"/>.
/// </summary>
public static class WorkspaceAnalyzer
{
    // A server serves one workspace; tests and tools open a few. A handful of taxonomies is plenty.
    private const int MaxKept = 8;

    private static readonly ConcurrentDictionary<string, Lazy<TextAnalyzer>> s_built = new(StringComparer.Ordinal);

    /// <summary>The analyser for the workspace's taxonomy as it is now.</summary>
    public static async Task<TextAnalyzer> LoadAsync(Workspace workspace, CancellationToken cancellation = default) =>
        For(await new WorkspaceTaxonomy(workspace).LoadAsync(cancellation));

    /// <summary>The analyser for <paramref name="themes"/>, built on first use.</summary>
    public static TextAnalyzer For(WorkspaceThemes themes)
    {
        if (themes.Extension is not { } extension)
        {
            return TextAnalyzer.Default;
        }

        if (s_built.Count >= MaxKept)
        {
            s_built.Clear();
        }

        return s_built.GetOrAdd(themes.Fingerprint, _ => new Lazy<TextAnalyzer>(() => new TextAnalyzer(LexiconSet.LoadEmbedded(extension)))).Value;
    }

    /// <summary>Builds (and keeps) the analyser for <paramref name="themes"/>; why it cannot be built, or null when it can.</summary>
    internal static string? TryBuild(WorkspaceThemes themes)
    {
        try
        {
            For(themes);
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            s_built.TryRemove(themes.Fingerprint, out _);
            return $"the engine cannot load the taxonomy with this theme: {exception.Message}";
        }
    }
}
