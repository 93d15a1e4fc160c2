namespace Evident.Text.Tokens;

/// <summary>
/// Hashtags that glue a name to a verdict: "#centurylinksucks", "#CustomerServiceFail", "#travelwoes", "#lovethebear",
/// "#notcool". A hashtag the vocabulary does not know is read through a verdict word at its end or start, taken from short
/// lists rather than from any word that fits: splitting at any known word read "#mincepiewars" as war, "#chicago" as chic
/// and "#DeadbyDaylight" (a game) as dead.
/// </summary>
internal static class HashtagWords
{
    /// <summary>A verdict glued to a name: at the tag's end or start, or a negation before a sentiment word (which it reverses).</summary>
    private readonly record struct Verdict(string Affix, bool AtEnd, bool Negates);

    /// <summary>
    /// Tried in this order: verdicts written after a name ("#targetsucks", "#EpicFail", "#upsscam", "#AlaskaRocks"), before
    /// what they judge ("#lovethebear", "#worstservice", "#bestcostumeever"), and negations before a sentiment word
    /// ("#notcool", "#nothappy").
    /// </summary>
    private static readonly Verdict[] s_verdicts =
    [
        .. new[] { "sucks", "suck", "fail", "fails", "failure", "woes", "scam", "fraud", "problems", "disaster", "nightmare", "ripoff", "rocks", "ftw" }
            .Select(affix => new Verdict(affix, AtEnd: true, Negates: false)),
        .. new[] { "worst", "best", "love", "hate", "fuck", "bad", "poor" }.Select(affix => new Verdict(affix, AtEnd: false, Negates: false)),
        .. new[] { "not", "never" }.Select(affix => new Verdict(affix, AtEnd: false, Negates: true)),
    ];

    /// <summary>
    /// The entry of the verdict in an unknown hashtag's word (without the '#'), or -1; <paramref name="negated"/> when a
    /// negation opens it and the rest is a sentiment word ("#notcool"). The rest must be at least two characters long.
    /// </summary>
    public static int Find(ReadOnlySpan<char> tag, Vocabulary vocabulary, out bool negated)
    {
        negated = false;
        foreach (var verdict in s_verdicts)
        {
            int length = verdict.Affix.Length;
            if (tag.Length < length + 2 || !(verdict.AtEnd
                ? tag.EndsWith(verdict.Affix, StringComparison.OrdinalIgnoreCase)
                : tag.StartsWith(verdict.Affix, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            // the verdict word itself, or for a negation the sentiment word after it
            int entry = SentimentEntry(verdict.Negates ? tag[length..] : verdict.AtEnd ? tag[^length..] : tag[..length], vocabulary);
            negated = verdict.Negates && entry >= 0;
            return entry;
        }
        return -1;
    }

    private static int SentimentEntry(ReadOnlySpan<char> word, Vocabulary vocabulary)
    {
        int entry = vocabulary.Find(word);
        return entry >= 0 && (vocabulary.Entries[entry].Role & WordRole.Lexical) != 0 ? entry : -1;
    }
}
