using System.Net;
using System.Text;

namespace Evident.Core.Reporting;

/// <summary>A stretch of a text to highlight, in UTF-16 code units, with the reason shown on hover.</summary>
public readonly record struct HighlightSpan(int Start, int Length, string Title);

/// <summary>User text written into the report's HTML: always escaped.</summary>
public static class Html
{
    /// <summary>Escapes text for HTML content or a quoted attribute value.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// The text escaped, with each span wrapped in <c>&lt;mark title="…"&gt;</c>. Spans may come in any order; spans that
    /// overlap are merged into one mark whose title lists their titles; spans reaching outside the text are cut to it,
    /// and no span splits a surrogate pair.
    /// </summary>
    public static string Highlight(string text, IEnumerable<HighlightSpan> spans)
    {
        var marks = Merge(text, spans);
        var html = new StringBuilder(text.Length + (marks.Count * 32));
        int position = 0;
        foreach (var (start, end, titles) in marks)
        {
            html.Append(Escape(text[position..start]));
            html.Append(titles.Count == 0 ? "<mark>" : $"<mark title=\"{Escape(string.Join("; ", titles))}\">");
            html.Append(Escape(text[start..end])).Append("</mark>");
            position = end;
        }

        return html.Append(Escape(text[position..])).ToString();
    }

    private static List<(int Start, int End, List<string> Titles)> Merge(string text, IEnumerable<HighlightSpan> spans)
    {
        var cut = new List<(int Start, int End, string Title)>();
        foreach (var span in spans)
        {
            int start = Math.Clamp(span.Start, 0, text.Length);
            int end = (int)Math.Clamp((long)span.Start + Math.Max(0, span.Length), start, text.Length);
            if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]))
            {
                start--;
            }

            if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            if (end > start)
            {
                cut.Add((start, end, span.Title));
            }
        }

        cut.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<(int Start, int End, List<string> Titles)>();
        foreach (var (start, end, title) in cut)
        {
            if (merged.Count > 0 && start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.End, end), last.Titles);
                AddTitle(last.Titles, title);
            }
            else
            {
                var titles = new List<string>();
                AddTitle(titles, title);
                merged.Add((start, end, titles));
            }
        }

        return merged;
    }

    private static void AddTitle(List<string> titles, string? title)
    {
        if (!string.IsNullOrEmpty(title) && !titles.Contains(title))
        {
            titles.Add(title);
        }
    }
}
