using System.Text;
using Evident.Core.Evidence;
using Evident.Core.Reporting.Charts;
using static Evident.Core.Reporting.ReportFormat;

namespace Evident.Core.Reporting;

/// <summary>
/// The one-page voice-of-the-customer brief for a planning meeting: the five biggest pains, each with its size, its
/// trend and three customers' own words. As HTML (one printed page) or as plain text for the terminal.
/// </summary>
public static class Brief
{
    public static string Html(EvidenceSet e, string workspace, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder(64 * 1024);
        Page.Open(html, "The voice of the customer: five biggest pains", workspace, e, generatedAt);
        var pains = Findings.Pains(e);
        if (pains.Count == 0)
        {
            html.Append("<p>No negative theme has enough comments yet.</p>");
        }

        int rank = 1;
        foreach (var pain in pains)
        {
            var topic = pain.Topic;
            html.Append($"<section class=\"pain\"><h2>{rank++}. {Reporting.Html.Escape(pain.Name)}</h2>")
                .Append($"<p><strong>Size</strong>: {Count(topic.Mentions)} comments, {Reporting.Html.Escape(Estimate(topic.Share, "0.0", " %"))} of all comments; sentiment {Number(topic.Sentiment, "0.00")}")
                .Append(topic.NpsImpact.MoveWithout is double move && topic.NpsImpact.Significant ? $"; costs {Number(move)} NPS points" : "")
                .Append($". <strong>Trend</strong>: {Reporting.Html.Escape(Findings.Trend(topic))}.</p>")
                .Append(SvgCharts.Sparkline(new SparklineChart(pain.Name + " share of comments by period", [.. topic.Trend.Select(t => t.Share.Value)])))
                .Append("<ul class=\"verbatims\">");
            foreach (var verbatim in pain.Verbatims.Take(3))
            {
                html.Append("<li>").Append(EvidenceReport.VerbatimHtml(verbatim, topic.Key)).Append("</li>");
            }

            html.Append("</ul></section>");
        }

        html.Append("<style>section.pain { break-before: auto; } section.pain h2 { margin-top: 18px; } body { font-size: 14px; } svg { max-height: 28px; width: 160px; }</style>");
        Page.Close(html);
        return html.ToString();
    }

    public static string Text(EvidenceSet e)
    {
        var text = new StringBuilder();
        int rank = 1;
        foreach (var pain in Findings.Pains(e))
        {
            var topic = pain.Topic;
            text.AppendLine($"{rank++}. {pain.Name}: {Count(topic.Mentions)} comments ({Percent(topic.Share.Value)}), sentiment {Number(topic.Sentiment, "0.00")}; {Findings.Trend(topic)}");
            foreach (var verbatim in pain.Verbatims.Take(3))
            {
                string said = verbatim.Row.Text ?? "";
                text.AppendLine($"   “{(said.Length > 160 ? said[..157] + "…" : said)}”");
            }
        }

        return text.Length == 0 ? "No negative theme has enough comments yet.\n" : text.ToString();
    }
}
