using Dapper;

namespace Evident.Store.Tests;

/// <summary>The rollup's score buckets computed in SQL (a theme re-analysis, sums by team) as the import counts them.</summary>
public sealed class ScoreBucketTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_score_is_rounded_half_away_from_zero_and_clamped_to_0_10(string dialect)
    {
        Skip.If(StoreTarget.SkipReason(dialect) is not null, StoreTarget.SkipReason(dialect));
        await using var target = await StoreTarget.CreateAsync(dialect);
        await using var workspace = await Workspace.OpenAsync(target.Location);
        double[] scores = [0, 0.5, 1.49, 2.5, 3.5, 4.4, 4.5, 4.6, 7.5, 9.5, 10, 10.4, 11, -0.5, -3, 1e12];
        var connection = workspace.Connection;
        await connection.ExecuteAsync("CREATE TEMP TABLE scores (score double precision)");
        foreach (double score in scores)
        {
            await connection.ExecuteAsync("INSERT INTO scores VALUES (@score)", new { score });
        }

        var buckets = await connection.QueryAsync<(double Score, int Bucket)>($"SELECT score, {workspace.Dialect.ScoreBucket("score")} FROM scores");

        // As FeedbackRollup counts a score at import; a half to even (PostgreSQL's round of a double) would put 2.5 in 2.
        Assert.All(buckets, b => Assert.Equal(Math.Clamp((int)Math.Clamp(Math.Round(b.Score, MidpointRounding.AwayFromZero), -1, 11), 0, 10), b.Bucket));
        Assert.Equal(scores.Length, buckets.Count());
    }
}
