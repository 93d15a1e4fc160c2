using System.Collections.Frozen;

namespace Evident.Text.Tokens;

/// <summary>
/// Whether a text is English, the only language the lexicons read. A text in another language would otherwise be read
/// word by word as English: German "danke für die Info" scored −0.70 for "die", Spanish "no" negated. Such a text keeps
/// what carries feeling in any language (emoji and emoticons) and loses its words, so it is neutral unless an emoji says
/// otherwise, and finds no English theme. Only a text holding a character outside ASCII is examined (accented letters
/// or another script are what most such texts show; a plain-ASCII one is taken as English): it is another language
/// when most of its letters are of a non-Latin script, or when at least two of its words are common words of German,
/// Spanish, Portuguese, French or Italian that English does not share, and they outnumber its common English words.
/// </summary>
internal static class Language
{
    private static readonly FrozenSet<string> s_english = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "the", "and", "to", "of", "is", "are", "was", "were", "it", "i", "you", "my", "your", "for", "this", "that", "with",
        "have", "has", "not", "but", "just", "can", "we", "they", "be", "at", "get", "if", "what", "why", "how", "all",
        "from", "will", "would", "when", "there", "please", "thanks", "thank", "our", "been", "still", "on", "an", "it's",
        "i'm", "don't", "can't", "any", "help", "now", "again", "after", "about", "out", "he", "she", "her", "his", "them");

    // Words that English texts almost never hold as words of their own ("die", "per", "non", "des" and "sus" are left out;
    // "de" and "la", shared by several of these languages, are listed once).
    private static readonly FrozenSet<string> s_foreign = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        // German
        "und", "ist", "nicht", "ich", "für", "fur", "mit", "der", "das", "danke", "bitte", "auf", "ein", "eine", "sie",
        "wir", "den", "dem", "sind", "habe", "kann", "noch", "auch", "aber", "wie", "bei", "vom", "zum", "zur", "nur",
        "schon", "mein", "meine", "keine", "kein", "wird", "werden", "bin", "hallo",
        // Spanish
        "de", "la", "el", "los", "las", "que", "y", "en", "por", "para", "mi", "está", "están", "pero", "muy", "gracias", "hola",
        "del", "una", "es", "tengo", "necesito", "se", "su", "con", "como", "porque", "qué", "hay", "sin", "este", "esta",
        "eso", "todo", "nada", "mis", "estoy", "tiene",
        // Portuguese
        "não", "nao", "é", "um", "uma", "com", "você", "voce", "obrigado", "obrigada", "muito", "pra", "hj", "também",
        "mas", "meu", "minha", "isso", "esse", "essa", "ele", "ela", "vocês", "tem", "já", "sem", "ao", "da", "vc", "q",
        // French
        "le", "les", "et", "est", "je", "pas", "pour", "une", "du", "merci", "bonjour", "avec", "vous", "nous", "sur",
        "dans", "ce", "cette", "qui", "mais", "très", "être", "c'est", "j'ai", "il", "elle", "au",
        // Italian
        "che", "di", "grazie", "sono", "della", "questo", "anche", "ciao", "perché");

    /// <summary>Whether <paramref name="text"/> is in a language other than English (see the class).</summary>
    public static bool IsForeign(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        if (!text.ContainsAnyExceptInRange((char)0, (char)127))
        {
            return false;
        }

        int latin = 0, other = 0;
        foreach (char c in text)
        {
            if (c < 128 ? char.IsAsciiLetter(c) : char.IsLetter(c) && c <= '\u024F')
            {
                latin++;
            }
            else if (c >= 128 && char.IsLetter(c))
            {
                other++;
            }
        }

        if (other > latin)
        {
            return true;
        }

        var english = s_english.GetAlternateLookup<ReadOnlySpan<char>>();
        var foreign = s_foreign.GetAlternateLookup<ReadOnlySpan<char>>();
        int englishWords = 0, foreignWords = 0;
        foreach (ref readonly Token t in tokens)
        {
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            var word = text.Slice(t.Start, t.Length);
            if (english.Contains(word))
            {
                englishWords++;
            }
            else if (foreign.Contains(word))
            {
                foreignWords++;
            }
        }

        return foreignWords >= 2 && foreignWords > englishWords;
    }

    /// <summary>
    /// Keeps of a foreign text's tokens only those that mean the same in every language: emoji, emoticons, punctuation,
    /// mentions and links. Returns how many are kept, at the front of <paramref name="tokens"/>, in order.
    /// </summary>
    public static int KeepLanguageFree(Span<Token> tokens)
    {
        int kept = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is TokenKind.Emoji or TokenKind.Emoticon or TokenKind.Punctuation or TokenKind.Mention or TokenKind.Url)
            {
                tokens[kept++] = tokens[i];
            }
        }

        return kept;
    }
}
