using System.Globalization;
using System.Text;
using Evident.Core.Audit;
using static System.Net.WebUtility;

namespace Evident.Cli.Audit;

/// <summary>
/// The audit as one self-contained page: inline CSS, no scripts, nothing fetched, fit to print. Everything that comes
/// from the input (its name, column names, sentences) is HTML-encoded; the matched words are marked.
/// </summary>
internal static class AuditHtml
{
    private const string Style = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
        .scope { color: #555; margin: 0 0 1.5rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: .5rem .6rem; border-bottom: 1px solid #ddd; }
        thead th { border-bottom: 2px solid #999; font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: #444; }
        tbody th { font-weight: 600; white-space: nowrap; }
        tbody th small { display: block; font-weight: normal; color: #666; white-space: normal; }
        td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .bar { height: .45rem; background: #e6e6e6; margin-top: .3rem; }
        .bar span { display: block; height: 100%; background: #3b6fc4; }
        ul { margin: 0; padding-left: 1.1rem; }
        li + li { margin-top: .35rem; }
        mark { background: #ffe38a; color: inherit; padding: 0 .1em; }
        .line { color: #777; font-size: .85em; white-space: nowrap; }
        .none { color: #999; }
        footer { margin-top: 2rem; color: #777; font-size: .85rem; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10.5pt; }
          tr { break-inside: avoid; }
          .bar, .bar span, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;

    public static string Write(AuditReport report)
    {
        var result = report.Result;
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Audit of ").Append(HtmlEncode(report.File)).Append(" · Evident</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n")
            .Append("<h1>Audit of ").Append(HtmlEncode(report.File)).Append("</h1>\n")
            .Append("<p class=\"scope\">").Append(HtmlEncode(Capitalised(report.Scope()))).Append(".</p>\n")
            .Append("<table>\n<thead><tr><th>signal</th><th>posts</th><th>rate</th><th>examples</th></tr></thead>\n<tbody>\n");
        foreach (var signal in result.Signals)
        {
            AppendSignal(html, signal);
        }

        html.Append("</tbody>\n</table>\n<h2>We or you</h2>\n<p>").Append(HtmlEncode(report.WeYouSummary())).Append("</p>\n")
            .Append("<footer>Counts are of posts, not of matches: a post that thanks twice counts once. Made by Evident.</footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSignal(StringBuilder html, SignalTally signal)
    {
        string percent = AuditReport.Percent(signal.Rate);
        html.Append("<tr><th scope=\"row\">").Append(HtmlEncode(signal.Signal))
            .Append("<small>").Append(HtmlEncode(FeedAudit.Describe(signal.Signal))).Append("</small></th>")
            .Append("<td class=\"number\">").Append(signal.Count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td>")
            .Append("<td class=\"number\">").Append(percent)
            .Append(CultureInfo.InvariantCulture, $"<div class=\"bar\"><span style=\"width: {signal.Rate * 100:0.#}%\"></span></div></td><td>");
        if (signal.Examples.Count == 0)
        {
            html.Append("<span class=\"none\">none</span>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var example in signal.Examples)
            {
                AppendExample(html, example);
            }

            html.Append("</ul>");
        }

        html.Append("</td></tr>\n");
    }

    private static void AppendExample(StringBuilder html, AuditExample example)
    {
        string sentence = example.Sentence;
        int start = example.MatchStart;
        int end = start + example.Match.Length;
        html.Append("<li>").Append(HtmlEncode(sentence[..start]))
            .Append("<mark>").Append(HtmlEncode(sentence[start..end])).Append("</mark>")
            .Append(HtmlEncode(sentence[end..]))
            .Append(CultureInfo.InvariantCulture, $" <span class=\"line\">line {example.Line}</span></li>");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
