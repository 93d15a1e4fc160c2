using System.Globalization;
using Evident.Core.Audit;

namespace Evident.Cli.Audit;

/// <summary>An audit and what it was run on, as every format prints it.</summary>
/// <param name="File">The input as messages name it.</param>
/// <param name="DateColumn">The column that dated the posts, or <c>null</c> when they were taken in file order.</param>
/// <param name="Last">The <c>--last</c> asked for, or <c>null</c> for all posts.</param>
internal sealed record AuditReport(string File, string? DateColumn, int? Last, AuditResult Result)
{
    /// <summary>Which posts were counted, in one line: "the 20 most recent of 30 posts, by published_at".</summary>
    public string Scope()
    {
        long n = Result.Posts;
        long read = Result.PostsRead;
        string posts = read == 1 ? "post" : "posts";
        if (Last is null || n == read)
        {
            string all = read == 0 ? "no posts" : n == 1 ? "1 post" : $"all {n} posts";
            return DateColumn is null ? all : $"{all}, dated by {DateColumn}";
        }

        return DateColumn is null
            ? $"the last {n} of {read} {posts}, in file order (no date column)"
            : $"the {n} most recent of {read} {posts}, by {DateColumn}";
    }

    public static string Percent(double rate) => rate.ToString("0.0%", CultureInfo.InvariantCulture);

    /// <summary>The we/you balance in one sentence.</summary>
    public string WeYouSummary()
    {
        var weYou = Result.WeYou;
        return string.Create(CultureInfo.InvariantCulture,
            $"{weYou.We} we-words, {weYou.You} you-words; {weYou.YouFocusedPosts} of {Result.Posts} posts ({Percent(weYou.YouFocusedShare)}) "
            + $"speak more to \"you\" than about \"we\", {weYou.WeFocusedPosts} more about \"we\".");
    }
}
