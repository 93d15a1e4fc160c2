namespace Evident.Text.Tokens;

/// <summary>
/// Swear words written with asterisks: "F*** it", "sh*t service", "f**king useless", "a**holes". People who censor
/// themselves mean the word they hide, so it is read as that word; without this the letters before the first '*' were a
/// word of their own ("F", "sh") and the anger was lost. A masked word matches a word of the list of the same length whose
/// letters agree wherever the text shows one; the first such word wins ("s***" is "shit", not "suck").
/// </summary>
internal static class MaskedWords
{
    /// <summary>Longer forms first is not needed (the length must agree), but within a length the commoner word comes first.</summary>
    private static readonly string[] s_words =
    [
        "fuck", "fucks", "fucked", "fucker", "fuckers", "fucking", "fuckin", "motherfucker",
        "shit", "shits", "shitty", "bullshit", "crap", "crappy", "damn", "damned", "hell",
        "bitch", "bitches", "bastard", "bastards", "ass", "asshole", "assholes", "piss", "pissed", "dick", "sucks", "suck",
    ];

    /// <summary>
    /// Where the masked word starting at <paramref name="start"/> ends and the word it hides, or -1. The word must start
    /// with a letter and hold at least one '*' among letters ("sigh*", an action written between stars, hides nothing).
    /// </summary>
    public static int Read(ReadOnlySpan<char> text, int start, out string? word)
    {
        int end = start;
        bool masked = false;
        while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '*'))
        {
            masked |= text[end] == '*';
            end++;
        }
        word = null;
        if (!masked || !char.IsAsciiLetter(text[start]) || end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return -1;
        }
        ReadOnlySpan<char> shown = text[start..end];
        foreach (string candidate in s_words)
        {
            if (candidate.Length == shown.Length && Agrees(shown, candidate))
            {
                word = candidate;
                return end;
            }
        }
        return -1;
    }

    private static bool Agrees(ReadOnlySpan<char> shown, string candidate)
    {
        for (int i = 0; i < shown.Length; i++)
        {
            if (shown[i] != '*' && (shown[i] | 0x20) != candidate[i])
            {
                return false;
            }
        }
        return true;
    }
}
