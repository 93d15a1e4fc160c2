using System.Runtime.CompilerServices;
using Evident.Core.Reporting;
using Evident.Store.Evidence;
using Evident.Text;

namespace Evident.Web.Data;

/// <summary>A comment as Voices shows it: the stored row, and its text as HTML with the spans behind its signals marked.</summary>
public sealed record Voice(VoiceRow Row, string MarkedText);

/// <summary>How many comments match, and the page of them asked for.</summary>
/// <param name="AtLeast">Whether the count stopped short: more comments match than <c>Count</c> (a PostgreSQL search).</param>
public sealed record VoicesPage(long Count, IReadOnlyList<Voice> Voices, bool AtLeast = false);

public sealed partial class EvidenceService
{
    /// <summary>What the filters offer: read from the rollup and kept like the other figures.</summary>
    public Task<VoicesChoices> VoicesChoicesAsync(CancellationToken cancellation) =>
        KeptAsync("voices-choices", (workspace, _, token) => new VoicesReader(workspace).ReadChoicesAsync(token), cancellation);

    /// <summary>
    /// The comments matching <paramref name="filter"/>, counted and read a page at a time. Not kept in memory: filters
    /// make too many combinations, and a comment just imported should show at once.
    /// </summary>
    public async Task<VoicesPage> VoicesAsync(VoicesFilter filter, long offset, int limit, CancellationToken cancellation)
    {
        await using var workspace = await OpenAsync(cancellation);
        var reader = new VoicesReader(workspace);
        // Counted past the page asked for, and past five hundred, but no further where counting costs a read per match.
        var (count, atLeast) = await reader.CountUpToAsync(filter, Math.Max(CountedAtLeast, offset + limit), cancellation);
        var rows = offset < count ? await reader.ReadPageAsync(filter, offset, limit, cancellation) : [];
        var analyzer = await AnalyzerAsync(cancellation);
        return new VoicesPage(count, [.. rows.Select(row => new Voice(row, MarkSignals(analyzer, row.Text)))], atLeast);
    }

    /// <summary>How far Voices counts a PostgreSQL search's matches at least (see <see cref="VoicesReader.CountUpToAsync"/>).</summary>
    public const long CountedAtLeast = 500;

    /// <summary>The newest <paramref name="limit"/> matching comments, read from the workspace as they are written out.</summary>
    public async IAsyncEnumerable<VoiceRow> StreamVoicesAsync(VoicesFilter filter, int limit, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var workspace = await OpenAsync(cancellation);
        await foreach (var row in new VoicesReader(workspace).StreamAsync(filter, limit, cancellation))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The text escaped, with the spans of its themes, friction and emotions marked. The store keeps which signals a
    /// comment carries, not where: the analyser is deterministic, so running it again finds the same spans.
    /// </summary>
    public string MarkSignals(string text) => MarkSignals(Analyzer, text);

    private static string MarkSignals(TextAnalyzer analyzer, string text)
    {
        var analysis = analyzer.Analyze(text);
        var spans = new List<HighlightSpan>();
        foreach (var theme in analysis.Themes)
        {
            string label = "theme: " + theme.Id + (theme.Learnt ? " (learnt from the words; no phrase named it)" : "");
            spans.AddRange(theme.Evidence.Select(e => new HighlightSpan(e.Span.Start, e.Span.Length, label)));
        }

        foreach (var friction in analysis.Friction)
        {
            spans.AddRange(friction.Evidence.Select(e => new HighlightSpan(e.Span.Start, e.Span.Length, "friction: " + friction.Kind)));
        }

        foreach (var emotion in analysis.Emotions)
        {
            spans.AddRange(emotion.Evidence.Select(e => new HighlightSpan(e.Span.Start, e.Span.Length, "emotion: " + emotion.Emotion)));
        }

        return Html.Highlight(text, spans);
    }
}
