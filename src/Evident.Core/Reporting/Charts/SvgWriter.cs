using System.Globalization;
using System.Text;

namespace Evident.Core.Reporting.Charts;

internal enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// Writes the elements of one chart. Every number goes through <see cref="SvgText.Number"/> and every text through
/// <see cref="SvgText.Escape"/>; the <c>attributes</c> arguments are fixed fragments written by the charts, never user text.
/// </summary>
internal sealed class SvgWriter
{
    private const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private readonly StringBuilder _body = new(4096);
    private readonly string _kind;
    private readonly double _width;
    private readonly string _title;
    private readonly string _description;

    public SvgWriter(string kind, double width, string title, string description)
    {
        _kind = kind;
        _width = width;
        _title = title;
        _description = description;
    }

    /// <summary>A small chart that says "no data", for empty input or series with no values.</summary>
    public static string NoData(string kind, string title, double width = 240, double height = 32)
    {
        var svg = new SvgWriter(kind + " ev-no-data", width, title, "No data.");
        svg.Rect(0.5, 0.5, width - 1, height - 1, "ev-no-data-frame", ChartPalette.Placeholder, $"stroke=\"{ChartPalette.PlaceholderEdge}\" stroke-dasharray=\"3 3\"");
        svg.Text(width / 2, (height / 2) + 4, "no data", "ev-no-data-text", TextAnchor.Middle, $"fill=\"{ChartPalette.Muted}\" font-size=\"{(height < 30 ? "10" : "12")}\"");
        return svg.Finish(height, fixedSize: true);
    }

    /// <summary>The whole <c>svg</c> element: sized to its container unless <paramref name="fixedSize"/> (for sparklines and notes).</summary>
    public string Finish(double height, bool fixedSize = false)
    {
        var svg = new StringBuilder(_body.Length + 512);
        svg.Append(s_invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(_width)} {N(height)}\"");
        svg.Append(fixedSize ? $" width=\"{N(_width)}\" height=\"{N(height)}\"" : " width=\"100%\"");
        svg.Append(s_invariant, $" role=\"img\" class=\"ev-chart ev-{_kind}\" font-family=\"{FontFamily}\" font-size=\"12\" fill=\"{ChartPalette.Ink}\">");
        svg.Append("<title>").Append(SvgText.Escape(_title)).Append("</title>");
        svg.Append("<desc>").Append(SvgText.Escape(_description)).Append("</desc>");
        svg.Append(_body);
        svg.Append("</svg>");
        return svg.ToString();
    }

    public void OpenGroup(string cssClass, string? tooltip = null)
    {
        _body.Append("<g class=\"").Append(cssClass).Append("\">");
        if (tooltip is not null)
        {
            _body.Append("<title>").Append(SvgText.Escape(tooltip)).Append("</title>");
        }
    }

    public void CloseGroup() => _body.Append("</g>");

    public void Rect(double x, double y, double width, double height, string cssClass, string fill, string? attributes = null, string? tooltip = null)
    {
        _body.Append(s_invariant, $"<rect class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\"");
        End("rect", attributes, tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string cssClass, string stroke, double strokeWidth = 1, string? dash = null)
    {
        _body.Append(s_invariant, $"<line class=\"{cssClass}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"");
        End("line", dash is null ? null : $"stroke-dasharray=\"{dash}\"", null);
    }

    public void Circle(double cx, double cy, double r, string cssClass, string fill, string? attributes = null, string? tooltip = null)
    {
        _body.Append(s_invariant, $"<circle class=\"{cssClass}\" cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\"");
        End("circle", attributes, tooltip);
    }

    public void Path(string cssClass, PathData data, string attributes, string? tooltip = null)
    {
        _body.Append("<path class=\"").Append(cssClass).Append("\" d=\"").Append(data.ToString()).Append('"');
        End("path", attributes, tooltip);
    }

    public void Text(double x, double y, string text, string cssClass, TextAnchor anchor = TextAnchor.Start, string? attributes = null)
    {
        _body.Append(s_invariant, $"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\"");
        if (anchor != TextAnchor.Start)
        {
            _body.Append(anchor == TextAnchor.Middle ? " text-anchor=\"middle\"" : " text-anchor=\"end\"");
        }

        if (attributes is not null)
        {
            _body.Append(' ').Append(attributes);
        }

        _body.Append('>').Append(SvgText.Escape(text)).Append("</text>");
    }

    /// <summary>
    /// A label cut to <paramref name="maxChars"/>; when cut, it is wrapped in a group whose title holds the whole text.
    /// </summary>
    public void Label(double x, double y, string text, int maxChars, string cssClass, TextAnchor anchor = TextAnchor.Start, string? attributes = null)
    {
        string shown = SvgText.Fit(text, maxChars);
        if (shown.Length == text.Length)
        {
            Text(x, y, text, cssClass, anchor, attributes);
            return;
        }

        OpenGroup("ev-cut", text);
        Text(x, y, shown, cssClass, anchor, attributes);
        CloseGroup();
    }

    /// <summary>
    /// A grey, hatched box that stands where a value would be when there is none to show, with a note such as "n &lt; 30".
    /// The hatching is drawn as lines clipped by hand, so the chart needs no pattern ids that could clash in a page.
    /// </summary>
    public void Placeholder(double x, double y, double width, double height, string note, string? tooltip)
    {
        OpenGroup("ev-placeholder", tooltip);
        Rect(x, y, width, height, "ev-placeholder-box", ChartPalette.Placeholder, $"stroke=\"{ChartPalette.PlaceholderEdge}\" stroke-dasharray=\"3 2\"");
        var hatch = new PathData();
        const double Spacing = 6;
        for (double c = -height + (Spacing / 2); c < width; c += Spacing)
        {
            // Lines rising to the right: u - v = c, with u across from the left edge and v up from the bottom edge.
            double v1 = Math.Max(0, -c);
            double v2 = Math.Min(height, width - c);
            hatch.MoveTo(x + c + v1, y + height - v1).LineTo(x + c + v2, y + height - v2);
        }

        Path("ev-placeholder-hatch", hatch, $"fill=\"none\" stroke=\"{ChartPalette.PlaceholderHatch}\" stroke-width=\"1\"");
        double noteWidth = SvgText.Width(note, 11) + 10;
        Rect(x + 4, y + (height / 2) - 7, noteWidth, 14, "ev-placeholder-note-back", ChartPalette.Placeholder);
        Text(x + 9, y + (height / 2) + 4, note, "ev-placeholder-note", TextAnchor.Start, $"fill=\"{ChartPalette.Muted}\" font-size=\"11\"");
        CloseGroup();
    }

    private void End(string element, string? attributes, string? tooltip)
    {
        if (attributes is not null)
        {
            _body.Append(' ').Append(attributes);
        }

        if (tooltip is null)
        {
            _body.Append("/>");
            return;
        }

        _body.Append("><title>").Append(SvgText.Escape(tooltip)).Append("</title></").Append(element).Append('>');
    }

    private static string N(double value) => SvgText.Number(value);
}

/// <summary>The <c>d</c> attribute of a path, built from move and line commands.</summary>
internal sealed class PathData
{
    private readonly StringBuilder _data = new();

    public bool IsEmpty => _data.Length == 0;

    public PathData MoveTo(double x, double y) => Command('M', x, y);

    public PathData LineTo(double x, double y) => Command('L', x, y);

    public PathData Close()
    {
        _data.Append('Z');
        return this;
    }

    public override string ToString() => _data.ToString();

    private PathData Command(char command, double x, double y)
    {
        _data.Append(command).Append(SvgText.Number(x)).Append(' ').Append(SvgText.Number(y));
        return this;
    }
}
