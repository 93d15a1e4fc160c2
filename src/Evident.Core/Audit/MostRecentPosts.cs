namespace Evident.Core.Audit;

/// <summary>
/// The most recent posts by time, whatever order they come in: a heap of at most <c>capacity</c> posts whose root is
/// the oldest kept, so a newer post replaces it. Between posts of the same time, the later line is the more recent.
/// </summary>
internal sealed class MostRecentPosts(int capacity) : IPostWindow
{
    private readonly PriorityQueue<AuditPost, (DateTimeOffset Time, long Line)> _heap = new();

    public void Add(in AuditPost post)
    {
        if (post.Time is not { } time)
        {
            throw new ArgumentException($"The post at line {post.Line} has no time; the most recent posts are chosen by time.", nameof(post));
        }

        var key = (time, post.Line);
        if (_heap.Count < capacity)
        {
            _heap.Enqueue(post, key);
        }
        else if (_heap.TryPeek(out _, out var oldest) && key.CompareTo(oldest) > 0)
        {
            _heap.DequeueEnqueue(post, key);
        }
    }

    /// <summary>The posts kept, in file order (by line), as they would be read.</summary>
    public IEnumerable<AuditPost> InFeedOrder()
    {
        var posts = new AuditPost[_heap.Count];
        int n = 0;
        foreach (var (post, _) in _heap.UnorderedItems)
        {
            posts[n++] = post;
        }

        Array.Sort(posts, static (a, b) => a.Line.CompareTo(b.Line));
        return posts;
    }
}
