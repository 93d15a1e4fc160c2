namespace Evident.Text.Tokens;

/// <summary>
/// Hashtags that glue a name to a verdict: "#centurylinksucks", "#CustomerServiceFail", "#travelwoes", "#lovethebear",
/// "#notcool". A hashtag the vocabulary does not know is read through a verdict word at its end or start, taken from short
/// lists rather than from any word that fits: splitting at any known word read "#mincepiewars" as war, "#chicago" as chic
/// and "#DeadbyDaylight" (a game) as dead.
/// </summary>
internal static class HashtagWords
{
    /// <summary>Verdicts written after a name: "#targetsucks", "#EpicFail", "#upsscam", "#AlaskaRocks".</summary>
    private static readonly string[] s_suffixes =
        ["sucks", "suck", "fail", "fails", "failure", "woes", "scam", "fraud", "problems", "disaster", "nightmare", "ripoff", "rocks", "ftw"];

    /// <summary>Verdicts written before what they judge: "#lovethebear", "#worstservice", "#bestcostumeever".</summary>
    private static readonly string[] s_prefixes = ["worst", "best", "love", "hate", "fuck", "bad", "poor"];

    /// <summary>Negations written before a sentiment word: "#notcool", "#nothappy", "#nevergood".</summary>
    private static readonly string[] s_negations = ["not", "never"];

    /// <summary>
    /// The entry of the verdict in an unknown hashtag's word (without the '#'), or -1; <paramref name="negated"/> when a
    /// negation opens it and the rest is a sentiment word ("#notcool"). The rest must be at least two characters long.
    /// </summary>
    public static int Find(ReadOnlySpan<char> tag, Vocabulary vocabulary, out bool negated)
    {
        negated = false;
        foreach (string suffix in s_suffixes)
        {
            if (tag.Length >= suffix.Length + 2 && tag.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return SentimentEntry(tag[^suffix.Length..], vocabulary);
            }
        }
        foreach (string prefix in s_prefixes)
        {
            if (tag.Length >= prefix.Length + 2 && tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return SentimentEntry(tag[..prefix.Length], vocabulary);
            }
        }
        foreach (string negation in s_negations)
        {
            if (tag.Length >= negation.Length + 2 && tag.StartsWith(negation, StringComparison.OrdinalIgnoreCase))
            {
                int entry = SentimentEntry(tag[negation.Length..], vocabulary);
                negated = entry >= 0;
                return entry;
            }
        }
        return -1;
    }

    private static int SentimentEntry(ReadOnlySpan<char> word, Vocabulary vocabulary)
    {
        int entry = vocabulary.Find(word);
        return entry >= 0 && (vocabulary.Entries[entry].Role & WordRole.Lexical) != 0 ? entry : -1;
    }
}
