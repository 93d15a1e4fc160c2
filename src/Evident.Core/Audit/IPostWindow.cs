namespace Evident.Core.Audit;

/// <summary>Which posts an audit with <see cref="AuditOptions.Last"/> keeps until the end.</summary>
internal interface IPostWindow
{
    void Add(in AuditPost post);

    IEnumerable<AuditPost> InFeedOrder();
}
