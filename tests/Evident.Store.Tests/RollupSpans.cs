using System.Data.Common;
using System.Globalization;
using Dapper;
using Evident.Store.Ingest;

namespace Evident.Store.Tests;

/// <summary>Checks feedback_rollup_span against feedback_rollup: each span row is the day rows of its span, summed.</summary>
internal static class RollupSpans
{
    private const string Columns =
        "CAST(day AS text) AS Day, source AS Source, subject AS Subject, segment AS Segment, channel AS Channel, theme AS Theme, score_kind AS ScoreKind, "
        + "CAST(n AS bigint) AS N, CAST(with_text AS bigint) AS WithText, score_sum AS ScoreSum, CAST(s0 AS bigint) AS S0, CAST(s10 AS bigint) AS S10, "
        + "CAST(negative AS bigint) AS Negative, theme_sentiment_sum AS ThemeSentiment, CAST(with_friction AS bigint) AS WithFriction";

    public static async Task AssertMatchDaysAsync(DbConnection connection)
    {
        var days = await connection.QueryAsync<Row>($"SELECT {Columns} FROM {Rollups.DayTable}");
        var spans = (await connection.QueryAsync<Row>($"SELECT {Columns} FROM {Rollups.SpanTable}")).ToList();
        var expected = days
            .GroupBy(r => r with
            {
                Day = Rollups.SpanStart(DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                N = 0, WithText = 0, ScoreSum = 0, S0 = 0, S10 = 0, Negative = 0, ThemeSentiment = 0, WithFriction = 0,
            })
            .Select(g => g.Key with
            {
                N = g.Sum(r => r.N), WithText = g.Sum(r => r.WithText), ScoreSum = g.Sum(r => r.ScoreSum), S0 = g.Sum(r => r.S0), S10 = g.Sum(r => r.S10),
                Negative = g.Sum(r => r.Negative), ThemeSentiment = g.Sum(r => r.ThemeSentiment), WithFriction = g.Sum(r => r.WithFriction),
            });
        Assert.NotEmpty(spans);
        Assert.True(spans.Count < days.Count(), $"{spans.Count} span rows for {days.Count()} day rows");
        Assert.Equal(Sorted(expected), Sorted(spans));
    }

    private static List<string> Sorted(IEnumerable<Row> rows) =>
        [.. rows.Select(r => FormattableString.Invariant(
                $"{r.Day} {r.Source} {r.Subject} {r.Segment} {r.Channel} {r.Theme} {r.ScoreKind}: {r.N} {r.WithText} {r.ScoreSum:0.######} {r.S0} {r.S10} {r.Negative} {r.ThemeSentiment:0.######} {r.WithFriction}"))
            .Order(StringComparer.Ordinal)];

    private sealed record Row(
        string Day, string Source, string Subject, string Segment, string Channel, string Theme, string ScoreKind,
        long N, long WithText, double ScoreSum, long S0, long S10, long Negative, double ThemeSentiment, long WithFriction);
}
