namespace Evident.Core.Reporting.Charts;

/// <summary>How the charts read their input values.</summary>
internal static class ChartValues
{
    /// <summary>The value, or null when it is missing, NaN or infinite: all three are drawn as missing.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>The value at <paramref name="index"/> of an optional list, missing when the list is absent.</summary>
    public static double? At(IReadOnlyList<double?>? values, int index) => values is null ? null : Finite(values[index]);
}
