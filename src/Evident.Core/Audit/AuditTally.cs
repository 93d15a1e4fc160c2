using Evident.Text;

namespace Evident.Core.Audit;

/// <summary>Adds up the analyses of the posts counted, one at a time, keeping only totals and the first examples.</summary>
internal sealed class AuditTally
{
    private readonly int _maxExamples;
    private readonly long[] _counts = new long[FeedAudit.SignalNames.Count];
    private readonly List<AuditExample>[] _examples = new List<AuditExample>[FeedAudit.SignalNames.Count];
    private long _posts;
    private long _we;
    private long _you;
    private long _youFocused;
    private long _weFocused;

    public AuditTally(int maxExamples)
    {
        _maxExamples = maxExamples;
        for (int s = 0; s < _examples.Length; s++)
        {
            _examples[s] = [];
        }
    }

    public void Add(in AuditPost post, TextAnalysis analysis)
    {
        _posts++;
        int seen = 0; // one bit per signal: a post counts once however often it thanks
        foreach (var hit in analysis.Signals)
        {
            int s = IndexOf(hit.Signal);
            if (s < 0 || hit.Evidence.Count == 0 || (seen & (1 << s)) != 0)
            {
                continue;
            }

            seen |= 1 << s;
            _counts[s]++;
            if (_examples[s].Count < _maxExamples)
            {
                _examples[s].Add(Example(post, analysis.Sentences, hit.Evidence[0].Span));
            }
        }

        var perspective = analysis.Perspective;
        _we += perspective.We;
        _you += perspective.You;
        _youFocused += perspective.You > perspective.We ? 1 : 0;
        _weFocused += perspective.We > perspective.You ? 1 : 0;
    }

    public AuditResult ToResult(long postsRead)
    {
        var signals = new SignalTally[_counts.Length];
        for (int s = 0; s < signals.Length; s++)
        {
            signals[s] = new SignalTally(FeedAudit.SignalNames[s], _counts[s], Share(_counts[s]), _examples[s].ToArray());
        }

        return new AuditResult(_posts, postsRead, signals, new WeYouFocus(_we, _you, _youFocused, _weFocused, Share(_youFocused)));
    }

    private double Share(long count) => _posts == 0 ? 0 : (double)count / _posts;

    private static int IndexOf(string signal)
    {
        for (int s = 0; s < FeedAudit.SignalNames.Count; s++)
        {
            if (FeedAudit.SignalNames[s] == signal)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>The sentence around <paramref name="match"/>, trimmed; widened to the whole match should it cross a sentence end.</summary>
    private static AuditExample Example(in AuditPost post, IReadOnlyList<SentenceSentiment> sentences, TextSpan match)
    {
        string text = post.Text;
        int start = match.Start;
        int end = match.End;
        foreach (var sentence in sentences)
        {
            if (sentence.Span.Start <= match.Start && match.Start < sentence.Span.End)
            {
                start = sentence.Span.Start;
                end = Math.Max(sentence.Span.End, match.End);
                break;
            }
        }

        while (start < match.Start && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > match.End && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new AuditExample(post.Line, text[start..end], text.Substring(match.Start, match.Length), match.Start - start);
    }
}
