namespace Evident.Core.Audit;

/// <summary>What an audit of a feed found: how many of its posts carry each signal, and how they speak.</summary>
/// <param name="Posts">n: the posts counted.</param>
/// <param name="PostsRead">The posts given to the audit, before only the last ones were kept.</param>
/// <param name="Signals">One tally per signal of <see cref="FeedAudit.SignalNames"/>, in that order.</param>
public sealed record AuditResult(long Posts, long PostsRead, IReadOnlyList<SignalTally> Signals, WeYouFocus WeYou)
{
    /// <summary>The tally of one signal, by its name.</summary>
    /// <exception cref="KeyNotFoundException">The name is not one of <see cref="FeedAudit.SignalNames"/>.</exception>
    public SignalTally Signal(string name)
    {
        foreach (var tally in Signals)
        {
            if (tally.Signal == name)
            {
                return tally;
            }
        }

        throw new KeyNotFoundException($"\"{name}\" is not an audit signal; they are {string.Join(", ", FeedAudit.SignalNames)}");
    }
}

/// <param name="Count">How many posts carry the signal at least once (a post that thanks twice counts once).</param>
/// <param name="Rate"><see cref="Count"/> / n, or 0 when there are no posts.</param>
/// <param name="Examples">The first posts carrying the signal, in feed order, one sentence each.</param>
public sealed record SignalTally(string Signal, long Count, double Rate, IReadOnlyList<AuditExample> Examples);

/// <summary>The sentence of a post in which a signal was found.</summary>
/// <param name="Line">The post's <see cref="AuditPost.Line"/>.</param>
/// <param name="Sentence">The whole sentence holding the match, trimmed.</param>
/// <param name="Match">The words that matched, as written.</param>
/// <param name="MatchStart">Where <paramref name="Match"/> starts in <paramref name="Sentence"/>.</param>
public sealed record AuditExample(long Line, string Sentence, string Match, int MatchStart);

/// <summary>Whether the posts speak about the organisation ("we", "our") or to their reader ("you", "your").</summary>
/// <param name="We">First-person-plural words in all posts.</param>
/// <param name="You">Second-person words in all posts.</param>
/// <param name="YouFocusedPosts">Posts with more you-words than we-words.</param>
/// <param name="WeFocusedPosts">Posts with more we-words than you-words.</param>
/// <param name="YouFocusedShare"><paramref name="YouFocusedPosts"/> / n, or 0 when there are no posts.</param>
public readonly record struct WeYouFocus(long We, long You, long YouFocusedPosts, long WeFocusedPosts, double YouFocusedShare);
