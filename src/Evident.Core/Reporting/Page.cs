using Evident.Core.Evidence;

namespace Evident.Core.Reporting;

/// <summary>The frame of a report page: head, inline style for screen and print, title block.</summary>
internal static class Page
{
    private const string Style = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #0b62a4; --bad: #b42318; --good: #0f7b5a; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); max-width: 1100px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 21px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 40px; }
        h3 { font-size: 17px; margin-top: 24px; } h4 { font-size: 15px; margin: 16px 0 4px; }
        .meta, .note, .who { color: var(--muted); font-size: 13px; }
        table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 13.5px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #f0f4f8; font-weight: 600; } td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.spark { width: 110px; } td.spark svg { height: 24px; }
        .withheld, .ns { color: var(--muted); font-style: italic; } .sig { color: var(--ink); }
        .up { color: var(--good); } .down { color: var(--bad); }
        svg { max-width: 100%; height: auto; margin: 8px 0; }
        mark { background: #fde68a; padding: 0 1px; border-radius: 2px; }
        ul.verbatims { list-style: none; padding-left: 0; } ul.verbatims li { margin: 8px 0; padding: 6px 10px; border-left: 3px solid var(--line); }
        ol.findings li { margin: 6px 0; } .phrase { font-style: italic; }
        nav a { margin-right: 12px; font-size: 13px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; } nav { display: none; }
          section { break-before: page; } section#summary { break-before: auto; }
          table, svg, li { break-inside: avoid; } a { color: inherit; text-decoration: none; }
        }
        """;

    public static void Open(System.Text.StringBuilder html, string title, string workspace, EvidenceSet e, DateTimeOffset generatedAt)
    {
        string span = e.From is DateOnly from && e.To is DateOnly to ? $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}" : "no feedback yet";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append($"<title>{Html.Escape(title)}</title><style>{Style}</style></head><body>")
            .Append($"<header><h1>{Html.Escape(title)}</h1><p class=\"meta\">{Html.Escape(workspace)} · feedback from {span} · generated {generatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by Evident</p>")
            .Append("<nav><a href=\"#summary\">Summary</a><a href=\"#scorecard\">Scorecard</a><a href=\"#themes\">Themes</a><a href=\"#friction\">Friction</a><a href=\"#say-do\">Say vs do</a><a href=\"#employees\">Employees</a><a href=\"#rhetoric\">Rhetoric vs reality</a><a href=\"#replies\">Replies</a><a href=\"#verbatims\">Verbatims</a><a href=\"#method\">Method</a></nav></header>");
    }

    public static void Close(System.Text.StringBuilder html) => html.Append("</body></html>\n");
}
