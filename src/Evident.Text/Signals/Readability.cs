using Evident.Text.Tokens;

namespace Evident.Text.Signals;

/// <summary>
/// Flesch reading ease (206.835 − 1.015 × words per sentence − 84.6 × syllables per word), clamped to 0…100:
/// higher is easier; plain replies to customers score 60 and above. Syllables are counted as vowel groups.
/// </summary>
internal static class Readability
{
    public static double FleschReadingEase(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Vocabulary vocabulary)
    {
        var known = vocabulary.LengthAndSyllables;
        int words = 0, syllables = 0;
        foreach (ref readonly Token t in tokens)
        {
            if (t.Kind == TokenKind.Word)
            {
                words++;
                // a word found as itself has its entry's count; one read through another form ("gooood", "lovin") is counted
                int entry = t.Entry >= 0 ? known[t.Entry] : 0;
                syllables += entry >> 8 == t.Length ? entry & 0xFF : Syllables(text.Slice(t.Start, t.Length));
            }
        }
        if (words == 0)
        {
            return 0;
        }
        int sentences = tokens[^1].Sentence + 1;
        double score = 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
        return Math.Round(Math.Clamp(score, 0, 100), 1);
    }

    internal static int Syllables(ReadOnlySpan<char> word)
    {
        // Branch-free: a vowel after a consonant starts a group (vowel and consonant alternate unpredictably).
        int count = 0, previous = 0;
        foreach (char c in word)
        {
            int vowel = c < 128 ? AsciiVowels[c] : IsAccentedVowel(c) ? 1 : 0;
            count += vowel & (previous ^ 1);
            previous = vowel;
        }
        // a silent final 'e' ("make"), but not "-le" ("table")
        if (word.Length > 2 && (word[^1] | 0x20) == 'e' && (word[^2] | 0x20) != 'l' && count > 1)
        {
            count--;
        }
        return Math.Max(1, count);
    }

    // 1 for a, e, i, o, u, y in either case; a table read per character instead of six comparisons
    private static ReadOnlySpan<byte> AsciiVowels =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, // @ A-Z
        0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, // ` a-z
    ];

    // accented vowels count too
    private static bool IsAccentedVowel(char c) =>
        char.ToLowerInvariant(c) is 'à' or 'á' or 'â' or 'ä' or 'é' or 'è' or 'ê' or 'ë' or 'í' or 'ï' or 'ó' or 'ö' or 'ú' or 'ü';
}
