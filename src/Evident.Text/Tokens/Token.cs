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
}

/// <summary>
/// One token of a text: a 16-byte value written into a caller's buffer, so tokenizing allocates nothing.
/// <see cref="Entry"/> is the vocabulary entry for words, emoticons, emoji and the word of a hashtag (-1 when unknown).
/// </summary>
public struct Token
{
    public int Start;
    public int Entry;
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
