using System.Globalization;
using System.Text;
using Evident.Bench.Import;
using Evident.Core.Input;
using Evident.Text;

namespace Evident.Cli.Tests.Bench;

public sealed class SyntheticFeedbackTests
{
    private const int ManyRows = 20_000;

    private static readonly Lazy<byte[]> s_many = new(() => Write(ManyRows, 42));

    private static readonly Lazy<List<string[]>> s_manyParsed = new(() => Parse(s_many.Value));

    [Fact]
    public void Writes_the_header_then_one_line_per_row_with_lf_endings_and_no_byte_order_mark()
    {
        byte[] csv = Write(1_000, seed: 7);

        string text = Encoding.UTF8.GetString(csv);
        Assert.StartsWith("id,date,score,comment,segment\n", text, StringComparison.Ordinal);
        Assert.Equal((byte)'i', csv[0]);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.Equal(1_001, text.Count(c => c == '\n'));
        Assert.Equal(1_000, Parse(csv).Count);
    }

    [Fact]
    public void Returns_the_bytes_written_and_leaves_the_stream_open()
    {
        using var stream = new MemoryStream();

        long bytes = SyntheticFeedback.WriteCsv(stream, 500);

        Assert.True(stream.CanWrite);
        Assert.Equal(stream.Length, bytes);
    }

    [Fact]
    public void Zero_rows_is_the_header_alone_and_a_negative_count_is_refused()
    {
        Assert.Equal("id,date,score,comment,segment\n", Encoding.UTF8.GetString(Write(0, 42)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticFeedback.WriteCsv(Stream.Null, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticFeedback.Rows(-1));
    }

    [Fact]
    public void Ids_are_unique_and_count_up_from_S0000001()
    {
        var ids = s_manyParsed.Value.Select(row => row[0]).ToList();

        Assert.Equal("S0000001", ids[0]);
        Assert.Equal("S0020000", ids[^1]);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("S12345678", SyntheticFeedback.Id(12_345_678));
    }

    [Fact]
    public void Every_date_is_an_iso_utc_second_in_2025_and_the_year_is_covered()
    {
        var months = new HashSet<int>();
        foreach (string[] row in s_manyParsed.Value)
        {
            Assert.True(
                DateTime.TryParseExact(row[1], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date),
                $"date {row[1]}");
            Assert.Equal(2025, date.Year);
            months.Add(date.Month);
        }

        Assert.Equal(12, months.Count);
    }

    [Fact]
    public void Scores_are_nps_answers_with_about_half_promoters_and_a_quarter_each_passives_and_detractors()
    {
        var scores = s_manyParsed.Value.Select(row => int.Parse(row[2], NumberStyles.None, CultureInfo.InvariantCulture)).ToList();

        Assert.All(scores, score => Assert.InRange(score, 0, 10));
        Assert.Equal(11, scores.Distinct().Count());
        Assert.InRange(Share(scores, s => s >= 9), 0.45, 0.55);
        Assert.InRange(Share(scores, s => s is 7 or 8), 0.20, 0.30);
        Assert.InRange(Share(scores, s => s <= 6), 0.20, 0.30);
    }

    [Fact]
    public void Segments_are_the_known_few_with_uneven_shares()
    {
        var counts = s_manyParsed.Value.GroupBy(row => row[4]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(SyntheticFeedback.Segments.Order(), counts.Keys.Order());
        Assert.True(counts.Values.Max() > 3 * counts.Values.Min(), string.Join(", ", counts));
    }

    [Fact]
    public void Quoted_comments_with_commas_and_doubled_quotes_read_back_as_the_rows_generated()
    {
        var expected = SyntheticFeedback.Rows(ManyRows).ToList();
        var parsed = s_manyParsed.Value;

        Assert.Equal(expected.Count, parsed.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var row = expected[i];
            Assert.Equal(
                [row.Id, row.Date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    row.Score.ToString(CultureInfo.InvariantCulture), row.Comment, row.Segment],
                parsed[i]);
        }

        // The file must exercise the quoting: commas, quotes inside comments, and non-ASCII (emoji).
        Assert.Contains(expected, row => row.Comment.Contains(',', StringComparison.Ordinal));
        Assert.Contains(expected, row => row.Comment.Contains('"', StringComparison.Ordinal));
        Assert.True(s_many.Value.AsSpan().IndexOf("\"\""u8) >= 0, "no doubled quote in the file");
        Assert.InRange(Share(expected, row => row.Comment.Any(char.IsSurrogate)), 0.002, 0.06);
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        byte[] first = Write(3_000, seed: 11);
        byte[] again = Write(3_000, seed: 11);
        byte[] other = Write(3_000, seed: 12);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(s_many.Value, Write(ManyRows, 42));
    }

    [Fact]
    public void Comments_are_varied_and_of_realistic_length()
    {
        var comments = s_manyParsed.Value.Select(row => row[3]).ToList();

        Assert.True(SyntheticFeedback.TemplateCount >= 200, $"{SyntheticFeedback.TemplateCount} templates");
        Assert.True(comments.Distinct(StringComparer.Ordinal).Count() > 0.8 * comments.Count, "too many repeated comments");
        Assert.All(comments, comment => Assert.InRange(comment.Length, 10, 500));
        Assert.InRange(comments.Average(comment => comment.Length), 80, 160);
        Assert.DoesNotContain(comments, comment => comment.Contains('{', StringComparison.Ordinal) || comment.Contains("  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Tone_follows_the_score_as_the_analyser_reads_it()
    {
        var analyzer = TextAnalyzer.Default;
        var rated = SyntheticFeedback.Rows(5_000, seed: 3)
            .Select(row => (row.Score, Sentiment: analyzer.ScoreSentiment(row.Comment)))
            .Select(r => (r.Score, r.Sentiment.Label, r.Sentiment.Compound))
            .ToList();

        double negativeMean = rated.Where(r => r.Label == SentimentLabel.Negative).Average(r => r.Score);
        double positiveMean = rated.Where(r => r.Label == SentimentLabel.Positive).Average(r => r.Score);
        Assert.True(positiveMean - negativeMean > 2.5, $"mean score {negativeMean:F2} when read negative, {positiveMean:F2} when positive");

        double detractors = rated.Where(r => r.Score <= 6).Average(r => r.Compound);
        double passives = rated.Where(r => r.Score is 7 or 8).Average(r => r.Compound);
        double promoters = rated.Where(r => r.Score >= 9).Average(r => r.Compound);
        Assert.True(detractors < -0.2 && detractors < passives && passives < promoters && promoters > 0.3,
            $"mean compound: detractors {detractors:F2}, passives {passives:F2}, promoters {promoters:F2}");
    }

    [Fact]
    public void Comments_touch_many_cx_themes()
    {
        var analyzer = TextAnalyzer.Default;
        var themes = SyntheticFeedback.Rows(3_000)
            .SelectMany(row => analyzer.Analyze(row.Comment).Themes)
            .Select(theme => theme.Id)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(themes.Count >= 18, $"themes: {string.Join(", ", themes)}");
        Assert.Superset(
            new HashSet<string>(["wait-time", "delay", "cancellation", "billing", "refund", "staff-attitude", "delivery", "automated-phone"]),
            themes);
    }

    private static byte[] Write(int rows, int seed)
    {
        using var stream = new MemoryStream();
        SyntheticFeedback.WriteCsv(stream, rows, seed);
        return stream.ToArray();
    }

    private static List<string[]> Parse(byte[] csv)
    {
        Assert.True(InputFile.TryOpen(new MemoryStream(csv), "x.csv", InputFormat.Csv, out var reader, out string? problem), problem);
        using (reader)
        {
            Assert.Equal(["id", "date", "score", "comment", "segment"], reader.Columns);
            var rows = new List<string[]>();
            while (reader.TryRead(out var row))
            {
                Assert.Null(row.Error);
                Assert.Equal(5, row.Fields.Count);
                rows.Add([.. row.Fields.Select(field => field ?? throw new InvalidOperationException("a CSV field came back null"))]);
            }
            return rows;
        }
    }

    private static double Share<T>(List<T> values, Func<T, bool> predicate) => (double)values.Count(predicate) / values.Count;
}
