namespace Evident.Text;

/// <summary>A character range in the analysed text: <c>text.Substring(Start, Length)</c>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Why a signal fired: the spans of text and the lexicon entry or rule behind it.</summary>
/// <param name="Rule">e.g. <c>lexicon:vader</c>, <c>lexicon:cx</c>, <c>phrase:on hold</c>, <c>rule:negation</c>.</param>
public readonly record struct Evidence(TextSpan Span, string Rule);

public enum SentimentLabel { Negative = -1, Neutral = 0, Positive = 1 }

/// <summary>
/// Sentiment of a text or sentence. <see cref="Compound"/> is in [-1, 1]; the three proportions sum to 1.
/// </summary>
public readonly record struct SentimentScore(double Compound, double Positive, double Neutral, double Negative)
{
    public const double PositiveThreshold = 0.05;
    public const double NegativeThreshold = -0.05;

    public SentimentLabel Label =>
        Compound >= PositiveThreshold ? SentimentLabel.Positive :
        Compound <= NegativeThreshold ? SentimentLabel.Negative : SentimentLabel.Neutral;

    public static SentimentScore Empty => new(0, 0, 1, 0);
}

public readonly record struct SentenceSentiment(TextSpan Span, SentimentScore Sentiment);

/// <summary>One word or phrase that moved the sentiment, with the valence it contributed after the rules.</summary>
public readonly record struct SentimentCue(TextSpan Span, double Valence, string Rule);

public sealed record EmotionHit(string Emotion, IReadOnlyList<Evidence> Evidence);

public sealed record ThemeHit(string Id, string Name, SentimentScore Sentiment, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>
    /// Given by the learnt words, no phrase having named a theme (its evidence's rule "theme-learnt:" and the word or pair
    /// that weighed most): pages say so beside the marked words, which name the theme less plainly than a phrase does.
    /// </summary>
    public bool Learnt { get; init; }
}

/// <summary>Friction the customer met. <see cref="Minutes"/> is set for waits whose duration is stated.</summary>
public sealed record FrictionHit(string Kind, double? Minutes, IReadOnlyList<Evidence> Evidence);

public sealed record SignalHit(string Signal, IReadOnlyList<Evidence> Evidence);

/// <summary>Who a text speaks about: counts of first-person-plural ("we", "our") and second-person ("you", "your") words.</summary>
public readonly record struct PerspectiveCounts(int We, int You, int I, int Words)
{
    /// <summary>(you − we) / (you + we) in [-1, 1]: positive speaks to the reader, negative about the organisation; 0 when neither.</summary>
    public double YouFocus => We + You == 0 ? 0 : (double)(You - We) / (You + We);
}

/// <summary>Everything <see cref="TextAnalyzer"/> finds in one text; <see cref="Language"/> says whether its words were read
/// (<see cref="English"/>) or the text is in another language (<see cref="Undetermined"/>) and only its emoji counted.</summary>
public sealed record TextAnalysis(
    SentimentScore Sentiment,
    IReadOnlyList<SentenceSentiment> Sentences,
    IReadOnlyList<SentimentCue> Cues,
    IReadOnlyList<EmotionHit> Emotions,
    IReadOnlyList<ThemeHit> Themes,
    IReadOnlyList<FrictionHit> Friction,
    double Effort,
    IReadOnlyList<SignalHit> Signals,
    PerspectiveCounts Perspective,
    double Readability,
    string Language = TextAnalysis.English)
{
    /// <summary>The <see cref="Language"/> of a text read as English.</summary>
    public const string English = "en";

    /// <summary>The <see cref="Language"/> of a text in another language, whose words were not read (BCP 47's "undetermined").</summary>
    public const string Undetermined = "und";
}
