using System.Globalization;

namespace Evident.Core.Evidence;

public enum PeriodKind { Day, Week, Month }

/// <summary>Labels days by period: <c>2026-05-04</c>, ISO week <c>2026-W19</c>, month <c>2026-05</c>; labels sort in time order.</summary>
public static class Period
{
    /// <summary>Labels are asked for once per rollup row; a workspace spans a few thousand days, so they are kept.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly, PeriodKind), string> s_labels = new();

    public static string Label(DateOnly day, PeriodKind kind) => s_labels.GetOrAdd((day, kind), static key => Format(key.Item1, key.Item2));

    private static string Format(DateOnly day, PeriodKind kind) => kind switch
    {
        PeriodKind.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodKind.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}"),
        _ => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    public static PeriodKind Parse(string text) => text.ToLowerInvariant() switch
    {
        "day" => PeriodKind.Day,
        "week" => PeriodKind.Week,
        "month" => PeriodKind.Month,
        _ => throw new ArgumentException($"unknown period '{text}': day, week or month", nameof(text)),
    };
}
