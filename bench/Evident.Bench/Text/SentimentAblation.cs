using Evident.Text;
using Evident.Text.Sentiment;

namespace Evident.Bench.Text;

/// <summary>A named engine configuration: what each lexicon and rule beyond VADER adds is measured by leaving it out.</summary>
public sealed record AblationVariant(string Name, TextAnalyzer Analyzer);

public static class SentimentAblation
{
    public static IReadOnlyList<AblationVariant> Variants()
    {
        var full = LexiconSet.LoadEmbedded();
        var vaderOnly = LexiconSet.LoadEmbedded(null, customerLexicon: false);
        var d = SentimentOptions.Default;
        return
        [
            new("VADER lexicon and rules (our tokenizer)", new TextAnalyzer(vaderOnly, SentimentOptions.Vader)),
            new("VADER rules + our lexicon", new TextAnalyzer(full, SentimentOptions.Vader)),
            new("all (the engine as shipped)", new TextAnalyzer(full, d)),
            new("without our lexicon", new TextAnalyzer(vaderOnly, d)),
            new("without phrases", new TextAnalyzer(full, d with { UsePhrases = false })),
            new("without clause stop", new TextAnalyzer(full, d with { ModifiersStopAtClause = false })),
            new("without scope end", new TextAnalyzer(full, d with { ScopeEndsAtSentiment = false })),
            new("without sentence contrast", new TextAnalyzer(full, d with { SentenceContrast = false })),
            new("without long waits", new TextAnalyzer(full, d with { LongWaitRule = false })),
            new("without irrealis", new TextAnalyzer(full, d with { Irrealis = false })),
            new("without excess", new TextAnalyzer(full, d with { Excess = false })),
            new("without reducers", new TextAnalyzer(full, d with { Reducers = false })),
            new("without the resolution rule", new TextAnalyzer(full, d with { Resolution = false })),
            new("without polite requests", new TextAnalyzer(full, d with { PoliteRequests = false })),
            new("without elided denials", new TextAnalyzer(full, d with { ElidedDenial = false })),
            new("without incredulity", new TextAnalyzer(full, d with { Incredulity = false })),
            new("without closing questions", new TextAnalyzer(full, d with { ClosingQuestionScale = 1f })),
            new("without opening questions", new TextAnalyzer(full, d with { OpeningQuestionScale = 1f })),
            new("without ironic thanks", new TextAnalyzer(full, d with { IronicThanks = false })),
            new("without the laughter rule", new TextAnalyzer(full, d with { Laughter = false })),
            new("without the nobody clause", new TextAnalyzer(full, d with { NobodyClause = false })),
            new("without ironic praise", new TextAnalyzer(full, d with { IronicPraise = false })),
            new("without ironic faces", new TextAnalyzer(full, d with { IronicFaces = false })),
            new("without the learnt tone", new TextAnalyzer(full, d with { LearntTone = false })),
            new("without the learnt irony", new TextAnalyzer(full, d with { LearntIrony = false })),
            new("without the learnt neutral", new TextAnalyzer(full, d with { LearntNeutral = false })),
            new("without ratings", new TextAnalyzer(full, d with { Ratings = false })),
            new("without not-even", new TextAnalyzer(full, d with { NotEven = false })),
            new("without time passed", new TextAnalyzer(full, d with { TimePassed = false })),
            new("without conditional questions", new TextAnalyzer(full, d with { ConditionalQuestions = false })),
            new("without self-blame", new TextAnalyzer(full, d with { SelfBlame = false })),
            new("without rhetorical questions", new TextAnalyzer(full, d with { RhetoricalQuestions = false })),
            new("without answers", new TextAnalyzer(full, d with { Answers = false })),
            new("without pleas", new TextAnalyzer(full, d with { Pleas = false })),
            new("without comparatives", new TextAnalyzer(full, d with { Comparatives = false })),
            new("negated bad words at VADER's scalar", new TextAnalyzer(full, d with { NegatedNegativeScalar = SentimentGrammar.NegationScalar })),
            new("without negative weight", new TextAnalyzer(full, d with { NegativeWeight = 1f })),
            new("without question scaling", new TextAnalyzer(full, d with { QuestionScale = 1f, QuestionPositiveScale = 1f, YesNoQuestionScale = 1f, YesNoQuestionPositiveScale = 1f })),
            new("yes/no questions as other questions", new TextAnalyzer(full, d with { YesNoQuestionScale = d.QuestionScale, YesNoQuestionPositiveScale = d.QuestionPositiveScale })),
            new("good words in questions as bad ones", new TextAnalyzer(full, d with { QuestionPositiveScale = d.QuestionScale, YesNoQuestionPositiveScale = d.YesNoQuestionScale })),
            new("without closing-thanks scaling", new TextAnalyzer(full, d with { ClosingThanksScale = 1f })),
            new("without mixed-verdict damping", new TextAnalyzer(full, d with { MixedVerdictScale = 1f })),
            new("without length damping", new TextAnalyzer(full, d with { LengthDampingWords = 0 })),
        ];
    }
}
