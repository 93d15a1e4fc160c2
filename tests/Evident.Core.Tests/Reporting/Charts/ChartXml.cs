using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Evident.Core.Tests.Reporting.Charts;

/// <summary>Reads a chart's SVG back as XML, so that tests look at shapes rather than at strings.</summary>
internal sealed class ChartXml
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private ChartXml(XElement root) => Root = root;

    public XElement Root { get; }

    /// <summary>Parses the chart; fails the test when it is not well-formed XML.</summary>
    public static ChartXml Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        return new ChartXml(root);
    }

    /// <summary>Elements whose class list holds <paramref name="cssClass"/>, in document order.</summary>
    public IReadOnlyList<XElement> WithClass(string cssClass) => WithClass(Root, cssClass);

    public static IReadOnlyList<XElement> WithClass(XElement scope, string cssClass) =>
        scope.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true).ToList();

    /// <summary>The text elements showing exactly <paramref name="text"/>.</summary>
    public IReadOnlyList<XElement> Texts(string text) =>
        Root.Descendants(Svg + "text").Where(e => e.Value == text).ToList();

    public XElement Text(string text) => Assert.Single(Texts(text));

    /// <summary>The one value label (class ev-value) showing <paramref name="text"/>.</summary>
    public XElement ValueLabel(string text) => Assert.Single(WithClass("ev-value"), e => e.Value == text);

    public string Title => Root.Element(Svg + "title")!.Value;

    public string Description => Root.Element(Svg + "desc")!.Value;

    /// <summary>The points of a path made of M and L commands.</summary>
    public static IReadOnlyList<(double X, double Y)> PathPoints(XElement path) =>
        Regex.Matches((string)path.Attribute("d")!, @"[ML](-?[0-9.]+) (-?[0-9.]+)")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();

    public static double Number(XElement element, string attribute) =>
        double.Parse((string?)element.Attribute(attribute) ?? throw new Xunit.Sdk.XunitException($"no {attribute} on {element}"),
            NumberStyles.Float, CultureInfo.InvariantCulture);
}
