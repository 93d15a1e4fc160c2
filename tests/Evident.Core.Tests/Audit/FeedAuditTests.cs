using Evident.Core.Audit;
using Evident.Text;

namespace Evident.Core.Tests.Audit;

public sealed class FeedAuditTests
{
    private const string TwoThanks = "Thank you for coming. Thanks again, see you next year.";
    private const string SalesPush = "Buy now while stocks last.";
    private const string Plain = "Our new clinic opens on Monday.";
    private const string Thanks = "Thank you all for a wonderful evening.";

    private static readonly DateTimeOffset s_monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The audit signals the real engine finds in a text: what each test's posts are built on.</summary>
    private static string[] AuditSignals(string text) =>
        [.. TextAnalyzer.Default.Analyze(text).Signals.Select(s => s.Signal).Where(FeedAudit.SignalNames.Contains)];

    private static List<AuditPost> Posts(params string[] texts) => [.. texts.Select((text, i) => new AuditPost(text, i + 2))];

    [Fact]
    public void A_post_that_thanks_twice_counts_once()
    {
        var gratitude = Assert.Single(TextAnalyzer.Default.Analyze(TwoThanks).Signals, s => s.Signal == "gratitude");
        Assert.Equal(2, gratitude.Evidence.Count);

        var result = FeedAudit.Run(Posts(TwoThanks, Plain));

        Assert.Equal(2, result.Posts);
        Assert.Equal(1, result.Signal("gratitude").Count);
        Assert.Equal(0.5, result.Signal("gratitude").Rate);
        Assert.Equal(0, result.Signal("sales-pressure").Count);
    }

    [Fact]
    public void Signals_come_in_the_audit_order_and_reply_signals_are_left_out()
    {
        const string Apology = "Sorry for the delay, we will call you back today.";
        Assert.Contains(TextAnalyzer.Default.Analyze(Apology).Signals, s => s.Signal == "apology");

        var result = FeedAudit.Run(Posts(Apology, SalesPush));

        Assert.Equal(
            ["customer-perspective", "employee-focus", "listening", "gratitude", "sales-pressure", "vague-commitment"],
            result.Signals.Select(s => s.Signal));
        Assert.Equal(1, result.Signal("sales-pressure").Count);
        Assert.Throws<KeyNotFoundException>(() => result.Signal("apology"));
    }

    [Fact]
    public void Last_counts_only_the_last_n_posts_in_feed_order()
    {
        Assert.Equal(["sales-pressure"], AuditSignals(SalesPush));
        Assert.Equal(["gratitude"], AuditSignals(Thanks));
        var posts = Posts(SalesPush, SalesPush, Thanks, Plain, Thanks);

        var result = FeedAudit.Run(posts, new AuditOptions(Last: 3));

        Assert.Equal(3, result.Posts);
        Assert.Equal(5, result.PostsRead);
        Assert.Equal(0, result.Signal("sales-pressure").Count);
        Assert.Equal(2, result.Signal("gratitude").Count);
        Assert.Equal([4L, 6L], result.Signal("gratitude").Examples.Select(e => e.Line));
    }

    [Fact]
    public void Last_larger_than_the_feed_counts_every_post()
    {
        var result = FeedAudit.Run(Posts(SalesPush, Thanks), new AuditOptions(Last: 100));

        Assert.Equal(2, result.Posts);
        Assert.Equal(1, result.Signal("sales-pressure").Count);
        Assert.Equal(1, result.Signal("gratitude").Count);
    }

    [Fact]
    public void Last_by_time_keeps_the_most_recent_posts_when_the_feed_is_newest_first()
    {
        // Newest first, as social exports usually are: the last rows are the oldest posts.
        var posts = new List<AuditPost>
        {
            new(Thanks, 2, s_monday.AddDays(3)),
            new(Plain, 3, s_monday.AddDays(2)),
            new(SalesPush, 4, s_monday.AddDays(1)),
            new(SalesPush, 5, s_monday),
        };

        var result = FeedAudit.Run(posts, new AuditOptions(Last: 2, ByTime: true));

        Assert.Equal(2, result.Posts);
        Assert.Equal(0, result.Signal("sales-pressure").Count);
        Assert.Equal(1, result.Signal("gratitude").Count);
        Assert.Equal(2, Assert.Single(result.Signal("gratitude").Examples).Line);
    }

    [Fact]
    public void Last_by_time_keeps_the_most_recent_posts_in_any_order()
    {
        var posts = new List<AuditPost>
        {
            new(SalesPush, 2, s_monday.AddDays(1)),
            new(Thanks, 3, s_monday.AddDays(9)),
            new(SalesPush, 4, s_monday),
            new(Thanks, 5, s_monday.AddDays(7)),
            new(SalesPush, 6, s_monday.AddDays(2)),
            new(Plain, 7, s_monday.AddDays(8)),
        };

        var result = FeedAudit.Run(posts, new AuditOptions(Last: 3, ByTime: true));

        Assert.Equal(3, result.Posts);
        Assert.Equal(0, result.Signal("sales-pressure").Count);
        Assert.Equal(2, result.Signal("gratitude").Count);
        Assert.Equal([3L, 5L], result.Signal("gratitude").Examples.Select(e => e.Line));
    }

    [Fact]
    public void Among_posts_of_the_same_time_the_later_line_is_the_more_recent()
    {
        var posts = new List<AuditPost> { new(SalesPush, 2, s_monday), new(Thanks, 3, s_monday), new(SalesPush, 4, s_monday.AddDays(-1)) };

        var result = FeedAudit.Run(posts, new AuditOptions(Last: 1, ByTime: true));

        Assert.Equal(1, result.Signal("gratitude").Count);
        Assert.Equal(0, result.Signal("sales-pressure").Count);
    }

    [Fact]
    public void An_example_is_the_whole_sentence_holding_the_match()
    {
        const string Post = "We opened a new clinic. Your feedback shaped every room of it! See you there.";
        const string Owed = "The garden is in bloom. We owe you a lot for your help this week.";

        var result = FeedAudit.Run(Posts(Post, Owed));

        var listening = Assert.Single(result.Signal("listening").Examples);
        Assert.Equal(new AuditExample(2, "Your feedback shaped every room of it!", "Your feedback", 0), listening);
        var gratitude = Assert.Single(result.Signal("gratitude").Examples);
        Assert.Equal("We owe you a lot for your help this week.", gratitude.Sentence);
        Assert.Equal("We owe you", gratitude.Match);
        Assert.Equal(3, gratitude.Line);
    }

    [Fact]
    public void A_match_inside_a_sentence_is_found_at_its_place()
    {
        const string Post = "Everyone, thank you for a wonderful evening.";

        var example = Assert.Single(FeedAudit.Run(Posts(Post)).Signal("gratitude").Examples);

        Assert.Equal(Post, example.Sentence);
        Assert.Equal("thank you", example.Sentence.Substring(example.MatchStart, example.Match.Length));
        Assert.Equal(10, example.MatchStart);
    }

    [Fact]
    public void Examples_are_the_first_k_posts_in_feed_order()
    {
        var posts = Posts(Thanks, Plain, Thanks, Thanks, Thanks);

        var two = FeedAudit.Run(posts, new AuditOptions(Examples: 2));
        var none = FeedAudit.Run(posts, new AuditOptions(Examples: 0));

        Assert.Equal(4, two.Signal("gratitude").Count);
        Assert.Equal([2L, 4L], two.Signal("gratitude").Examples.Select(e => e.Line));
        Assert.Equal(4, none.Signal("gratitude").Count);
        Assert.Empty(none.Signal("gratitude").Examples);
    }

    [Fact]
    public void We_and_you_words_are_added_up_and_posts_sorted_by_which_is_more()
    {
        var result = FeedAudit.Run(Posts("We are proud of our new app.", "You can book in your app.", "Open today."));

        Assert.Equal(new WeYouFocus(We: 2, You: 2, YouFocusedPosts: 1, WeFocusedPosts: 1, YouFocusedShare: 1.0 / 3), result.WeYou);
    }

    [Fact]
    public void No_posts_give_zero_counts_and_rates()
    {
        var result = FeedAudit.Run([], new AuditOptions(Last: 10, ByTime: true));

        Assert.Equal(0, result.Posts);
        Assert.All(result.Signals, s => Assert.Equal((0L, 0.0), (s.Count, s.Rate)));
        Assert.Equal(new WeYouFocus(0, 0, 0, 0, 0), result.WeYou);
    }

    [Fact]
    public void Last_must_be_at_least_one_and_examples_not_negative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeedAudit(new AuditOptions(Last: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeedAudit(new AuditOptions(Examples: -1)));
    }

    [Fact]
    public void Keeping_the_most_recent_needs_each_post_s_time()
    {
        var audit = new FeedAudit(new AuditOptions(Last: 5, ByTime: true));

        var error = Assert.Throws<ArgumentException>(() => audit.Add(new AuditPost(Thanks, 7)));
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_is_final()
    {
        var audit = new FeedAudit();
        audit.Add(new AuditPost(Thanks, 2));

        var first = audit.Finish();

        Assert.Same(first, audit.Finish());
        Assert.Throws<InvalidOperationException>(() => audit.Add(new AuditPost(Thanks, 3)));
    }
}
