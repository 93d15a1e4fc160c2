namespace Evident.Text.Tokens;

public enum TokenKind : byte
{
    Word,
    Number,
    Emoticon,
    Emoji,
    /// <summary>An @handle: a name, never read as the word it spells.</summary>
    Mention,
    /// <summary>A #tag: its word still carries sentiment (#fail), but no phrase runs through it.</summary>
    Hashtag,
    Url,
    Punctuation,
}

[Flags]
public enum TokenMarks : byte
{
    None = 0,
    /// <summary>Every letter is upper case and there are at least two letters ("GREAT", not "I").</summary>
    AllCaps = 1,
    /// <summary>Punctuation that closes a clause: , ; : ( ) and dashes.</summary>
    ClauseEnd = 2,
    /// <summary>Punctuation or a line break that closes a sentence.</summary>
    SentenceEnd = 4,
    /// <summary>A word stretched for emphasis ("gooood"), found in the vocabulary once its runs were shortened.</summary>
    Elongated = 8,
    /// <summary>A superlative found through its base ("coolest" → cool): emphasis, as an intensifier.</summary>
    Superlative = 16,
    /// <summary>A number written straight after or before a currency sign ("$65", "£30", "20€"): an amount of money (a phrase's <c>$</c>).</summary>
    Money = 32,
    /// <summary>A hashtag whose word is a negation glued to a sentiment word ("#notcool"): its valence is reversed.</summary>
    Negated = 64,
}

/// <summary>
/// One token of a text: a 24-byte value written into a caller's buffer, so tokenizing allocates nothing.
/// <see cref="Entry"/> is the vocabulary entry for words, emoticons, emoji and the word of a hashtag (-1 when unknown).
/// </summary>
public struct Token
{
    public int Start;
    public int Entry;
    /// <summary>The entry's <see cref="WordRole"/>, copied here so the rules need not look the entry up again.</summary>
    public WordRole Role;
    /// <summary>The entry's lemma (phrases match on it), copied for the same reason; -1 when unknown.</summary>
    public int Lemma;
    public ushort Length;
    public ushort Sentence;
    public TokenKind Kind;
    public TokenMarks Flags;
    /// <summary>For punctuation: how many '!' the run holds.</summary>
    public byte Exclamations;
    /// <summary>For punctuation: how many '?' the run holds.</summary>
    public byte Questions;

    public readonly int End => Start + Length;

    public readonly bool IsWordLike => Kind is TokenKind.Word or TokenKind.Number;
}

/// <summary>What the tokenizer noticed about a whole text, so that rules with nothing to do are skipped.</summary>
public struct TextShape
{
    /// <summary>Words of two letters or more, and how many of them are all capitals.</summary>
    public int Words;
    public int CapitalisedWords;
    /// <summary>A numeral or number word occurs: durations are possible.</summary>
    public bool HasNumber;
    /// <summary>A time unit occurs ("minutes", "hrs", "weeks"): with a number, a stated duration is possible.</summary>
    public bool HasTimeUnit;
    /// <summary>A contrast word occurs ("but", "although").</summary>
    public bool HasContrast;
    /// <summary>"too" occurs.</summary>
    public bool HasExcess;
    /// <summary>A question mark occurs.</summary>
    public bool HasQuestion;
    /// <summary>A quotation mark occurs, double or single, straight or curly, outside a word: a word may be in quotes.</summary>
    public bool HasQuote;
    /// <summary>A hashtag occurs: it may declare sarcasm ("#not").</summary>
    public bool HasHashtag;
    /// <summary>The text is in another language: its words were dropped (<see cref="Language"/>).</summary>
    public bool Foreign;

    /// <summary>Every <see cref="WordRole"/> some token of the text has: rules with nothing to act on are skipped.</summary>
    public WordRole Roles;

    /// <summary>VADER's "allcap differential": capitals emphasise only when some words, not all, are capitalised.</summary>
    public readonly bool CapitalsDiffer => CapitalisedWords > 0 && CapitalisedWords < Words;
}
