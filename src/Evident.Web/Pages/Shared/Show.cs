using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Evident.Core.Metrics;
using Microsoft.AspNetCore.Html;

namespace Evident.Web.Pages.Shared;

/// <summary>How figures read on the pages: one decimal where it matters, the interval beside, "—" when withheld.</summary>
public static class Show
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Value(double? value, string format = "0.0") => value is double v ? v.ToString(format, Invariant) : "—";

    public static string Interval(Estimate estimate, string format = "0.0") =>
        estimate is { Low: double low, High: double high } ? $"[{low.ToString(format, Invariant)}, {high.ToString(format, Invariant)}]" : "";

    public static string WithSign(double value, string format = "0.0") => (value > 0 ? "+" : "") + value.ToString(format, Invariant);

    public static string Count(long n) => n.ToString("#,0", Invariant);

    public static string Seconds(double? seconds) => seconds switch
    {
        null => "—",
        < 120 => $"{seconds.Value.ToString("0", Invariant)} s",
        < 7200 => $"{(seconds.Value / 60).ToString("0.0", Invariant)} min",
        _ => $"{(seconds.Value / 3600).ToString("0.0", Invariant)} h",
    };

    /// <summary>A change, with whether it is significant at 5 %.</summary>
    public static string Change(Difference? difference, string format = "0.0") => difference is Difference d
        ? WithSign(d.Delta, format) + (d.Significant ? " (significant)" : " (within noise)")
        : "";
}

/// <summary>
/// A chart drawn by Chart.js (assets/charts.js): a canvas, and the chart's data in a JSON block beside it. The data
/// is serialised by System.Text.Json, which escapes &lt;, &gt; and &amp;, so nothing in a label can close the block.
/// </summary>
public static class ChartBlock
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <param name="description">What the chart shows: its caption, and what a screen reader says of it.</param>
    /// <param name="caption">False where a heading above the chart already says what it shows.</param>
    public static IHtmlContent Render(string id, string description, ChartSpec spec, bool caption = true)
    {
        string json = JsonSerializer.Serialize(spec, Json);
        string safeId = System.Net.WebUtility.HtmlEncode(id);
        string text = System.Net.WebUtility.HtmlEncode(description);
        return new HtmlString(
            "<figure class=\"chart\">" + (caption ? $"<figcaption>{text}</figcaption>" : "")
            + $"<div class=\"chart-area\"><canvas data-chart=\"{safeId}\" role=\"img\" aria-label=\"{text}\"></canvas></div>"
            + $"<script type=\"application/json\" id=\"{safeId}\">{json}</script></figure>");
    }
}

/// <summary>What charts.js draws: <c>line</c> (with an interval band when a series has low/high), <c>bar</c>, <c>hbar</c>, <c>scatter</c>.</summary>
public sealed record ChartSpec(string Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    public string? Unit { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>scatter: the axis titles.</summary>
    public string? XTitle { get; init; }

    public string? YTitle { get; init; }

    /// <summary>Where a click on bar i (or point i) goes.</summary>
    public IReadOnlyList<string>? Links { get; init; }
}

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values)
{
    public IReadOnlyList<double?>? Low { get; init; }

    public IReadOnlyList<double?>? High { get; init; }

    /// <summary>scatter: the x of each point (Values are the y).</summary>
    public IReadOnlyList<double?>? X { get; init; }
}
