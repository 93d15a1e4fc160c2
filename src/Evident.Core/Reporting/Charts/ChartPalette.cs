using System.Globalization;

namespace Evident.Core.Reporting.Charts;

/// <summary>
/// The colours of every chart, chosen to stay apart in greyscale print and for colour-blind readers
/// (the series colours follow the Okabe–Ito set, darkened for text contrast).
/// </summary>
internal static class ChartPalette
{
    public const string Ink = "#1f2328";
    public const string Muted = "#57606a";
    public const string Grid = "#e1e4e8";
    public const string Axis = "#8c959f";
    public const string Zero = "#24292f";
    public const string Bar = "#7ea6d8";
    public const string BarHighlight = "#1c4f8a";
    public const string Placeholder = "#f3f4f6";
    public const string PlaceholderEdge = "#9ca3af";
    public const string PlaceholderHatch = "#cfd4da";
    public const string Emphasis = "#fcefe6";
    public const string Paper = "#ffffff";

    /// <summary>Lines and points, one colour per series, in order.</summary>
    public static readonly string[] Series = ["#0b62a4", "#c2410c", "#0f7b5a", "#a23b84", "#8a6a00", "#4b5563"];

    /// <summary>Parts of a stacked bar, in order: for three parts a detractor red, a passive grey, a promoter blue.</summary>
    public static readonly string[] Parts = ["#c2410c", "#b8bec6", "#0b62a4", "#0f7b5a", "#a23b84", "#8a6a00"];

    /// <summary>Dash patterns that tell series apart without colour.</summary>
    public static readonly string?[] Dashes = [null, "7 4", "2 3", "9 3 2 3"];

    public static string SeriesColour(int index) => Series[index % Series.Length];

    public static string PartColour(int index) => Parts[index % Parts.Length];

    public static string? Dash(int index) => Dashes[index % Dashes.Length];

    /// <summary>Ink or white, whichever reads better on <paramref name="fill"/> (a #rrggbb colour).</summary>
    public static string TextOn(string fill)
    {
        int rgb = int.Parse(fill.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        double luminance = (0.2126 * Linear(rgb >> 16)) + (0.7152 * Linear((rgb >> 8) & 0xFF)) + (0.0722 * Linear(rgb & 0xFF));
        return luminance > 0.35 ? Ink : Paper;
    }

    private static double Linear(int channel)
    {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
