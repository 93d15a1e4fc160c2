using Evident.Core.Records;
using Evident.Store.Ingest;
using Evident.Text;

namespace Evident.Store.Tests.Ingest;

/// <summary>The in-memory rollup sums against the same groups summed plainly, over thousands of groups.</summary>
public sealed class FeedbackRollupTests
{
    [Fact]
    public void Sums_per_group_match_the_records_added_and_not_taken_out_again()
    {
        var records = Records(6_000);
        var rollup = new FeedbackRollup();
        foreach (var record in records)
        {
            rollup.Add(record);
        }

        var takenOut = records.Where((_, i) => i % 5 == 0).ToList(); // as the writer does with rows it found stored
        foreach (var record in takenOut)
        {
            rollup.Remove(record);
        }

        var kept = records.Except(takenOut).ToList();
        var expected = Expected(kept);
        var actual = rollup.NonEmpty().ToDictionary(g => g.Key, g => g.Value);

        Assert.True(expected.Count > 2_000, "thousands of groups, as a real import has");
        Assert.True(rollup.Count > expected.Count, "groups whose records were all taken out are counted, not written");
        AssertSameSums(expected, actual);

        // per span: the same rows, grouped by the span's first day
        var bySpan = rollup.BySpan();
        Assert.Equal(kept.Count, bySpan.Where(g => g.Key.Theme.Length == 0).Sum(g => g.Value.N));
        Assert.Equal(
            expected.Where(g => g.Key.Theme.Length > 0).Sum(g => g.Value.N),
            bySpan.Where(g => g.Key.Theme.Length > 0).Sum(g => g.Value.N));
    }

    [Fact]
    public void A_taxonomy_with_more_themes_than_a_block_holds_sums_them_all()
    {
        // A workspace may add themes: past the 64 numbers a day's block of rows holds, a group gets a row of its own.
        var records = Records(3_000, Enumerable.Range(0, 150).Select(i => "theme-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        var rollup = new FeedbackRollup();
        foreach (var record in records)
        {
            rollup.Add(record);
        }

        var expected = Expected(records);
        var actual = rollup.NonEmpty().ToDictionary(g => g.Key, g => g.Value);
        Assert.True(expected.Keys.Select(k => k.Theme).Distinct().Count() > 100, "themes numbered past a block");
        Assert.Equal(expected.Count, rollup.Count);
        AssertSameSums(expected, actual);
    }

    [Fact]
    public void Days_and_contexts_past_the_blocks_made_are_summed_group_by_group()
    {
        // Ten blocks at most: the other day and context pairs of 6,000 comments over a year have a row per group.
        var records = Records(6_000);
        var rollup = new FeedbackRollup(maxBlocks: 10);
        foreach (var record in records)
        {
            rollup.Add(record);
        }

        foreach (var record in records.Where((_, i) => i % 3 == 0))
        {
            rollup.Remove(record);
        }

        var kept = records.Where((_, i) => i % 3 != 0).ToList();
        var expected = Expected(kept);
        var actual = rollup.NonEmpty().ToDictionary(g => g.Key, g => g.Value);
        AssertSameSums(expected, actual);
    }

    /// <summary>The same groups, each with the records' count (all with text), score, sentiment and aspect sums, and sevens.</summary>
    private static void AssertSameSums(
        Dictionary<RollupKey, (long N, double ScoreSum, double SentimentSum, double ThemeSentimentSum, long Sevens)> expected,
        Dictionary<RollupKey, RollupSums> actual)
    {
        Assert.Equal(expected.Keys.OrderBy(k => k.ToString()), actual.Keys.OrderBy(k => k.ToString()));
        foreach (var (key, (n, scoreSum, sentimentSum, themeSentimentSum, sevens)) in expected)
        {
            var sums = actual[key];
            Assert.Equal((n, n, sevens), (sums.N, sums.WithText, sums.Distribution[7]));
            Assert.Equal(scoreSum, sums.ScoreSum, 9);
            Assert.Equal(sentimentSum, sums.SentimentSum, 9);
            Assert.Equal(themeSentimentSum, sums.ThemeSentimentSum, 9);
        }
    }

    private static List<FeedbackRecord> Records(int count, string[]? themeIds = null)
    {
        var random = new Random(11);
        string[] segments = ["retail", "online", "", "branch"];
        string[] channels = ["phone", "", "chat"];
        string[] themes = themeIds ?? ["wait-time", "billing", "refund", "delivery", "staff-attitude", "digital-self-service"];
        var records = new List<FeedbackRecord>(count);
        for (int i = 0; i < count; i++)
        {
            var found = themes.Where(_ => random.Next(3) == 0).Select(t => new ThemeScore(t, Math.Round(random.NextDouble() - 0.5, 3))).ToArray();
            records.Add(new FeedbackRecord
            {
                Source = i % 7 == 0 ? "survey" : "web",
                ExternalId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CreatedAt = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(random.Next(365)),
                ScoreKind = "nps",
                Score = random.Next(11),
                Segment = segments[random.Next(segments.Length)] is { Length: > 0 } segment ? segment : null,
                Channel = channels[random.Next(channels.Length)] is { Length: > 0 } channel ? channel : null,
                Text = "text",
                Analysis = new TextSummary
                {
                    Sentiment = new SentimentScore(Math.Round(random.NextDouble() * 2 - 1, 3), 0.2, 0.6, 0.2),
                    Themes = found,
                    Friction = random.Next(4) == 0 ? [new FrictionKind("wait", 20)] : [],
                },
            });
        }

        return records;
    }

    /// <summary>The groups as the rollup's contract states them: every row once under theme '' with its channel, and once
    /// under each theme and friction kind with channel ''.</summary>
    private static Dictionary<RollupKey, (long N, double ScoreSum, double SentimentSum, double ThemeSentimentSum, long Sevens)> Expected(
        List<FeedbackRecord> records)
    {
        var rows = records.SelectMany(r =>
        {
            var day = DateOnly.FromDateTime(r.CreatedAt.UtcDateTime);
            var all = new RollupKey(day, r.Source, r.Subject, r.Segment ?? "", r.Channel ?? "", "", r.ScoreKind ?? "");
            var themed = all with { Channel = "" };
            return new[] { (Key: all, Record: r, ThemeSentiment: 0.0) }
                .Concat(r.Analysis!.Themes.Select(t => (Key: themed with { Theme = t.Theme }, Record: r, ThemeSentiment: t.Sentiment)))
                .Concat(r.Analysis.Friction.Select(f => (Key: themed with { Theme = FeedbackRollup.FrictionPrefix + f.Kind }, Record: r, ThemeSentiment: r.Analysis.Sentiment.Compound)));
        });
        return rows.GroupBy(x => x.Key).ToDictionary(
            g => g.Key,
            g => ((long)g.Count(), g.Sum(x => x.Record.Score!.Value), g.Sum(x => x.Record.Analysis!.Sentiment.Compound), g.Sum(x => x.ThemeSentiment),
                (long)g.Count(x => x.Record.Score == 7)));
    }
}
