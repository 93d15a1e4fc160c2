using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Evident.Text.Tokens;

/// <summary>
/// Splits a text into words, numbers, emoticons, emoji, @mentions, #hashtags, URLs and punctuation runs, and marks
/// clause and sentence ends. Writes into the caller's buffer and allocates nothing.
/// </summary>
public static class Tokenizer
{
    private static readonly SearchValues<char> s_whitespace = SearchValues.Create(" \t\r\n\f\v\u00A0\u2028\u2029");

    /// <summary>A buffer length that always suffices: no token is shorter than one character.</summary>
    public static int MaxTokens(int textLength) => textLength + 1;

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (at least <see cref="MaxTokens"/> long); returns the count.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<Token> tokens, Vocabulary vocabulary) =>
        Tokenize(text, tokens, vocabulary, out _);

    /// <summary>As <see cref="Tokenize(ReadOnlySpan{char}, Span{Token}, Vocabulary)"/>, also saying what the text holds.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<Token> tokens, Vocabulary vocabulary, out TextShape shape)
    {
        shape = default;
        var entries = vocabulary.Entries;
        int count = 0;
        int sentence = 0;
        var roles = WordRole.None;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWhitespace(c))
            {
                if (c == '\n' && count > 0 && tokens[count - 1].Sentence == sentence)
                {
                    MarkSentenceEnd(tokens, count, ref sentence);
                }
                i++;
                continue;
            }

            int start = i;
            ref Token t = ref tokens[count];
            t = default;
            t.Start = start;
            t.Sentence = (ushort)Math.Min(sentence, ushort.MaxValue);
            t.Entry = -1;
            t.Lemma = -1;

            if (c < 128 ? (AsciiClasses[c] & Letter) != 0 : char.IsLetter(c))
            {
                if (IsUrlStart(text[i..]))
                {
                    i = ChunkEnd(text, i);
                    t.Kind = TokenKind.Url;
                }
                else
                {
                    i = ScanWord(text, i, out int hash, out int letters, out bool hasLower);
                    t.Kind = TokenKind.Word;
                    if (i < text.Length && text[i] == '*' && MaskedWords.Read(text, start, out string? hidden) is int maskedEnd and > 0)
                    {
                        // "F*** it", "sh*t service": the word hidden behind the stars; its capitals are not emphasis unless two or more show
                        i = maskedEnd;
                        hash = WordTable.Hash(hidden);
                        letters = hidden!.Length;
                        hasLower |= !HasTwoCapitals(text[start..i]);
                        t.Entry = vocabulary.Find(hidden, hash, out t.Role, out t.Lemma);
                    }
                    else
                    {
                        t.Entry = vocabulary.Find(text[start..i], hash, out t.Role, out t.Lemma);
                    }
                    if (t.Entry < 0 && i - start >= 4 && i - start <= 64)
                    {
                        bool superlative = false; // set only by an informal form found as a superlative
                        if (TryElongated(text[start..i], vocabulary, out int entry))
                        {
                            t.Entry = entry;
                            t.Flags |= TokenMarks.Elongated;
                        }
                        else if (TryMisspeltNegation(text[start..i], vocabulary, out entry) ||
                            TryInformalForm(text[start..i], vocabulary, out entry, out superlative))
                        {
                            t.Entry = entry;
                            t.Flags |= superlative ? TokenMarks.Superlative : TokenMarks.None;
                            t.Role = entries[entry].Role;
                            t.Lemma = entries[entry].Lemma;
                        }
                    }
                    if (hasLower && i - start >= 3 && (t.Role & WordRole.Lexical) != 0 && HasInnerCapital(text[start..i]))
                    {
                        t.Role &= ~WordRole.Lexical; // "WoW", "LoL": a capital after a small letter makes a name, not the word ("xD", two letters, is a face)
                    }
                    if (start >= 2 && text[start - 1] == '-' && char.IsAsciiLetter(text[start - 2]) && (text[start - 2] | 0x20) != (c | 0x20) &&
                        (start == 2 || !char.IsLetterOrDigit(text[start - 3])))
                    {
                        t.Role &= ~WordRole.Lexical; // after another single letter and a hyphen, a compound's name ("f-stop", "x-ray"), not a stutter ("h-happy")
                    }
                    if (letters >= 2)
                    {
                        shape.Words++;
                        if (!hasLower)
                        {
                            t.Flags |= TokenMarks.AllCaps;
                            shape.CapitalisedWords++;
                            if (start > 0 && char.IsAsciiDigit(text[start - 1]) ||
                                i + 1 < text.Length && text[i] == '-' && char.IsAsciiDigit(text[i + 1]))
                            {
                                t.Role &= ~WordRole.Lexical; // capitals glued to a digit are a code ("LS2 7QT", "Ref 55OK", "PO-3318"), not slang
                            }
                        }
                    }
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                i = NumberEnd(text, i);
                t.Kind = TokenKind.Number;
                shape.HasNumber = true;
                if (start > 0 && text[start - 1] is '$' or '£' or '€' || i < text.Length && text[i] is '$' or '£' or '€')
                {
                    // "$65", or "65€" as much of Europe writes it; the sign itself is punctuation that carries nothing, and is not kept
                    t.Flags |= TokenMarks.Money;
                }
                if (i - start == 1)
                {
                    // "0 updates", "1 agent for 150 people", "2 stars": read as "zero", "one", "two" by the phrases, still a number to the rules
                    t.Entry = vocabulary.Grammar.Digits[c - '0'];
                }
            }
            else if (c is '@' or '#' && i + 1 < text.Length && IsWordChar(text[i + 1]) && (i == 0 || !IsWordChar(text[i - 1])))
            {
                i = WordEnd(text, i + 1);
                t.Kind = c == '@' ? TokenKind.Mention : TokenKind.Hashtag;
                if (c == '#')
                {
                    shape.HasHashtag = true;
                    t.Entry = vocabulary.Find(text[(start + 1)..i]);
                    if (t.Entry < 0 && i - start > 4)
                    {
                        t.Entry = HashtagWords.Find(text[(start + 1)..i], vocabulary, out bool negated); // "#centurylinksucks", "#notcool"
                        t.Flags |= negated ? TokenMarks.Negated : TokenMarks.None;
                    }
                }
            }
            else if (char.IsSurrogate(c) || IsSymbolEmoji(c))
            {
                i = EmojiEnd(text, i);
                t.Kind = TokenKind.Emoji;
                t.Entry = FindEmoji(text[start..i], vocabulary);
                if (t.Entry < 0)
                {
                    continue; // an unknown symbol carries nothing
                }
            }
            else if (TryEmoticon(text, i, vocabulary, out int emoticonEnd, out int entry))
            {
                i = emoticonEnd;
                t.Kind = TokenKind.Emoticon;
                t.Entry = entry;
            }
            else if (c == '&' && AmpersandEnd(text, i) is int ampersandEnd and > 0 && vocabulary.Grammar.And >= 0)
            {
                // "in & out in 5 mins", "lost &amp; found", "ID&V": an ampersand between words is the word "and" to the phrases and rules
                i = ampersandEnd;
                t.Kind = TokenKind.Word;
                t.Entry = vocabulary.Grammar.And;
                t.Role = entries[t.Entry].Role;
                t.Lemma = entries[t.Entry].Lemma;
                shape.Words++; // as the written word counts
            }
            else if (c == '&' && HtmlEntityEnd(text, i) is int entityEnd and > 0)
            {
                i = entityEnd; // "&gt;", "&amp;" in tweet and web exports: markup, not the words "gt" and "amp" and a clause end
                continue;
            }
            else
            {
                i = PunctuationRun(text, i, ref t, out bool quote);
                shape.HasQuote |= quote;
                if (t.Flags == TokenMarks.None && t.Exclamations == 0 && t.Questions == 0)
                {
                    continue; // quotes, slashes and the like: nothing for the rules (scare quotes are read from the text)
                }
                t.Length = (ushort)(i - start);
                shape.HasQuestion |= t.Questions > 0;
                count++;
                if ((t.Flags & TokenMarks.SentenceEnd) != 0 && !IsAbbreviation(text, tokens, count - 1))
                {
                    sentence++;
                }
                else
                {
                    t.Flags &= ~TokenMarks.SentenceEnd;
                }
                continue;
            }
            t.Length = (ushort)Math.Min(i - start, ushort.MaxValue);
            if (t.Entry >= 0)
            {
                if (t.Kind != TokenKind.Word || (t.Flags & TokenMarks.Elongated) != 0)
                {
                    t.Role = entries[t.Entry].Role; // words got theirs from the lookup
                    t.Lemma = entries[t.Entry].Lemma;
                }
                roles |= t.Role; // one OR per token; what the rules ask of the text is read from it once, below
            }
            count++;
        }
        if (count > 0 && count < tokens.Length && EndsInUnmarkedQuestion(text, tokens[..count], vocabulary.Grammar))
        {
            // "is it possible to cancel a pre order", "how do I add a driver": a closing question written without its mark is
            // read as if it had one, so the rules for questions apply; the mark takes no characters
            ref Token mark = ref tokens[count++];
            mark = default;
            mark.Start = text.Length;
            mark.Sentence = tokens[count - 2].Sentence;
            mark.Entry = -1;
            mark.Lemma = -1;
            mark.Kind = TokenKind.Punctuation;
            mark.Flags = TokenMarks.SentenceEnd;
            mark.Questions = 1;
            shape.HasQuestion = true;
        }
        if (Language.IsForeign(text, tokens[..count]))
        {
            shape.Foreign = true;
            shape.Words = shape.CapitalisedWords = 0; // its words are dropped below, and what was counted of them with them
            shape.HasNumber = false;
            count = Language.KeepLanguageFree(tokens[..count]);
            roles = WordRole.None;
            foreach (ref readonly Token kept in tokens[..count])
            {
                roles |= kept.Role;
            }
        }
        shape.Roles = roles;
        shape.HasNumber |= (roles & WordRole.NumberWord) != 0;
        shape.HasTimeUnit = (roles & WordRole.TimeUnit) != 0;
        shape.HasContrast = (roles & (WordRole.ContrastAfter | WordRole.ContrastConcessive)) != 0;
        shape.HasExcess = (roles & WordRole.Excess) != 0;
        return count;
    }

    /// <summary>
    /// Where the question proper starts in a sentence that opens with a condition: "if", then the first auxiliary followed by a
    /// subject ("If I cancel my membership do I keep the credits?", "if I downgrade halfway through is it prorated"), or −1.
    /// </summary>
    internal static int ConditionedQuestion(ReadOnlySpan<Token> tokens, int first, int last, GrammarWords g)
    {
        if (first < 0 || first >= last || tokens[first].Kind != TokenKind.Word || tokens[first].Entry != g.If)
        {
            return -1;
        }
        for (int j = first + 2; j + 1 < last; j++)
        {
            if (tokens[j].Entry == g.How || tokens[j].Entry == g.Why)
            {
                return -1; // "If it isn't genuine then how did they know …?", "If he wanted to, why didn't he just do it?" accuse
            }
            if (tokens[j].Kind == TokenKind.Word && tokens[j + 1].Kind == TokenKind.Word &&
                Array.IndexOf(g.Auxiliaries, tokens[j].Entry) >= 0 && Array.IndexOf(g.QuestionSubjects, tokens[j + 1].Entry) >= 0 &&
                Array.IndexOf(g.QuestionSubjects, tokens[j - 1].Entry) < 0)
            {
                return j; // not the condition's own verb after its subject: "If it was anyone but him …"
            }
        }
        return -1;
    }

    /// <summary>
    /// Whether a text of one sentence opens as a question ("can I …", "is it …", "how do …", "when will …") and ends on a
    /// word, number, link, mention or emoji rather than on punctuation. Measured on every labelled text: +7 / -0 for one
    /// sentence; for the last sentence of several, -8 (rhetorical closers: "… how does that add up exactly"). So does one that
    /// opens with a condition and then asks ("if I cancel tv mid cycle is it prorated or do I pay the full month").
    /// </summary>
    private static bool EndsInUnmarkedQuestion(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, GrammarWords g)
    {
        int last = tokens.Length - 1;
        while (last >= 0 && tokens[last].Kind is TokenKind.Url or TokenKind.Mention or TokenKind.Emoji or TokenKind.Emoticon or TokenKind.Hashtag)
        {
            last--;
        }
        if (last < 0 || !tokens[last].IsWordLike || tokens[last].Sentence > 0)
        {
            return false; // a question after other sentences may be rhetorical ("… how does that add up exactly")
        }
        int first = last;
        while (first > 0 && tokens[first - 1].Sentence == tokens[last].Sentence)
        {
            first--;
        }
        while (first < last && tokens[first].Kind is TokenKind.Mention or TokenKind.Punctuation or TokenKind.Url)
        {
            first++;
        }
        if (first >= last || tokens[first].Kind != TokenKind.Word || tokens[first + 1].Kind != TokenKind.Word)
        {
            return false;
        }
        int w0 = tokens[first].Entry, w1 = tokens[first + 1].Entry; // w1 may be a name the lexicons lack: "can Walmart+ be cancelled"
        if (w0 < 0)
        {
            return false;
        }
        bool aux = Array.IndexOf(g.Auxiliaries, w0) >= 0;
        if (w0 == g.If)
        {
            return ConditionedQuestion(tokens, first, last + 1, g) >= 0; // "if I cancel now do I keep access"
        }
        return aux && w1 >= 0 && Array.IndexOf(g.QuestionSubjects, w1) >= 0 ||
            Array.IndexOf(g.QuestionOpeningAuxiliaries, w0) >= 0 && (tokens[first + 1].Role & (WordRole.Negator | WordRole.No)) == 0 &&
                !text.Slice(tokens[first + 1].Start, tokens[first + 1].Length).EndsWith("ing", StringComparison.OrdinalIgnoreCase) ||
            w1 >= 0 && w0 == g.How && Array.IndexOf(g.HowInfoFollowers, w1) >= 0 ||
            w1 >= 0 && Array.IndexOf(g.InfoQuestionOpeners, w0) >= 0 && Array.IndexOf(g.Auxiliaries, w1) >= 0;
    }

    private static bool HasTwoCapitals(ReadOnlySpan<char> word)
    {
        int capitals = 0;
        foreach (char c in word)
        {
            capitals += char.IsUpper(c) ? 1 : 0;
        }
        return capitals >= 2;
    }

    /// <summary>Whether a capital letter follows a small one inside the word ("WoW", "eBay"), as in names and never in emphasis.</summary>
    private static bool HasInnerCapital(ReadOnlySpan<char> word)
    {
        for (int i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]))
            {
                return true;
            }
        }
        return false;
    }

    private static void MarkSentenceEnd(Span<Token> tokens, int count, ref int sentence)
    {
        tokens[count - 1].Flags |= TokenMarks.SentenceEnd;
        sentence++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(char c) =>
        c < 128 ? (AsciiClasses[c] & Space) != 0 : s_whitespace.Contains(c);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    // Character classes of ASCII, so the word scan takes one well-predicted branch per character and does the
    // rest (counting letters, noticing lower case, folding case into the hash) without branching.
    private const byte Letter = 1, Lower = 2, WordChar = 4, Space = 8;

    private static ReadOnlySpan<byte> AsciiClasses =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, Space, Space, Space, Space, Space, 0, 0, // \t \n \v \f \r
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        Space, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        WordChar, WordChar, WordChar, WordChar, WordChar, WordChar, WordChar, WordChar, WordChar, WordChar, 0, 0, 0, 0, 0, 0,
        0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, // A-O: Letter | WordChar
        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, WordChar, // P-Z, _
        0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, // a-o: Letter | Lower | WordChar
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, // p-z
    ];

    /// <summary>
    /// <see cref="WordEnd"/> in one pass with the vocabulary hash of the folded word, its letter count and whether
    /// any letter is lower case: each character of a word is read once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanWord(ReadOnlySpan<char> text, int i, out int hash, out int letters, out bool hasLower)
    {
        var classes = AsciiClasses;
        uint h = WordTable.HashSeed;
        int n = 0;
        int seen = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c < 128)
            {
                int k = classes[c];
                if ((k & WordChar) == 0)
                {
                    if (c == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]))
                    {
                        h = WordTable.HashStep(h, '\'');
                        i++;
                        continue;
                    }
                    break;
                }
                n += k & Letter;
                seen |= k;
                h = WordTable.HashStep(h, (char)(c | ((k & Letter) << 5))); // upper-case letters fold to lower
                i++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (char.IsLower(c))
                {
                    seen |= Lower;
                }
                n += char.IsLetter(c) ? 1 : 0;
                h = WordTable.HashStep(h, WordTable.FoldChar(c));
                i++;
            }
            else if (c == '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]))
            {
                h = WordTable.HashStep(h, '\'');
                i++;
            }
            else
            {
                break;
            }
        }
        hash = WordTable.HashFinish(h);
        letters = n;
        hasLower = (seen & Lower) != 0;
        return i;
    }

    /// <summary>"gooood" → "good", "sooooo" → "so": runs of three or more letters shortened to two, then to one.</summary>
    private static bool TryElongated(ReadOnlySpan<char> word, Vocabulary vocabulary, out int entry)
    {
        entry = -1;
        if (!HasRunOfThree(word))
        {
            return false;
        }
        Span<char> buffer = stackalloc char[word.Length];
        for (int keep = 2; keep >= 1 && entry < 0; keep--)
        {
            int n = 0;
            for (int k = 0; k < word.Length; k++)
            {
                int run = 1;
                while (run <= keep && k - run >= 0 && char.ToLowerInvariant(word[k - run]) == char.ToLowerInvariant(word[k]))
                {
                    run++;
                }
                if (run <= keep)
                {
                    buffer[n++] = word[k];
                }
            }
            entry = vocabulary.Find(buffer[..n]);
        }
        return entry >= 0;
    }

    /// <summary>
    /// Forms the lexicons do not list, read through their base: "lovin" → loving, "waitin" → waiting, "coolest" → cool,
    /// "nicest" → nice, "biggest" → big, "luckiest" → lucky. For a superlative only a base that carries sentiment is taken
    /// ("interest" is no superlative of "inter").
    /// </summary>
    internal static bool TryInformalForm(ReadOnlySpan<char> word, Vocabulary vocabulary, out int entry, out bool superlative)
    {
        entry = -1;
        superlative = false;
        bool droppedG = (word[^1] | 0x20) == 'n' && (word[^2] | 0x20) == 'i'; // "lovin"
        if (word.Length > 64 || !droppedG && (word.Length < 6 || (word[^1] | 0x20) != 't' || (word[^2] | 0x20) != 's' || (word[^3] | 0x20) != 'e'))
        {
            return false; // tested before the buffer is made: most unknown words are neither
        }
        Span<char> buffer = stackalloc char[word.Length + 1];
        if (droppedG)
        {
            word.CopyTo(buffer);
            buffer[word.Length] = 'g';
            entry = vocabulary.Find(buffer[..(word.Length + 1)]); // any word the lexicons know: "lovin", "waitin", "workin"
            return entry >= 0;
        }
        superlative = true;
        var stem = word[..^3];
        if (stem[^1] is 'i' or 'I')
        {
            stem.CopyTo(buffer);
            buffer[stem.Length - 1] = 'y';
            return IsSentimentWord(vocabulary.Find(buffer[..stem.Length]), vocabulary, out entry); // luckiest
        }
        if (IsSentimentWord(vocabulary.Find(stem), vocabulary, out entry))
        {
            return true; // coolest
        }
        stem.CopyTo(buffer);
        buffer[stem.Length] = 'e';
        if (IsSentimentWord(vocabulary.Find(buffer[..(stem.Length + 1)]), vocabulary, out entry))
        {
            return true; // nicest
        }
        return stem.Length > 2 && stem[^1] == stem[^2] && IsSentimentWord(vocabulary.Find(stem[..^1]), vocabulary, out entry); // biggest
    }

    /// <summary>
    /// "was'nt", "did'nt", "could’nt": the apostrophe a letter late, read as the negation meant (a negation missed turns "the
    /// agent was'nt helpful" into praise). Only a negator is taken. Other misspelt negations are in the vocabulary itself
    /// (<c>SentimentGrammar</c>).
    /// </summary>
    private static bool TryMisspeltNegation(ReadOnlySpan<char> word, Vocabulary vocabulary, out int entry)
    {
        entry = -1;
        if ((word[^1] | 0x20) != 't' || (word[^2] | 0x20) != 'n' || word.Length < 5 || !IsApostrophe(word[^3]))
        {
            return false; // tested first: most unknown words do not end in "'nt"
        }
        Span<char> meant = stackalloc char[word.Length];
        word[..^3].CopyTo(meant);
        "n't".CopyTo(meant[^3..]);
        entry = vocabulary.Find(meant);
        entry = entry >= 0 && (vocabulary.Entries[entry].Role & WordRole.Negator) != 0 ? entry : -1;
        return entry >= 0;
    }

    private static bool IsSentimentWord(int found, Vocabulary vocabulary, out int entry)
    {
        entry = found >= 0 && (vocabulary.Entries[found].Role & WordRole.Lexical) != 0 ? found : -1;
        return entry >= 0;
    }

    private static bool HasRunOfThree(ReadOnlySpan<char> word)
    {
        for (int k = 2; k < word.Length; k++)
        {
            if ((word[k] | 0x20) == (word[k - 1] | 0x20) && (word[k] | 0x20) == (word[k - 2] | 0x20) && char.IsLetter(word[k])) // cheapest test first
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Letters and digits, with apostrophes inside ("don't", "customer's"); a hyphen splits words.</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c) || c == '_' || char.IsDigit(c))
            {
                i++;
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>"40", "3.5", "1,000", "10:30"; letters after digits start a new word ("40mins" → 40, mins).</summary>
    private static int NumberEnd(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                i++;
            }
            else if (c is '.' or ',' or ':' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static int ChunkEnd(ReadOnlySpan<char> text, int i)
    {
        int n = text[i..].IndexOfAny(s_whitespace);
        return n < 0 ? text.Length : i + n;
    }

    /// <summary>"http://", "https://" or "www." without a case-insensitive string search per word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUrlStart(ReadOnlySpan<char> s)
    {
        if ((s[0] | 0x20) == 'h')
        {
            return s.Length > 7 && (s[1] | 0x20) == 't' && (s[2] | 0x20) == 't' && (s[3] | 0x20) == 'p' &&
                (s[4] == ':' || (s[4] | 0x20) == 's' && s[5] == ':');
        }
        return (s[0] | 0x20) == 'w' && s.Length > 4 && (s[1] | 0x20) == 'w' && (s[2] | 0x20) == 'w' && s[3] == '.';
    }

    // Dingbats, arrows and miscellaneous symbols that render as emoji (☺ ☹ ❤ ✔ ⚠ …).
    private static bool IsSymbolEmoji(char c) => c is (>= '\u2190' and <= '\u2BFF') or '\u00A9' or '\u00AE' or '\u3030' or '\u303D';

    /// <summary>One emoji with its modifiers: variation selectors, skin tones and zero-width-joined parts.</summary>
    private static int EmojiEnd(ReadOnlySpan<char> text, int i)
    {
        i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                i++;
            }
            else if (c == '\u200D' && i + 1 < text.Length)
            {
                i += char.IsHighSurrogate(text[i + 1]) && i + 2 < text.Length ? 3 : 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && IsSkinTone(char.ConvertToUtf32(c, text[i + 1])))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static bool IsSkinTone(int codePoint) => codePoint is >= 0x1F3FB and <= 0x1F3FF;

    private static int FindEmoji(ReadOnlySpan<char> emoji, Vocabulary vocabulary)
    {
        int entry = vocabulary.Find(emoji);
        if (entry >= 0 && (vocabulary.Entries[entry].Role & WordRole.Lexical) != 0)
        {
            return entry;
        }
        // fall back to the base symbol without its modifiers ("🤦‍♀️" → "🤦") when the whole carries no valence
        int baseLength = char.IsHighSurrogate(emoji[0]) && emoji.Length > 1 ? 2 : 1;
        int baseEntry = baseLength < emoji.Length ? vocabulary.Find(emoji[..baseLength]) : -1;
        return baseEntry >= 0 && (vocabulary.Entries[baseEntry].Role & WordRole.Lexical) != 0 ? baseEntry : entry;
    }

    /// <summary>
    /// ":)", ":-(", "&lt;3", ":'(" — an emoticon is a whole chunk between spaces (or one with trailing . , ! ?), of at
    /// most six characters and no two letters in a row: an opening quote or "(word" is not looked up at all.
    /// </summary>
    private static bool TryEmoticon(ReadOnlySpan<char> text, int i, Vocabulary vocabulary, out int end, out int entry)
    {
        end = i;
        entry = -1;
        if (text[i] == '&')
        {
            return TryEscapedEmoticon(text, i, vocabulary, out end, out entry);
        }
        int chunkEnd = i;
        while (chunkEnd < text.Length && chunkEnd - i <= 6 && !IsWhitespace(text[chunkEnd]))
        {
            if (chunkEnd > i && char.IsLetter(text[chunkEnd]) && char.IsLetter(text[chunkEnd - 1]))
            {
                return false;
            }
            chunkEnd++;
        }
        int length = chunkEnd - i;
        if (length < 2 || length > 6)
        {
            return false;
        }
        if (TryEmoticonOfLength(text, i, length, vocabulary, ref entry))
        {
            end = i + length;
            return true;
        }
        int trimmed = length;
        while (trimmed > 2 && text[i + trimmed - 1] is '.' or ',' or '!' or '?')
        {
            trimmed--;
        }
        if (trimmed < length && TryEmoticonOfLength(text, i, trimmed, vocabulary, ref entry))
        {
            end = i + trimmed;
            return true;
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Where an ampersand ("&amp;" or its escaped form "&amp;amp;") that stands between two words ends, or 0: a space or a letter on
    /// each side ("salt &amp; pepper", "B&amp;B"), not "&amp;&amp;" nor one at the start or end of the text.
    /// </summary>
    private static int AmpersandEnd(ReadOnlySpan<char> text, int i)
    {
        int end = text[i..].StartsWith("&amp;", StringComparison.Ordinal) ? i + 5 : i + 1;
        if (end == i + 1 && HtmlEntityEnd(text, i) > 0)
        {
            return 0; // "&gt;", "&quot;": another character's reference
        }
        return i > 0 && end < text.Length && (IsWhitespace(text[i - 1]) || char.IsLetter(text[i - 1])) &&
            (IsWhitespace(text[end]) || char.IsLetter(text[end]))
            ? end
            : 0;
    }

    /// <summary>
    /// The end of an HTML character reference at <paramref name="i"/> ("&amp;amp;", "&amp;gt;", "&amp;quot;", "&amp;#39;",
    /// "&amp;#x27;"), or 0 when none starts there.
    /// </summary>
    private static int HtmlEntityEnd(ReadOnlySpan<char> text, int i)
    {
        var rest = text[(i + 1)..Math.Min(text.Length, i + 10)]; // the longest reference known here is "&#x10FFFF;"
        int semicolon = rest.IndexOf(';');
        if (semicolon < 2 || semicolon > 7)
        {
            return 0;
        }
        var name = rest[..semicolon];
        bool known = name is "amp" or "lt" or "gt" or "quot" or "apos" or "nbsp" ||
            name[0] == '#' && (name.Length > 1 && !name[1..].ContainsAnyExceptInRange('0', '9') ||
                name.Length > 2 && name[1] is 'x' or 'X' && !name[2..].ContainsAnyExcept(HexDigits));
        return known ? i + 1 + semicolon + 1 : 0;
    }

    /// <summary>"&amp;lt;3", "&amp;gt;:(": an emoticon in HTML-escaped text (tweet and web exports), read as "&lt;3".</summary>
    private static bool TryEscapedEmoticon(ReadOnlySpan<char> text, int i, Vocabulary vocabulary, out int end, out int entry)
    {
        end = i;
        entry = -1;
        var rest = text[i..];
        char decoded = rest.StartsWith("&lt;", StringComparison.Ordinal) ? '<' : rest.StartsWith("&gt;", StringComparison.Ordinal) ? '>' : '\0';
        if (decoded == '\0')
        {
            return false;
        }
        Span<char> buffer = stackalloc char[6];
        buffer[0] = decoded;
        int n = 1, k = 4;
        while (k < rest.Length && n < buffer.Length && !IsWhitespace(rest[k]))
        {
            buffer[n++] = rest[k++];
        }
        for (int length = n; length >= 2; length--)
        {
            int found = vocabulary.Find(buffer[..length]);
            if (found >= 0 && (vocabulary.Entries[found].Role & WordRole.Emoticon) != 0)
            {
                entry = found;
                end = i + 3 + length; // the entity's four characters stand for one
                return true;
            }
        }
        return false;
    }

    private static bool TryEmoticonOfLength(ReadOnlySpan<char> text, int i, int length, Vocabulary vocabulary, ref int entry)
    {
        int found = vocabulary.Find(text.Slice(i, length));
        if (found >= 0 && (vocabulary.Entries[found].Role & WordRole.Emoticon) != 0)
        {
            entry = found;
            return true;
        }
        return false;
    }

    private static int PunctuationRun(ReadOnlySpan<char> text, int i, ref Token t, out bool quote)
    {
        quote = false; // a quotation mark in the run: a word may be in scare quotes (TextShape.HasQuote)
        int exclamations = 0, questions = 0;
        int first = i;
        while (i < text.Length)
        {
            char c = text[i];
            // the first character is always taken, so a stray '@' or a non-ASCII digit cannot stall the loop
            if (i > first && (char.IsLetterOrDigit(c) || IsWhitespace(c) || char.IsSurrogate(c) || c is '@' or '#'))
            {
                break;
            }
            switch (c)
            {
                case '!':
                    exclamations++;
                    t.Flags |= TokenMarks.SentenceEnd;
                    break;
                case '?':
                    questions++;
                    t.Flags |= TokenMarks.SentenceEnd;
                    break;
                case '.' or '\u2026':
                    t.Flags |= TokenMarks.SentenceEnd;
                    break;
                case ',' or ';' or ':' or '(' or ')' or '\u2013' or '\u2014':
                    t.Flags |= TokenMarks.ClauseEnd;
                    break;
                case '"' or '\u201C' or '\u201D' or '\'' or '\u2018' or '\u2019':
                    quote = true; // single quotes too: a status may be quoted either way ("still 'processing'")
                    break;
                case '-' when i + 1 < text.Length && text[i + 1] == '-':
                    t.Flags |= TokenMarks.ClauseEnd;
                    break;
                case '-' when i > 0 && IsWhitespace(text[i - 1]):
                    t.Flags |= TokenMarks.ClauseEnd; // a spaced dash: " - "
                    break;
                default:
                    break;
            }
            i++;
        }
        t.Kind = TokenKind.Punctuation;
        t.Exclamations = (byte)Math.Min(exclamations, 255);
        t.Questions = (byte)Math.Min(questions, 255);
        if ((t.Flags & TokenMarks.SentenceEnd) != 0)
        {
            t.Flags |= TokenMarks.ClauseEnd;
        }
        return i;
    }

    /// <summary>A full stop after "Mr", "e.g", "U.S" or a single letter does not end the sentence.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> text, Span<Token> tokens, int punctuationIndex)
    {
        ref Token p = ref tokens[punctuationIndex];
        if (p.Exclamations > 0 || p.Questions > 0 || p.Length > 1 || punctuationIndex == 0)
        {
            return false;
        }
        ref Token prev = ref tokens[punctuationIndex - 1];
        if (prev.Kind != TokenKind.Word || prev.End != p.Start)
        {
            return false;
        }
        var word = text.Slice(prev.Start, prev.Length);
        return word.Length == 1 || IsTitle(word) || BeforeDomainEnding(text, p.End);
    }

    /// <summary>The ".de" of "amazon.de", the ".com" of "bt.com": a site's name, written without "www.", goes on. Endings that are also
    /// words ("in", "it", "me", "us") are left out: "I waited.it was gone" ends a sentence.</summary>
    private static bool BeforeDomainEnding(ReadOnlySpan<char> text, int after)
    {
        int end = after;
        while (end < text.Length && end - after <= 3 && text[end] is >= 'a' and <= 'z')
        {
            end++;
        }
        if (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return false;
        }
        return text[after..end] is "com" or "co" or "uk" or "de" or "net" or "org" or "io" or "fr" or "es" or "nl" or "au" or "ca" or
            "gov" or "edu" or "ie" or "jp" or "tv" or "ly";
    }

    private static bool IsTitle(ReadOnlySpan<char> word) =>
        word.Equals("mr", StringComparison.OrdinalIgnoreCase) || word.Equals("mrs", StringComparison.OrdinalIgnoreCase) ||
        word.Equals("ms", StringComparison.OrdinalIgnoreCase) || word.Equals("dr", StringComparison.OrdinalIgnoreCase) ||
        word.Equals("st", StringComparison.OrdinalIgnoreCase) || word.Equals("vs", StringComparison.OrdinalIgnoreCase);

    internal static double ParseNumber(ReadOnlySpan<char> s)
    {
        Span<char> buffer = stackalloc char[Math.Min(s.Length, 32)];
        int n = 0;
        foreach (char c in s)
        {
            if (n == buffer.Length)
            {
                break;
            }
            if (c != ',')
            {
                buffer[n++] = c == ':' ? '.' : c;
            }
        }
        return double.TryParse(buffer[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : 0;
    }
}
