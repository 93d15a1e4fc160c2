using Evident.Text;

namespace Evident.Core.Audit;

/// <summary>
/// Audits what an organisation writes about itself: of its posts (or of the last n), how many take the customer's
/// perspective, speak of employees, listen, say thank you, push sales or promise vaguely; and whether they speak
/// about "we" or to "you". Counts posts, not matches.
/// </summary>
/// <remarks>
/// Streams: without <see cref="AuditOptions.Last"/> each post is analysed as it is added and only totals and the
/// first examples are kept; with it, only the last posts (or the most recent by time) are held until
/// <see cref="Finish"/>. Not thread-safe: one feed, one caller.
/// </remarks>
public sealed class FeedAudit
{
    /// <summary>The audit signals of the language engine, in the order they are reported.</summary>
    public static IReadOnlyList<string> SignalNames { get; } =
    [
        "customer-perspective", "employee-focus", "listening", "gratitude", "sales-pressure", "vague-commitment",
    ];

    /// <summary>What a signal says about a post, for people: "takes the customer's perspective".</summary>
    public static string Describe(string signal) => signal switch
    {
        "customer-perspective" => "takes the customer's perspective",
        "employee-focus" => "speaks of or to employees",
        "listening" => "listens: asks, hears, acts on feedback",
        "gratitude" => "says thank you",
        "sales-pressure" => "pushes sales",
        "vague-commitment" => "promises vaguely",
        _ => signal,
    };

    private readonly TextAnalyzer _analyzer;
    private readonly AuditTally _tally;
    private readonly IPostWindow? _window;
    private long _postsRead;
    private AuditResult? _result;

    /// <param name="analyzer">The language engine; <see cref="TextAnalyzer.Default"/> when <c>null</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="AuditOptions.Last"/> is below 1, or
    /// <see cref="AuditOptions.Examples"/> below 0.</exception>
    public FeedAudit(AuditOptions? options = null, TextAnalyzer? analyzer = null)
    {
        Options = options ?? AuditOptions.Default;
        if (Options.Last is { } last)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(last, 1, "options.Last");
            _window = Options.ByTime ? new MostRecentPosts(last) : new LastPosts(last);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Options.Examples, "options.Examples");
        _analyzer = analyzer ?? TextAnalyzer.Default;
        _tally = new AuditTally(Options.Examples);
    }

    public AuditOptions Options { get; }

    /// <summary>Adds the next post of the feed.</summary>
    /// <exception cref="ArgumentException">The audit keeps the most recent posts by time and <paramref name="post"/> has none.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Finish"/> was called.</exception>
    public void Add(AuditPost post)
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The audit is finished; start a new one.");
        }

        if (_window is null)
        {
            _tally.Add(post, _analyzer.Analyze(post.Text));
        }
        else
        {
            _window.Add(post);
        }

        _postsRead++;
    }

    /// <summary>Analyses the posts kept and returns the audit; later calls return the same result.</summary>
    public AuditResult Finish()
    {
        if (_result is null)
        {
            foreach (var post in _window?.InFeedOrder() ?? [])
            {
                _tally.Add(post, _analyzer.Analyze(post.Text));
            }

            _result = _tally.ToResult(_postsRead);
        }

        return _result;
    }

    /// <summary>Audits <paramref name="posts"/> in one call: a whole feed, or one text to check on the fly.</summary>
    public static AuditResult Run(IEnumerable<AuditPost> posts, AuditOptions? options = null, TextAnalyzer? analyzer = null)
    {
        var audit = new FeedAudit(options, analyzer);
        foreach (var post in posts)
        {
            audit.Add(post);
        }

        return audit.Finish();
    }
}
