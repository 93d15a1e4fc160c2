using System.Globalization;
using Evident.Core.Metrics;

namespace Evident.Core.Reporting;

/// <summary>How figures are written in the report and the brief: invariant culture, units, "too few" in place of a number.</summary>
public static class ReportFormat
{
    public static string Number(double? value, string format = "0.0") =>
        value is double v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string WithSign(double? value, string format = "0.0") =>
        value is double v && double.IsFinite(v) ? (v > 0 ? "+" : "") + v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Percent(double? value) => value is double v ? Number(v, "0.0") + " %" : "—";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The value with its interval, or why it is not shown.</summary>
    public static string Estimate(Estimate estimate, string format = "0.0", string unit = "") => estimate.Value is double v
        ? $"{v.ToString(format, CultureInfo.InvariantCulture)}{unit} ({Number(estimate.Low, format)} … {Number(estimate.High, format)})"
        : estimate.Withheld ?? "—";

    public static string Duration(double? seconds) => seconds switch
    {
        null => "—",
        double s when !double.IsFinite(s) => "—",
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#} d"),
    };

    /// <summary>"p = 0.003" or "p &lt; 0.001".</summary>
    public static string P(double p) => p < 0.001 ? "p < 0.001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.000}");
}
