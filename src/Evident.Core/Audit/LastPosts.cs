namespace Evident.Core.Audit;

/// <summary>The last posts added, in a ring that grows only as far as it needs to.</summary>
internal sealed class LastPosts(int capacity) : IPostWindow
{
    private readonly List<AuditPost> _posts = [];
    private int _oldest;

    public void Add(in AuditPost post)
    {
        if (_posts.Count < capacity)
        {
            _posts.Add(post);
            return;
        }

        _posts[_oldest] = post;
        _oldest = (_oldest + 1) % capacity;
    }

    public IEnumerable<AuditPost> InFeedOrder()
    {
        for (int i = 0; i < _posts.Count; i++)
        {
            yield return _posts[(_oldest + i) % _posts.Count];
        }
    }
}
