using Evident.Text.Phrases;
using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>Which rule set a word's valence last — for explanations.</summary>
public enum ValenceRule : byte
{
    None,
    Lexicon,
    Phrase,
    Negated,
    LongWait,
    Irrealis,
    Excess,
    Reduced,
    Ironic,
    /// <summary>"Nobody at the desk could help": a subject "nobody" or "no one" negates its clause, beyond three words.</summary>
    NobodyClause,
    /// <summary>"Lost my bag. Great.": praise alone as a sentence after bad news is irony.</summary>
    IronicPraise,
    /// <summary>"It used to be so easy", "I used to love this app": what was good once is not now.</summary>
    UsedTo,
    /// <summary>"Do you even care about your customers?", "How is this acceptable?": a question asked to be answered no.</summary>
    RhetoricalQuestion,
    /// <summary>"Got a chicken burger instead of the veggie one": what came instead of what was ordered.</summary>
    Mismatch,
    /// <summary>"So much for the best airline": what a clause opened by "so much for" names was claimed and did not hold.</summary>
    SoMuchFor,
    /// <summary>'my "guaranteed" next-day parcel': a good word in quotes after a determiner is doubted, not meant; so is a
    /// quoted status ("refund still 'processing'").</summary>
    ScareQuotes,
    /// <summary>"Help!", "@AcmeHelp help me": "help" alone in its clause, or opening it before "me" or "please", asks for help; it is not praise.</summary>
    Plea,
    /// <summary>"UR team messed up again lol", "Lol it just gets worse 😂": laughter in a sentence with a complaint is bitter, not amused.</summary>
    BitterLaughter,
    /// <summary>"Mixed feelings", "swings and roundabouts": a verdict that weighs good against bad; the whole text is damped toward neutral.</summary>
    MixedVerdict,
    /// <summary>"They told me it was sorted and it isn't": a clause that ends on its denial turns the claim before it.</summary>
    ElidedDenial,
    /// <summary>"£40 to change a name on a ticket??": repeated question marks after a statement are disbelief.</summary>
    Incredulity,
    /// <summary>"Neat 🙃", "great purchase 🙄": praise before an eye-roll or upside-down face is irony.</summary>
    IronicFace,
    /// <summary>"I've asked four times now": asking or contacting again and again is a complaint.</summary>
    RepeatedAsking,
    /// <summary>"10/10", "3/5.": a score out of five or ten standing as its own sentence is the writer's verdict.</summary>
    Rating,
    /// <summary>"It hasn't even shipped", "the blade doesn't even spin": the least that was expected did not happen.</summary>
    NotEven,
    /// <summary>"booked 8-12 … its 3pm", "meant to complete on the 3rd. It's the 28th": the time promised has passed.</summary>
    TimePassed,
    /// <summary>"@united bag. still. not. here.": no word carries sentiment, and the learnt tone reads a complaint (<see cref="ToneModel"/>).</summary>
    LearntTone,
    /// <summary>"gate agent rolled her eyes at me. thanks for the warm welcome": praise in a text the learnt tone reads as a complaint is irony.</summary>
    LearntIrony,
    /// <summary>"can I cancel the order I placed by mistake?": one mild word in a text the learnt tone reads as neither complaint nor praise.</summary>
    LearntNeutral,
}

/// <summary>Switches for the rules that go beyond VADER, so each can be measured on its own (see docs/benchmarks.md).</summary>
public sealed record SentimentOptions
{
    /// <summary>VADER's original rules only: negation three words back, the first "but" of the whole text.</summary>
    public static SentimentOptions Vader { get; } = new()
    {
        ModifiersStopAtClause = false, SentenceContrast = false, LongWaitRule = false, UsePhrases = false, Irrealis = false, Excess = false, Reducers = false, Resolution = false, PoliteRequests = false, ElidedDenial = false, Incredulity = false, IronicThanks = false, Laughter = false, NobodyClause = false, IronicPraise = false, IronicFaces = false, LearntTone = false, LearntIrony = false, LearntNeutral = false, LearntMainTheme = false, LearntTheme = false, Ratings = false, NotEven = false, TimePassed = false, ConditionalQuestions = false, SelfBlame = false, RhetoricalQuestions = false, ScopeEndsAtSentiment = false, Answers = false, Pleas = false, Comparatives = false, QuestionScale = 1f, QuestionPositiveScale = 1f, YesNoQuestionScale = 1f, YesNoQuestionPositiveScale = 1f, LengthDampingWords = 0, ClosingThanksScale = 1f, ClosingQuestionScale = 1f, OpeningQuestionScale = 1f,
        MixedVerdictScale = 1f, NegativeWeight = 1f, NegatedNegativeScalar = SentimentGrammar.NegationScalar,
    };

    public static SentimentOptions Default { get; } = new();

    /// <summary>Negators, boosters and "no" reach back over at most three words and never across , ; : or a dash.</summary>
    public bool ModifiersStopAtClause { get; init; } = true;

    /// <summary>Contrast words ("but", "however", "although") weigh clauses within their own sentence.</summary>
    public bool SentenceContrast { get; init; } = true;

    /// <summary>A stated wait ("on hold for 40 minutes", "took 3 weeks") is negative.</summary>
    public bool LongWaitRule { get; init; } = true;

    /// <summary>
    /// "Should have been great", "could have been better": a sentiment word under a past modal is reversed in part; so is
    /// one after "used to (be)": "it used to be so easy", "I used to love this app".
    /// </summary>
    public bool Irrealis { get; init; } = true;

    /// <summary>
    /// A text the lexicon and the rules leave neutral is read by the learnt tone (<see cref="ToneModel"/>): flat bad news
    /// ("DMd you guys 3 days ago. nothing.") turns mildly negative, flat good news mildly positive.
    /// </summary>
    public bool LearntTone { get; init; } = true;

    /// <summary>
    /// A text the lexicon reads as mildly positive (compound below <see cref="ToneModel.IronyCeiling"/>) that the learnt tone
    /// reads as a strong complaint is irony: its good words count a quarter of their valence, against it
    /// ("@AmericanAir your agent literally said 'there's nothing I can do' and walked away. so helpful").
    /// </summary>
    public bool LearntIrony { get; init; } = true;

    /// <summary>
    /// A text the lexicon reads as mildly good or bad (compound within ±<see cref="ToneModel.NeutralCeiling"/>) that the
    /// learnt tone reads as neither complaint nor praise is neutral: its words count a tenth ("is there a problem with the
    /// app today?", "can I get a refund on the unused part of my ticket").
    /// </summary>
    public bool LearntNeutral { get; init; } = true;

    /// <summary>
    /// Of the themes a text names, the one the learnt words favour by a wide margin goes first, as the main theme
    /// (<see cref="ToneModel.MainOf(ReadOnlySpan{Token}, IReadOnlyList{ThemeHit})"/>). Not sentiment, but the same model and
    /// the same switches.
    /// </summary>
    public bool LearntMainTheme { get; init; } = true;

    /// <summary>
    /// A text no phrase names a theme in gets the theme its words make likely past the model's probability floor
    /// (<see cref="ToneModel.LearntTheme(ReadOnlySpan{Token}, out int, out int, out string)"/>), with the word or pair that
    /// weighed most as its evidence.
    /// </summary>
    public bool LearntTheme { get; init; } = true;

    /// <summary>"Yes I did", "ok I will try that", "No I was not able to": an answer word opening a reply is not a feeling (unless "Yes!").</summary>
    public bool Answers { get; init; } = true;

    /// <summary>"Help!", "help me", "Hello, help please": "help" asked for is a plea, mildly negative, not VADER's +1.7.</summary>
    public bool Pleas { get; init; } = true;

    /// <summary>"Never had a better meal", "it couldn't be worse": never or can't before a comparative says the utmost, not a denial;
    /// "less helpful", "less than helpful" say the opposite, as "least helpful" does.</summary>
    public bool Comparatives { get; init; } = true;

    /// <summary>A modifier's reach ends at the first sentiment word: "don't care, don't care" is not a double negative.</summary>
    public bool ScopeEndsAtSentiment { get; init; } = true;

    /// <summary>"Prevent delays", "reduce waiting": a reducing verb turns the bad thing it lessens into a good.</summary>
    public bool Reducers { get; init; } = true;

    /// <summary>A problem put right ("support sorted it the same day") halves the bad words before it (<c>MarkResolution</c>).</summary>
    public bool Resolution { get; init; } = true;

    /// <summary>A polite request ("I'd like to make a complaint") counts the bad words of its sentence for a tenth (<c>ScalePoliteRequests</c>).</summary>
    public bool PoliteRequests { get; init; } = true;

    /// <summary>
    /// "My new card still hasn't come, it was posted on the 3rd. Should I wait a few more days or order another one?": a text
    /// that closes on a question for information or action tells its problem to ask about it, and the words before the
    /// question are scaled by this when they hold little feeling either way (<c>ScaleBeforeClosingQuestion</c>); 1 turns the rule off.
    /// </summary>
    public float ClosingQuestionScale { get; init; } = 0.25f;

    /// <summary>
    /// "How do I change the email on my account? I no longer have access to my old work email.": the mild sentences after an
    /// opening question for information are its context, and weigh this much (<c>ScaleAfterOpeningQuestion</c>); 1 turns the
    /// rule off. At 0.25 it gained 27 probe texts, at 0.1 36 and two TWCS tweets, each for one TWCS tweet lost.
    /// </summary>
    public float OpeningQuestionScale { get; init; } = 0.1f;

    /// <summary>Repeated question marks after a statement ("got single cream??") count as a mildly bad token (<c>MarkIncredulity</c>).</summary>
    public bool Incredulity { get; init; } = true;

    /// <summary>"Told me it was fixed but it wasn't": a clause ending on its own denial turns the claim before it (<c>MarkElidedDenials</c>).</summary>
    public bool ElidedDenial { get; init; } = true;

    /// <summary>"Thanks for losing my bag": thanks for a bad thing is a complaint, not gratitude.</summary>
    public bool IronicThanks { get; init; } = true;

    /// <summary>
    /// Laughter ("lol", "haha", 😂) is an interjection: it stands alone as an emoji does ("I have no idea lol" negates
    /// nothing), and in a sentence that also complains ("UR team messed up again lol") it is bitter and counts nothing.
    /// </summary>
    public bool Laughter { get; init; } = true;

    /// <summary>
    /// "Cancelled my flight and no hotel voucher. Great.": praise standing alone as a sentence (not exclaimed) after
    /// sentences that were bad on balance is irony, and counts against at half its weight; so is a sentence opening "Love
    /// how …", "Gotta love waiting …" whose rest is bad.
    /// </summary>
    public bool IronicPraise { get; init; } = true;

    /// <summary>"Neat 🙃", "great purchase 🙄": an eye-roll or upside-down face turns the praise before it (<c>MarkIronicFaces</c>).</summary>
    public bool IronicFaces { get; init; } = true;

    /// <summary>"Spotless room. 10/10", "1/10... just bad": a score out of five or ten opening a sentence counts as a
    /// verdict (<c>MarkRatings</c>).</summary>
    public bool Ratings { get; init; } = true;

    /// <summary>"It hasn't even shipped": a negated auxiliary, "even" and a verb say the least expected did not happen
    /// (<c>MarkNotEven</c>).</summary>
    public bool NotEven { get; init; } = true;

    /// <summary>"booked 8-12 … its 3pm": "it's" or "now" before a time or date, after a time the text gave, says the time
    /// promised has passed (<c>MarkTimePassed</c>).</summary>
    public bool TimePassed { get; init; } = true;

    /// <summary>
    /// "If I cancel my plan now do I keep access?": a question that opens with a condition, then asks with an auxiliary and a
    /// subject, is a question for information, the condition the case asked about (<c>ConditionedQuestion</c>).
    /// </summary>
    public bool ConditionalQuestions { get; init; } = true;

    /// <summary>
    /// "I accidentally bought a PSP game", "ordered the wrong size by mistake": a clause in which the customer owns the slip
    /// is not a complaint, and its bad words count nothing (<c>ScaleSelfBlame</c>).
    /// </summary>
    public bool SelfBlame { get; init; } = true;

    /// <summary>
    /// "Do you even care about your customers?", "Does anyone even read these?": a yes/no question holding "even" asks
    /// in order to say no, so its praise counts against as a negated word would, and its complaints are not scaled down;
    /// so does "how is this/that/it …?" ("How is this acceptable?").
    /// </summary>
    public bool RhetoricalQuestions { get; init; } = true;

    /// <summary>
    /// "Nobody at the desk could help", "no one from your team has been helpful": "nobody" or "no one" as the subject
    /// negates a good word anywhere in its clause, not only within VADER's three words. Not before a comparison
    /// ("no one could have been more helpful than Sam").
    /// </summary>
    public bool NobodyClause { get; init; } = true;

    /// <summary>"Too slow", "too expensive": "too" before a word marks excess, which customers complain of.</summary>
    public bool Excess { get; init; } = true;

    /// <summary>
    /// Weight of negative valences relative to positive ones. Lexicon methods read text as more positive than people
    /// do (people weigh the bad more); SO-CAL (Taboada et al. 2011) weights negative expressions 1.5×.
    /// </summary>
    public float NegativeWeight { get; init; } = 1.3f;

    /// <summary>
    /// People rate how strongly a text feels, not how many feeling words it holds; VADER's sum grows with length.
    /// Beyond this many words, valences are damped by √(this / words); 0 turns damping off.
    /// </summary>
    public int LengthDampingWords { get; init; } = 5;

    /// <summary>
    /// The damping never goes below this, so a long complaint with one mild negative word stays negative rather
    /// than fading into the neutral band.
    /// </summary>
    public float LengthDampingFloor { get; init; } = 0.4f;

    /// <summary>Valence inside a sentence that ends with "?" is scaled by this: a question asserts less ("Why is it so slow?").</summary>
    public float QuestionScale { get; init; } = 0.6f;

    /// <summary>
    /// What a good word in such a question is scaled by instead of <see cref="QuestionScale"/>: a good word in a question is
    /// more often asked about or doubted ("Why remove the greatest song ever made?") than felt. 0.45 against 0.6 moved 7 of
    /// the 2,778 TWCS tweets, 6 rightly; movie, amazon and NYT gained, tweets lost 0.00003 (0.3 cost tweets 0.0002).
    /// </summary>
    public float QuestionPositiveScale { get; init; } = 0.45f;

    /// <summary>
    /// A yes/no question, opening with "is", "can", "does", "any" … ("Is it on time?", "Can the difference be refunded?"),
    /// asks rather than complains or praises, and is scaled by this instead. Customers' questions of this kind are mostly
    /// requests for information: on the TWCS sample 0.3 moved four such questions from positive to neutral, and two
    /// mild complaints put as questions from negative to neutral.
    /// </summary>
    public float YesNoQuestionScale { get; init; } = 0.3f;

    /// <summary>
    /// What a good word in a yes/no question is scaled by instead of <see cref="YesNoQuestionScale"/>: it is mostly what is
    /// asked about ("Is there an easy way to transfer files?", "will I still get the free weapon unlock?", "Can you actually
    /// help or not?"), while a bad word there is more often a complaint put as a question ("Is anyone else having trouble
    /// with their network?"). 0.1 against 0.3 moved 18 of the 2,778 TWCS tweets, 16 rightly, and every rated corpus gained.
    /// </summary>
    public float YesNoQuestionPositiveScale { get; init; } = 0.1f;

    /// <summary>
    /// A last sentence of thanks alone ("Thanks.", "Thank you so much!") after a message that was bad on balance is a
    /// courtesy, not gratitude: its valence is scaled by this (1 turns the rule off).
    /// </summary>
    public float ClosingThanksScale { get; init; } = 0.5f;

    /// <summary>
    /// A text that states a mixed verdict ("Mixed feelings.", "Swings and roundabouts really", "Hit and miss"; lines of
    /// <c>cx_lexicon.tsv</c> whose valence is written <c>mixed</c>) weighs its own good against its bad: every valence is
    /// scaled by this, so the praise and the complaint it weighed no longer decide the label (1 turns the rule off).
    /// </summary>
    public float MixedVerdictScale { get; init; } = 0.1f;

    /// <summary>
    /// A negator before a bad word ("not missing", "isn't blurry", "didn't crash") multiplies it by this instead of VADER's
    /// -0.74: denying a fault states a fact more than it praises, as Kiritchenko and Mohammad (2016) found people read
    /// negated negative words, near neutral and slightly positive. Good words negated keep VADER's scalar ("not helpful").
    /// VADER's "no" before a bad word ("no problem") is not changed: it lowered the NYT editorials' r.
    /// </summary>
    public float NegatedNegativeScalar { get; init; } = -0.2f;

    /// <summary>Multi-word expressions from the lexicons ("waste of time", "never again").</summary>
    public bool UsePhrases { get; init; } = true;

    /// <summary>VADER's normalisation constant: compound = x / sqrt(x² + alpha).</summary>
    public double Alpha { get; init; } = 15;
}

/// <summary>
/// Rule-based sentiment over tokens, after VADER (Hutto &amp; Gilbert 2014): lexicon valences adjusted for
/// intensifiers, negation, capitals, contrast and punctuation emphasis, then normalised to [-1, 1].
/// </summary>
public static class SentimentScorer
{
    /// <summary>
    /// Scores tokenized text. <paramref name="valences"/> and <paramref name="rules"/> (as long as the tokens)
    /// receive each token's final valence and the rule that set it; non-sentiment tokens get 0.
    /// </summary>
    public static SentimentScore Score(
        ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, in TextShape shape, LexiconSet lexicons, SentimentOptions options,
        Span<float> valences, Span<ValenceRule> rules, Span<PhraseMatch> phraseBuffer) =>
        Score(text, tokens, shape, lexicons, options, valences, rules, phraseBuffer, [], [], out _);

    /// <summary>
    /// As above; <paramref name="phraseAt"/>, when not empty, receives at a phrase's first token the phrase's id, and
    /// <paramref name="toneFeatures"/>, when it has room for <see cref="ToneModel.MaxFeatures"/>, the text's features if the
    /// learnt tone was asked, <paramref name="toneFeatureCount"/> then their number, else -1: the themes read them again.
    /// </summary>
    public static SentimentScore Score(
        ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, in TextShape shape, LexiconSet lexicons, SentimentOptions options,
        Span<float> valences, Span<ValenceRule> rules, Span<PhraseMatch> phraseBuffer, Span<int> phraseAt, Span<int> toneFeatures, out int toneFeatureCount)
    {
        toneFeatureCount = -1;
        var entries = lexicons.Vocabulary.Entries;
        valences[..tokens.Length].Clear();
        rules[..tokens.Length].Clear();

        bool mixedVerdict = options.UsePhrases && ApplyPhrases(tokens, lexicons, valences, rules, phraseBuffer, phraseAt);
        bool capsDiffer = shape.CapitalsDiffer;
        // "nobody" or "no" … "one" somewhere: the nobody rule has something to look for
        bool nobody = options.NobodyClause && (shape.Roles & (WordRole.Nobody | WordRole.No)) != 0;
        bool reducers = options.Reducers && (shape.Roles & WordRole.Reducer) != 0; // "prevent", "reduce" … somewhere
        bool irrealis = options.Irrealis && (shape.Roles & WordRole.PastModal) != 0; // "should", "could" … somewhere
        bool usedTo = options.Irrealis && (shape.Roles & WordRole.UsedTo) != 0; // "used" or "much" somewhere
        // a negator, "no", a booster or "least" somewhere: only then can the words before a sentiment word change it
        bool modified = (shape.Roles & (WordRole.Negator | WordRole.No | WordRole.Modifier)) != 0;

        for (int i = 0; i < tokens.Length; i++)
        {
            ref readonly Token t = ref tokens[i];
            if (!CarriesSentiment(t) || rules[i] is ValenceRule.Phrase or ValenceRule.MixedVerdict && valences[i] == 0)
            {
                continue;
            }
            float v;
            if (rules[i] == ValenceRule.Phrase)
            {
                v = valences[i];
            }
            else
            {
                if (t.Entry < 0 || (t.Role & WordRole.Lexical) == 0)
                {
                    continue; // most words carry no sentiment: decided from the token, without reading the entry
                }
                ref readonly WordEntry e = ref entries[t.Entry];
                // VADER: a booster is not a sentiment word; but "dead", "pretty" are both, and alone they keep their valence
                if ((e.Role & WordRole.Lexical) == 0 || e.Booster != 0 && t.Kind == TokenKind.Word && (e.Role & WordRole.AdverbialBooster) == 0 ||
                    IsKindOf(tokens, i, lexicons.Vocabulary))
                {
                    continue;
                }
                if (options.Answers && (e.Role & WordRole.Answer) != 0 && IsAnswer(tokens, i))
                {
                    continue;
                }
                if (options.Pleas && t.Entry == lexicons.Vocabulary.Grammar.Help && (t.Kind == TokenKind.Hashtag || IsPlea(tokens, i, lexicons.Vocabulary.Grammar)))
                {
                    valences[i] = PleaValence;
                    rules[i] = ValenceRule.Plea;
                    continue;
                }
                if ((t.Flags & TokenMarks.AllCaps) != 0 && t.Length == 3 && IsOneOf(t, lexicons.Vocabulary.Grammar.NamesInCapitals))
                {
                    continue; // "flying into LAX": the airport
                }
                if ((e.Role & WordRole.AdverbialBooster) != 0 && (NextIsLexical(tokens, i) || i + 1 < tokens.Length && IsOneOf(tokens[i + 1], lexicons.Vocabulary.Grammar.DegreeWords)) ||
                    (e.Role & WordRole.VerbOnly) != 0 && !PreviousHasRole(tokens, i, WordRole.LikeSubject))
                {
                    continue; // "pretty bad" intensifies "bad", "a pretty big bummer" "big"; "looks like rain" likes nothing
                }
                v = e.Valence;
                if (v == 0)
                {
                    continue; // neutralised on purpose ("please", "support"): nothing for modifiers to act on
                }
                rules[i] = ValenceRule.Lexicon;
                if ((e.Role & WordRole.No) != 0 && (NextIsLexical(tokens, i) || AbbreviatesNumber(text, tokens, i) ||
                    options.Answers && AnswersNo(tokens, i, lexicons.Vocabulary.Grammar)))
                {
                    // "no" as a determiner: "no problems" is about the problems; "at no. 14" is a number; "@AppleSupport No",
                    // "No I was not able to": the answer to an agent's question, and what follows it says how things went
                    valences[i] = 0;
                    rules[i] = ValenceRule.None;
                    continue;
                }
            }
            if (t.Kind is TokenKind.Hashtag or TokenKind.Emoji or TokenKind.Emoticon || options.Laughter && (t.Role & WordRole.Laughter) != 0)
            {
                valences[i] = v; // a tag, an emoji, an emoticon or laughter stands alone: "no refund 😡" is not a negated 😡
                if ((t.Flags & TokenMarks.Negated) != 0)
                {
                    valences[i] = v * SentimentGrammar.NegationScalar; // "#notcool" negates itself
                    rules[i] = ValenceRule.Negated;
                }
                continue;
            }
            v = ApplyContext(tokens, i, v, capsDiffer, modified, lexicons.Vocabulary, options, valences, rules);
            if (reducers && v < 0 && (AfterReducer(tokens, i, lexicons.Vocabulary.Grammar) || rules[i] != ValenceRule.Phrase && BeforePassiveReducer(text, tokens, i, lexicons.Vocabulary.Grammar)))
            {
                v *= ReducerScalar;
                rules[i] = ValenceRule.Reduced;
            }
            if (nobody && v > 0 && rules[i] != ValenceRule.Negated && AfterNobody(tokens, i, lexicons.Vocabulary.Grammar))
            {
                v *= SentimentGrammar.NegationScalar;
                rules[i] = ValenceRule.NobodyClause;
            }
            if (irrealis && UnderPastModal(tokens, i, lexicons.Vocabulary.Grammar, options.Comparatives))
            {
                v *= IrrealisScalar;
                rules[i] = ValenceRule.Irrealis;
            }
            else if (usedTo && v > 0 && AfterUsedTo(tokens, i, lexicons.Vocabulary.Grammar))
            {
                v *= IrrealisScalar;
                rules[i] = ValenceRule.UsedTo;
            }
            else if (usedTo && v > 0 && AfterSoMuchFor(tokens, i, lexicons.Vocabulary.Grammar))
            {
                v *= IrrealisScalar;
                rules[i] = ValenceRule.SoMuchFor;
            }
            valences[i] = v;
        }
        if (options.Excess && shape.HasExcess)
        {
            MarkExcess(tokens, valences, rules);
        }

        if (options.Ratings && shape.HasNumber && text.Contains('/'))
        {
            MarkRatings(text, tokens, valences, rules);
        }
        if (options.LongWaitRule && shape.HasNumber && shape.HasTimeUnit)
        {
            LongWaits.Apply(text, tokens, lexicons.Vocabulary, valences, rules);
        }
        if (shape.HasQuote)
        {
            MarkScareQuotes(text, tokens, lexicons.Vocabulary.Grammar, valences, rules);
            if (!shape.HasQuestion)
            {
                MarkQuotedStatus(text, tokens, lexicons.Vocabulary.Grammar, valences, rules);
            }
        }
        if ((shape.Roles & WordRole.OrderOrInstead) != 0)
        {
            MarkMismatch(tokens, lexicons.Vocabulary.Grammar, valences, rules); // "instead of", or an order said
            if (options.SelfBlame)
            {
                ScaleSelfBlame(tokens, lexicons.Vocabulary.Grammar, valences); // "I accidentally bought …", "by mistake"
            }
            MarkRepeatedAsking(tokens, lexicons.Vocabulary.Grammar, valences, rules); // "I've asked four times now", "the fourth time I've written"
        }
        if (options.Laughter && (shape.Roles & WordRole.Laughter) != 0)
        {
            MarkBitterLaughter(tokens, valences, rules);
        }
        if (options.IronicThanks && (shape.Roles & WordRole.Thanks) != 0)
        {
            MarkIronicThanks(text, tokens, lexicons.Vocabulary.Grammar, valences, rules);
        }
        if (options.TimePassed && shape.HasNumber)
        {
            MarkTimePassed(text, tokens, lexicons.Vocabulary.Grammar, valences, rules);
        }
        if (options.NotEven && (shape.Roles & WordRole.Negator) != 0)
        {
            MarkNotEven(tokens, lexicons.Vocabulary.Grammar, valences, rules);
        }
        if (options.ElidedDenial && (shape.Roles & (WordRole.Negator | WordRole.No)) != 0)
        {
            MarkElidedDenials(tokens, lexicons.Vocabulary.Grammar, valences, rules);
        }
        if (!shape.HasContrast)
        {
            // nothing to weigh
        }
        else if (options.SentenceContrast)
        {
            Contrast.ApplyPerSentence(tokens, valences);
        }
        else
        {
            Contrast.ApplyVaderBut(tokens, valences, lexicons.Vocabulary);
        }
        if (options.Resolution && (shape.Roles & WordRole.Reducer) != 0)
        {
            MarkResolution(tokens, lexicons.Vocabulary.Grammar, valences);
        }
        if (options.PoliteRequests && (shape.Roles & WordRole.VerbOnly) != 0)
        {
            ScalePoliteRequests(tokens, lexicons.Vocabulary.Grammar, valences);
        }
        if (options.IronicPraise && (shape.Roles & WordRole.Praise) != 0)
        {
            if (tokens[^1].Sentence > 0)
            {
                MarkIronicPraise(tokens, lexicons.Vocabulary.Grammar, valences, rules); // after contrast: "… but they sorted it. Perfect." is not irony
            }
            MarkClosingIronicPraise(tokens, lexicons.Vocabulary, valences, rules);
            ClearPraiseOfRequest(tokens, lexicons.Vocabulary.Grammar, valences); // "if you could call me, that'd be great"
            MarkPraiseBeforeRepeat(text, tokens, lexicons.Vocabulary.Grammar, valences, rules);
        }
        if (options.IronicPraise && (shape.Roles & (WordRole.Love | WordRole.Praise)) != 0)
        {
            MarkIronicLove(tokens, lexicons.Vocabulary.Grammar, valences, rules);
            if (shape.HasHashtag)
            {
                MarkSarcasmTags(tokens, lexicons.Vocabulary.Grammar, valences, rules);
            }
        }
        if (options.IronicFaces && (shape.Roles & WordRole.Emoji) != 0)
        {
            MarkIronicFaces(tokens, lexicons.Vocabulary.Grammar, valences, rules);
        }
        if (options.ClosingThanksScale != 1f && (shape.Roles & WordRole.Thanks) != 0)
        {
            ScaleClosingThanks(text, tokens, lexicons.Vocabulary.Grammar, valences, rules, options.ClosingThanksScale, options.IronicThanks);
        }
        if (options.ClosingQuestionScale != 1f && shape.HasQuestion && tokens[^1].Sentence > 0)
        {
            ScaleBeforeClosingQuestion(tokens, lexicons.Vocabulary.Grammar, valences, options.ClosingQuestionScale);
        }
        if (options.OpeningQuestionScale != 1f && shape.HasQuestion && tokens[^1].Sentence > 0)
        {
            ScaleAfterOpeningQuestion(tokens, lexicons.Vocabulary.Grammar, valences, options.OpeningQuestionScale);
        }
        if ((options.QuestionScale != 1f || options.QuestionPositiveScale != 1f || options.YesNoQuestionScale != 1f || options.YesNoQuestionPositiveScale != 1f) && shape.HasQuestion)
        {
            ScaleQuestions(tokens, valences, rules, options, lexicons.Vocabulary.Grammar);
        }
        else if (options.RhetoricalQuestions && !shape.HasQuestion)
        {
            MarkUnmarkedWhyNot(tokens, valences, rules, lexicons.Vocabulary.Grammar);
        }
        if (options.Incredulity && shape.HasQuestion)
        {
            MarkIncredulity(tokens, lexicons.Vocabulary.Grammar, valences, rules);
        }
        float damping = options.LengthDampingWords > 0 && shape.Words > options.LengthDampingWords
            ? MathF.Max(options.LengthDampingFloor, MathF.Sqrt((float)options.LengthDampingWords / shape.Words))
            : 1f;
        if (mixedVerdict)
        {
            damping *= options.MixedVerdictScale;
        }
        if (options.NegativeWeight != 1f || damping != 1f)
        {
            WeighAndDamp(valences[..tokens.Length], options.NegativeWeight, damping); // one pass for both
        }
        var score = Summarise(tokens, valences, 0, tokens.Length, options.Alpha);
        if (!mixedVerdict && !lexicons.Tone.IsEmpty && !shape.Foreign) // a mixed verdict made the text neutral on purpose
        {
            bool neutral = score.Label == SentimentLabel.Neutral;
            bool forTone = options.LearntTone && neutral;
            bool forIrony = options.LearntIrony && score.Label == SentimentLabel.Positive && score.Compound < ToneModel.IronyCeiling;
            bool forNeutral = options.LearntNeutral && !neutral && Math.Abs(score.Compound) < ToneModel.NeutralCeiling && OnlyWords(rules[..tokens.Length]);
            if (forTone || forIrony || forNeutral)
            {
                bool room = toneFeatures.Length >= ToneModel.MaxFeatures(tokens.Length);
                var into = room ? toneFeatures : new int[ToneModel.MaxFeatures(tokens.Length)];
                int count = lexicons.Tone.Features(tokens, into);
                toneFeatureCount = room ? count : -1; // listed elsewhere: the caller's buffer holds nothing
                score = ReadTone(tokens, into[..count], shape, lexicons, options, valences, rules, phraseBuffer, score, forTone, forIrony, forNeutral);
            }
        }
        return score;
    }

    /// <summary>
    /// The learnt tone's readings (<see cref="ToneModel"/>), the text's log-odds measured once: a neutral text read as a
    /// complaint or as praise, a mildly positive one about a service read as irony, a mildly good or bad one read as neutral.
    /// </summary>
    private static SentimentScore ReadTone(
        ReadOnlySpan<Token> tokens, ReadOnlySpan<int> features, in TextShape shape, LexiconSet lexicons, SentimentOptions options, Span<float> valences,
        Span<ValenceRule> rules, Span<PhraseMatch> phraseBuffer, SentimentScore score, bool forTone, bool forIrony, bool forNeutral)
    {
        var tone = lexicons.Tone;
        var odds = tone.Measure(features, shape.HasQuestion);
        if (forTone)
        {
            int sign = tone.Sign(odds);
            if (sign == 0)
            {
                return score;
            }
            tone.Strongest(tokens, sign < 0, out int at, out _, out _);
            if (at < 0)
            {
                return score;
            }
            valences[at] += sign * ToneModel.Valence; // on the word that weighed most, so the cue names it
            rules[at] = ValenceRule.LearntTone;
        }
        else if (forIrony && tone.IsIrony(odds) && NamesATheme(tokens, lexicons, phraseBuffer))
        {
            Rescale(valences[..tokens.Length], rules, goodOnly: true, -LearntIronyScalar, ValenceRule.LearntIrony);
        }
        else if (forNeutral && tone.IsNeutral(odds))
        {
            Rescale(valences[..tokens.Length], rules, goodOnly: false, LearntNeutralScalar, ValenceRule.LearntNeutral);
        }
        else
        {
            return score;
        }
        return Summarise(tokens, valences, 0, tokens.Length, options.Alpha);
    }

    /// <summary>Multiplies every valence (only the good ones with <paramref name="goodOnly"/>) by <paramref name="scalar"/>, as <paramref name="rule"/>.</summary>
    private static void Rescale(Span<float> valences, Span<ValenceRule> rules, bool goodOnly, float scalar, ValenceRule rule)
    {
        for (int i = 0; i < valences.Length; i++)
        {
            if (goodOnly ? valences[i] > 0 : valences[i] != 0)
            {
                valences[i] *= scalar;
                rules[i] = rule;
            }
        }
    }

    /// <summary>
    /// Whether every valence was set by a single word of the lexicons, negated or not: a text a phrase or a rule read ("how
    /// hard is it to keep a plane on schedule?", "on hold for 40 minutes") was read on purpose, and the learnt neutral leaves it.
    /// </summary>
    private static bool OnlyWords(ReadOnlySpan<ValenceRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule is not (ValenceRule.None or ValenceRule.Lexicon or ValenceRule.Negated))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>What a word counts in a text read as neutral (<see cref="SentimentOptions.LearntNeutral"/>): compound 0.3 becomes 0.03.</summary>
    private const float LearntNeutralScalar = 0.1f;

    /// <summary>
    /// Whether a theme phrase of the taxonomy (or a fallback) occurs: the text is about a service. The learnt irony needs it:
    /// learnt from customers, it took "just spent an hour and a half talking to my regional manager. I gained a greater
    /// respect for him" for a complaint. <paramref name="buffer"/> is the phrase buffer, free again once the sentiment
    /// phrases are read.
    /// </summary>
    private static bool NamesATheme(ReadOnlySpan<Token> tokens, LexiconSet lexicons, Span<PhraseMatch> buffer)
    {
        var index = lexicons.ThemePhrases;
        int themes = lexicons.Taxonomy.Themes.Count;
        int n = index.FindAll(tokens, buffer);
        for (int m = 0; m < n; m++)
        {
            int payload = index.Payloads[buffer[m].Phrase];
            if (payload < themes || payload >= 2 * themes) // not an exception, which names none
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What a good word counts, against it, in a text read as irony (<see cref="SentimentOptions.LearntIrony"/>).</summary>
    private const float LearntIronyScalar = 0.25f;

    private const float ResolutionScalar = 0.5f;

    /// <summary>What a run of question marks closing a statement counts, on VADER's scale ("£40 to change a name on a ticket??").</summary>
    private const float IncredulityValence = -0.5f;

    /// <summary>
    /// "£40 to change a name on a ticket??", "asked for oat milk and got single cream??", "so when will the engineer come??":
    /// two or more question marks after a sentence that does not simply ask for information are disbelief, and the run
    /// counts as a mildly bad token of its own (<see cref="IncredulityValence"/>); the first run in a text only, and not after
    /// a sentence whose words were only good ("the app update is actually smooth??" is delighted). "Where is the bind button
    /// on the console???" asks, however impatiently, and is left alone.
    /// </summary>
    private static void MarkIncredulity(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        int start = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i > 0 && tokens[i].Sentence != tokens[i - 1].Sentence)
            {
                start = i;
            }
            if (tokens[i].Kind != TokenKind.Punctuation || tokens[i].Questions < 2 || tokens[i].Exclamations > 0)
            {
                continue; // "candy corn??!" exclaims
            }
            int first = FirstWord(tokens, start, i);
            if (first < i && !AsksForInformation(tokens, first, i, g) && !OnlyGood(valences[start..i]))
            {
                valences[i] = IncredulityValence;
                rules[i] = ValenceRule.Incredulity;
                return;
            }
        }
    }

    /// <summary>Whether some valence is good and none bad: "the app update is actually smooth??" is delighted surprise, not disbelief.</summary>
    private static bool OnlyGood(ReadOnlySpan<float> valences)
    {
        bool good = false;
        foreach (float v in valences)
        {
            if (v < 0)
            {
                return false;
            }
            good |= v > 0;
        }
        return good;
    }

    /// <summary>What a denial standing for a whole clause counts ("… and they didn't"), on VADER's scale: as "never came".</summary>
    private const float DenialValence = -1.5f;

    /// <summary>
    /// "Every agent tells me it's sorted and it isn't", "Told it would be resolved in 48 hours, it wasn't", "The site says in
    /// stock. It's not.": a clause that is only a subject and its denial ("it isn't", "they didn't", "it did not", "they never
    /// did", "it's not"), at the end of a clause that is not a question, denies the clause before it: that clause's good
    /// words are turned as by "not", and the denial counts as a bad word of its own. It must follow a sentence start, a comma
    /// or "and", "but", "yet", "which": "I hope it isn't", "whether it is or it isn't" and "if it doesn't," deny nothing.
    /// A subject that is its own denial does the same with a plain auxiliary: "all of them said they'd sort it. None did.",
    /// "promised a callback and nobody has".
    /// </summary>
    private static void MarkElidedDenials(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int k = 1; k < tokens.Length; k++)
        {
            ref readonly Token t = ref tokens[k];
            // the cheap tests first: the clause's end, then a negator here ("isn't", "not") or just before ("never did"), or an
            // auxiliary whose subject may deny ("None did.")
            if (t.Kind != TokenKind.Word || !EndsHere(tokens, k) ||
                ((t.Role | tokens[k - 1].Role) & WordRole.Negator) == 0 && !IsOneOf(t, g.DenialAuxiliaries))
            {
                continue;
            }
            int subject = DenialSubject(tokens, k, g);
            if (subject < 0 || InQuestion(tokens, k))
            {
                continue;
            }
            int lead = subject - 1; // the joining word or comma, or the token before the sentence
            int scopeEnd;
            int scopeStart;
            if (lead < 0 || tokens[lead].Sentence != t.Sentence)
            {
                if (lead < 0 || tokens[subject].Sentence == 0)
                {
                    continue; // "It didn't." opening the text denies nothing said
                }
                scopeEnd = lead + 1;
                scopeStart = SentenceStart(tokens, lead);
            }
            else if (tokens[lead].Kind == TokenKind.Punctuation && (tokens[lead].Flags & TokenMarks.ClauseEnd) != 0 || IsOneOf(tokens[lead], g.DenialLeads))
            {
                scopeEnd = lead;
                scopeStart = lead;
                while (scopeStart > 0 && !EndsClause(tokens[scopeStart - 1], t.Sentence))
                {
                    scopeStart--;
                }
            }
            else
            {
                continue;
            }
            if (DeniesAlready(tokens, scopeStart, subject))
            {
                continue; // "said it wouldn't cause problems and it hasn't", "No, they don't": the denial agrees
            }
            for (int j = scopeStart; j < scopeEnd; j++)
            {
                if (valences[j] > 0)
                {
                    valences[j] *= SentimentGrammar.NegationScalar;
                    rules[j] = ValenceRule.ElidedDenial;
                }
            }
            if (valences[k] == 0)
            {
                valences[k] = DenialValence;
                rules[k] = ValenceRule.ElidedDenial;
            }
        }
    }

    /// <summary>Whether a negation ("not", "never", "no", "nobody") stands in the sentence of <paramref name="from"/> before <paramref name="to"/>.</summary>
    private static bool DeniesAlready(ReadOnlySpan<Token> tokens, int from, int to)
    {
        for (int j = SentenceStart(tokens, from); j < to; j++)
        {
            if ((tokens[j].Role & (WordRole.Negator | WordRole.No | WordRole.Nobody)) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether token <paramref name="k"/> closes its clause: the text, its sentence or a clause ends after it, or punctuation or an emoji follows.</summary>
    private static bool EndsHere(ReadOnlySpan<Token> tokens, int k) =>
        k + 1 == tokens.Length || tokens[k + 1].Sentence != tokens[k].Sentence ||
        tokens[k + 1].Kind is TokenKind.Punctuation or TokenKind.Emoji or TokenKind.Emoticon;

    /// <summary>
    /// When token <paramref name="k"/> ends an elided denial ("it isn't", "they still haven't", "it did not", "they never did",
    /// "it's not"), the index of its subject; otherwise -1.
    /// </summary>
    private static int DenialSubject(ReadOnlySpan<Token> tokens, int k, GrammarWords g)
    {
        int j = k - 1;
        if (IsOneOf(tokens[k], g.DeniedAuxiliaries))
        {
            // "it isn't"
        }
        else if (Is(tokens[k], g.Not) && IsOneOf(tokens[j], g.DenialBeSubjects))
        {
            return j; // "it's not"
        }
        else if (Is(tokens[k], g.Not) && IsOneOf(tokens[j], g.DenialAuxiliaries) ||
            IsOneOf(tokens[k], g.DenialAuxiliaries) && Is(tokens[j], g.Never))
        {
            j--; // "it did not", "they never did"
        }
        else if (IsOneOf(tokens[k], g.DenialAuxiliaries))
        {
            return NoneSubject(tokens, j, g); // "None did.", "nobody has", "no one did"
        }
        else
        {
            return -1;
        }
        while (j >= 0 && IsOneOf(tokens[j], g.DenialAdverbs))
        {
            j--;
        }
        return j >= 0 && IsOneOf(tokens[j], g.DenialSubjects) ? j : -1;
    }

    /// <summary>"nobody", "none", "noone" at <paramref name="j"/>, or "no one" or "none of them" ending there: where it starts, or -1.</summary>
    private static int NoneSubject(ReadOnlySpan<Token> tokens, int j, GrammarWords g)
    {
        if (j < 0 || tokens[j].Kind != TokenKind.Word)
        {
            return -1;
        }
        if ((tokens[j].Role & WordRole.Nobody) != 0 || Is(tokens[j], g.Noone))
        {
            return j;
        }
        if (j > 1 && Is(tokens[j - 1], g.Of) && (tokens[j - 2].Role & WordRole.Nobody) != 0)
        {
            return j - 2; // "none of them did"
        }
        return Is(tokens[j], g.One) && j > 0 && Is(tokens[j - 1], g.No) ? j - 1 : -1;
    }

    private const float PoliteRequestScalar = 0.1f;

    /// <summary>
    /// "I'd like to make a formal complaint please", "I would like to request a refund for the item that didn't fit": a
    /// sentence that asks politely names what it is about, and its bad words ("complaint", "didn't fit") count for a tenth.
    /// The other sentences keep their weight, so "I'd like to cancel. Your service has been a disgrace." stays a complaint;
    /// "I'd like to know why …" demands a reason and is left alone.
    /// </summary>
    private static void ScalePoliteRequests(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences)
    {
        for (int i = 1; i + 1 < tokens.Length; i++)
        {
            if (!Is(tokens[i], g.Like) || !IsOneOf(tokens[i - 1], g.RequestLikeLeads) || !Is(tokens[i + 1], g.To) ||
                i + 3 < tokens.Length && Is(tokens[i + 2], g.Know) && Is(tokens[i + 3], g.Why))
            {
                continue; // "I'd like to know why you employ people who can't do their jobs" demands, it does not ask
            }
            int from = SentenceStart(tokens, i);
            int end = SentenceEnd(tokens, i);
            ScaleBad(valences[from..end], PoliteRequestScalar);
            i = end;
        }
    }

    /// <summary>Scales the bad (negative) valences among <paramref name="valences"/>; the good ones stand.</summary>
    private static void ScaleBad(Span<float> valences, float factor)
    {
        for (int i = 0; i < valences.Length; i++)
        {
            if (valences[i] < 0)
            {
                valences[i] *= factor;
            }
        }
    }

    /// <summary>
    /// "Had a double charge on my bill, support sorted it the same day": what was wrong counts for less once the text says it
    /// was put right, as a clause before "but" does. The last resolution word ("fixed", "sorted", "resolved" …) that is not
    /// denied, wished for or asked about ("not fixed", "still to be sorted", "will it be fixed?", "until it is resolved") halves
    /// every bad word before it; what follows it keeps its weight ("fixed it, but now it crashes" stays a complaint). An
    /// adjective after a determiner ("on a fixed deal") is not a resolution.
    /// </summary>
    private static void MarkResolution(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences)
    {
        int pivot = -1;
        Span<int> before = stackalloc int[4];
        for (int i = tokens.Length - 1; i > 0 && pivot < 0; i--)
        {
            ref readonly Token t = ref tokens[i];
            if ((t.Role & WordRole.Reducer) == 0 || !IsOneOf(t, g.Resolutions) || InQuestion(tokens, i))
            {
                continue;
            }
            bool denied = false;
            foreach (int j in before[..ClauseWords.Before(tokens, i, before)])
            {
                ref readonly Token b = ref tokens[j];
                denied |= (b.Role & (WordRole.Negator | WordRole.PastModal | WordRole.No | WordRole.Nobody)) != 0 || IsOneOf(b, g.NotYetWords) || IsOneOf(b, g.NotResolvedLeads) ||
                    (j == i - 1 && IsOneOf(b, g.Determiners));
            }
            if (!denied)
            {
                pivot = i;
            }
        }
        if (pivot > 0)
        {
            ScaleBad(valences[..pivot], ResolutionScalar);
        }
    }

    /// <summary>
    /// How bad (and, negated, how good) the sentences before a closing question may be, as the sum of their bad (good)
    /// valences, for the question to make them the matter asked about: "I was charged for 2 bags but only checked one" (−0.3)
    /// is; "were rude, cracked my mirror and left the hallway filthy" is a complaint that happens to end by asking whom to bill,
    /// and "The staff were amazing. Could you pass on my thanks?" is praise. A complaint told in one mild word ("my seat had
    /// crumbs and a sticky armrest. is anyone cleaning these planes?") is lessened with the rest: the cost of the rule.
    /// </summary>
    private const float ClosingQuestionMaxBad = -2.0f;

    /// <summary>
    /// "I was charged for 2 checked bags but only checked one. Who should I contact about that?", "Our ferry has been pushed
    /// back. Will the room still be held for us?": when the last sentence of a text of several asks for information or an
    /// action (it opens with an auxiliary, "what", "when", "who", "which", "how do" …, and is not exclaimed), the problem told
    /// before it is what the customer asks about, and its words are scaled by <paramref name="scale"/>, unless they add up to
    /// a complaint or to praise (<see cref="ClosingQuestionMaxBad"/>) or the question presses ("Can someone at least tell me …?").
    /// </summary>
    private static void ScaleBeforeClosingQuestion(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, float scale)
    {
        int last = tokens.Length - 1;
        while (last > 0 && tokens[last].Kind is not (TokenKind.Punctuation or TokenKind.Word or TokenKind.Number))
        {
            last--; // an emoji or a link after the question
        }
        if (tokens[last].Kind != TokenKind.Punctuation || tokens[last].Questions == 0 || tokens[last].Exclamations > 0)
        {
            return;
        }
        int start = SentenceStart(tokens, last);
        int first = FirstWord(tokens, start, last);
        if (start == 0 || !AsksForInformation(tokens, first, last, g))
        {
            return;
        }
        if (Presses(tokens, first, last, g))
        {
            return;
        }
        float bad = 0, good = 0;
        foreach (float v in valences[..start])
        {
            bad += MathF.Min(v, 0);
            good += MathF.Max(v, 0);
        }
        if (bad >= ClosingQuestionMaxBad && good <= -ClosingQuestionMaxBad)
        {
            foreach (ref float v in valences[..start])
            {
                v *= scale;
            }
        }
    }

    /// <summary>
    /// How bad the sentences after an opening question may be and still be its context (VADER's scale, summed): milder than
    /// before a closing question, since a text that opens by asking and then complains ("Can you help me find my lost bag?
    /// Filed a claim 3 days ago and heard nothing") often asks in order to complain. -2.0 lost four TWCS texts for one, -1.0
    /// one for two (docs/benchmarks.md, twenty-ninth session).
    /// </summary>
    private const float OpeningQuestionMaxBad = -1.0f;

    /// <summary>
    /// "How do I change the email on my account? I no longer have access to my old work email.", "Will the sofa be
    /// restocked? It's been showing out of stock for weeks.": when a text of several sentences opens with a question that
    /// asks for information or an action, what follows it is the context of the question, and its words are scaled by
    /// <paramref name="scale"/>, unless their bad words add up past <see cref="OpeningQuestionMaxBad"/>, their good ones past
    /// the closing rule's 2.0 (<see cref="ClosingQuestionMaxBad"/>), or they are exclaimed.
    /// </summary>
    private static void ScaleAfterOpeningQuestion(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, float scale)
    {
        int end = SentenceEnd(tokens, 0);
        if (end >= tokens.Length)
        {
            return;
        }
        int last = end - 1;
        if (tokens[last].Kind != TokenKind.Punctuation || tokens[last].Questions == 0 || tokens[last].Exclamations > 0)
        {
            return;
        }
        int first = FirstWord(tokens, 0, last);
        if (first >= last || !AsksForInformation(tokens, first, last, g))
        {
            return;
        }
        if (Presses(tokens, first, last, g))
        {
            return;
        }
        float bad = 0, good = 0;
        for (int j = end; j < tokens.Length; j++)
        {
            if (tokens[j].Exclamations > 0)
            {
                return;
            }
            bad += MathF.Min(valences[j], 0);
            good += MathF.Max(valences[j], 0);
        }
        if (bad >= OpeningQuestionMaxBad && good <= -ClosingQuestionMaxBad)
        {
            foreach (ref float v in valences[end..tokens.Length])
            {
                v *= scale;
            }
        }
    }

    /// <summary>"Can someone at least tell me if it's being looked at?": a question holding "at least" presses, it does not only ask.</summary>
    private static bool Presses(ReadOnlySpan<Token> tokens, int first, int last, GrammarWords g)
    {
        for (int j = first + 1; j < last; j++)
        {
            if (Is(tokens[j], g.Least) && Is(tokens[j - 1], g.At))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the sentence holding token <paramref name="i"/> ends in a question mark.</summary>
    private static bool InQuestion(ReadOnlySpan<Token> tokens, int i)
    {
        ref readonly Token last = ref tokens[SentenceEnd(tokens, i) - 1];
        return last.Kind == TokenKind.Punctuation && last.Questions > 0;
    }

    private static void ScaleQuestions(ReadOnlySpan<Token> tokens, Span<float> valences, Span<ValenceRule> rules, SentimentOptions options, GrammarWords g)
    {
        int start = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            bool last = i + 1 == tokens.Length || tokens[i + 1].Sentence != tokens[i].Sentence;
            if (!last)
            {
                continue;
            }
            if (options.RhetoricalQuestions && tokens[i].Kind == TokenKind.Punctuation && tokens[i].Questions > 0)
            {
                MarkWhyNot(tokens, start, i, valences, rules, g); // also before "?!": "Why is my music NEVER there?!"
            }
            if (tokens[i].Kind == TokenKind.Punctuation && tokens[i].Questions > 0 && tokens[i].Exclamations == 0)
            {
                int first = FirstWord(tokens, start, i);
                int how = options.RhetoricalQuestions ? RhetoricalHow(tokens, first, i, g) : -1;
                if (how >= 0)
                {
                    DenyPraise(tokens, how + 3, i, valences, rules, g.So); // "How is this acceptable?" says it is not
                    start = i + 1;
                    continue;
                }
                if (options.RhetoricalQuestions && first + 2 < i && Is(tokens[first], g.Who) && IsOneOf(tokens[first + 1], g.Deciders))
                {
                    DenyPraise(tokens, first + 2, i, valences, rules, keepAfter: -1); // "Who decided that was a good idea?"
                    start = i + 1;
                    continue;
                }
                int even = options.RhetoricalQuestions ? RhetoricalEven(tokens, first, i, g) : -1;
                if (even >= 0)
                {
                    DenyPraise(tokens, start, i + 1, valences, rules, keepAfter: -1);
                    valences[even] = RhetoricalEvenValence; // "Does anyone even read these?" complains with no word that does
                    rules[even] = ValenceRule.RhetoricalQuestion;
                    start = i + 1;
                    continue;
                }
                int task = TaskAskedAbout(tokens, first, i, g);
                if (task >= 0)
                {
                    valences[task] = 0; // "How do I cancel my plan?" names a task, not a feeling about it
                    if (IsOneOf(tokens[task], g.FilingVerbs))
                    {
                        ClearFiledThing(tokens, task + 1, i, valences, rules, g);
                    }
                }
                // Where the question for information starts: the sentence's first word, or its last clause ("If my flight
                // is cancelled, do I get a refund?", "Ugh, does it ever stop?"), unless a sentiment phrase opens that clause
                // ("…, what now?" is exasperation); what comes before that clause is scaled as any question is.
                int asks = AsksForInformation(tokens, first, i, g) ? start
                    : LastClause(tokens, first, i) is int clause and > 0 && rules[clause] != ValenceRule.Phrase && AsksForInformation(tokens, clause, i, g) ? clause
                    : i + 1;
                if (asks > i && options.ConditionalQuestions && Tokenizer.ConditionedQuestion(tokens, first, i, g) >= 0)
                {
                    asks = start; // "If I cancel my plan now do I keep access?": the condition is the case asked about
                }
                if (asks <= i)
                {
                    ClearAskedFacts(tokens, start, i, valences, rules, g);
                }
                for (int j = start; j <= i; j++)
                {
                    valences[j] *= valences[j] > 0
                        ? (j < asks ? options.QuestionPositiveScale : options.YesNoQuestionPositiveScale)
                        : (j < asks ? options.QuestionScale : options.YesNoQuestionScale);
                }
            }
            start = i + 1;
        }
    }

    /// <summary>A word at least this bad (VADER's scale, after its context) makes laughter in its sentence bitter.</summary>
    private const float BitterLaughterBelow = -1.0f;

    /// <summary>
    /// "UR team messed up again lol", "Lol it just gets worse 😂", "😂😂🙄": laughter in a sentence that also complains
    /// laughs at the complaint, and counts nothing. Only in its own sentence: a joke after bad news in a sentence of its
    /// own ("To bad I am indoors all day. LOL!") is still amused, as the raters of the VADER tweets read it.
    /// </summary>
    private static void MarkBitterLaughter(ReadOnlySpan<Token> tokens, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if ((tokens[i].Role & WordRole.Laughter) == 0 || valences[i] <= 0)
            {
                continue;
            }
            int first = SentenceStart(tokens, i);
            for (int j = first; j < tokens.Length && tokens[j].Sentence == tokens[i].Sentence; j++)
            {
                if (valences[j] <= BitterLaughterBelow)
                {
                    valences[i] = 0;
                    rules[i] = ValenceRule.BitterLaughter;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "My order is late again and support is useless. Thanks.": thanks alone ("thanks", "thank you so much", "thanks in
    /// advance"), perhaps signed ("Thanks, Priya"), closing a message that was bad on balance is a courtesy, and weighs
    /// <paramref name="scale"/> as much; after a message that asks and carries no feeling ("Please move my payment date.
    /// Thanks", "… from now on, thanks.") it weighs nothing. Thanks closing a clause of a sentence that says more ("you make it
    /// bearable, thank you") is left alone unless it closes such a request. Thanks that point back at what was said ("thanks
    /// for that", "thanks a lot", "thanks a bunch") after nothing but bad words mock it, and turn against.
    /// </summary>
    private static void ScaleClosingThanks(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules,
        float scale, bool ironic)
    {
        int k = tokens.Length - 1;
        while (k >= 0 && tokens[k].Kind != TokenKind.Word)
        {
            k--; // punctuation, mentions, an emoji after the thanks
        }
        bool pointed = false; // "thanks for that", "thanks a lot", "thanks a bunch": after nothing but bad news, sarcasm
        if (k > 1 && IsOneOf(tokens[k], g.ThanksObjects) && Is(tokens[k - 1], g.For) && (tokens[k - 2].Role & WordRole.Thanks) != 0)
        {
            k -= 2; // "… Thanks for that.": the thanks points back at what was said
            pointed = true;
        }
        int signed = k;
        for (int n = 0; n < 3 && k > 0 && IsName(text, tokens[k]); n++)
        {
            k--; // "Thanks, Priya", "Many thanks, Aoife Brennan": a name signed after the thanks
        }
        if (k == signed || k < 0 || tokens[k].Kind != TokenKind.Punctuation || (tokens[k].Flags & TokenMarks.ClauseEnd) == 0)
        {
            k = signed;
        }
        else
        {
            k--;
        }
        bool thanks = false;
        for (; k >= 0 && (tokens[k].Kind == TokenKind.Word || !thanks && IsComma(tokens[k]) && k > 0 && tokens[k - 1].Sentence == tokens[k].Sentence); k--)
        {
            if (tokens[k].Kind != TokenKind.Word)
            {
                continue; // "Thanks again, guys": the comma inside the courtesy
            }
            if ((tokens[k].Role & WordRole.Thanks) != 0)
            {
                thanks = true;
            }
            else if (Array.IndexOf(g.SignOffs, tokens[k].Entry) < 0)
            {
                return; // "thanks for nothing", "thank you for the quick reply": more than a courtesy
            }
            pointed |= IsOneOf(tokens[k], g.PointedThanks);
        }
        // the thanks must close the text as a sentence or a clause of its own: "… from now on, thanks.", "… 4pm? Thanks"
        if (!thanks || k < 0 || tokens[k].Kind != TokenKind.Punctuation)
        {
            return;
        }
        int last = k + 1;
        float before = 0;
        bool asked = false, good = false;
        for (int j = 0; j < last; j++)
        {
            before += valences[j];
            good |= valences[j] > 0;
            asked |= tokens[j].Kind == TokenKind.Punctuation && tokens[j].Questions > 0 || IsOneOf(tokens[j], g.Requests);
        }
        if (before == 0 && asked)
        {
            scale = 0; // "Any update, Sophie? Thanks.", "Please move my payment date. Thanks": thanks for what is not yet done is a courtesy
        }
        else if (ironic && pointed && before < 0 && !good)
        {
            // "ur app logged me out right at the 24hr mark … thanks a lot", "… please try again later' *click*. thanks for
            // that": thanks that point back at nothing but bad news mock it, in a sentence or a clause of their own
            for (int j = last; j < tokens.Length; j++)
            {
                if (valences[j] > 0 && (tokens[j].Role & WordRole.Thanks) != 0)
                {
                    valences[j] *= IronyScalar;
                    rules[j] = ValenceRule.Ironic;
                }
            }
            return;
        }
        else if (before >= 0 || tokens[last - 1].Sentence == tokens[last].Sentence)
        {
            return; // after good news or none, thanks is gratitude; so is thanks closing a clause ("… you make it bearable, thank you")
        }
        for (int j = last; j < tokens.Length; j++)
        {
            valences[j] *= scale;
        }
    }

    /// <summary>
    /// "How is this acceptable?", "…, how is that safe to use now?", "How is it fair …?": "how", a form of "be" and "this",
    /// "that", "it" or "any", opening the question or a clause of it, ask in order to deny what they name. Where that "how"
    /// stands, or −1. ("How is this so good?" praises: a word after "so" is left alone.)
    /// </summary>
    private static bool IsComma(in Token t) => t.Kind == TokenKind.Punctuation && (t.Flags & TokenMarks.ClauseEnd) != 0 && (t.Flags & TokenMarks.SentenceEnd) == 0;

    /// <summary>A word that starts with a capital and carries no sentiment: "Priya", "Brennan" signing a message.</summary>
    private static bool IsName(ReadOnlySpan<char> text, in Token t) =>
        t.Kind == TokenKind.Word && char.IsUpper(text[t.Start]) && (t.Role & (WordRole.Lexical | WordRole.Thanks)) == 0;

    private static int RhetoricalHow(ReadOnlySpan<Token> tokens, int first, int last, GrammarWords g)
    {
        for (int j = first; j + 3 < last; j++)
        {
            if (Is(tokens[j], g.How) && (j == first || tokens[j - 1].Kind == TokenKind.Punctuation && (tokens[j - 1].Flags & TokenMarks.ClauseEnd) != 0) &&
                IsOneOf(tokens[j + 1], g.Auxiliaries) && IsOneOf(tokens[j + 2], g.HowSubjects))
            {
                return j;
            }
        }
        return -1;
    }

    /// <summary>
    /// The good words in [from, to) of a rhetorical question count against, as negated ones do; a word right after
    /// <paramref name="keepAfter"/> ("so": "How is this so good?") keeps its praise.
    /// </summary>
    private static void DenyPraise(ReadOnlySpan<Token> tokens, int from, int to, Span<float> valences, Span<ValenceRule> rules, int keepAfter)
    {
        for (int j = from; j < to; j++)
        {
            if (valences[j] > 0 && !(j > 0 && Is(tokens[j - 1], keepAfter))) // Is is false for -1
            {
                valences[j] *= SentimentGrammar.NegationScalar;
                rules[j] = ValenceRule.RhetoricalQuestion;
            }
        }
    }

    /// <summary>What the "why" of a why-not question weighs: as the "even" of a rhetorical one, about "annoyed".</summary>
    private const float WhyNotValence = -1.2f;

    /// <summary>
    /// "Why can't I log in?", "why don't you deliver to my town???", "Why is my order still not here?": a question that opens
    /// with "why" (or "how come") and holds a negation asks why something is not as it should be, a complaint with no word
    /// that says so; its "why" carries the annoyance (an "and", "so", "but" … before it changes nothing). Not "Why not try
    /// the app?" (a suggestion: "not" straight after "why"), nor a "why" inside a sentence ("just wondering why it isn't
    /// showing?" asks politely), nor a "why" the lexicons already weigh.
    /// </summary>
    private static void MarkWhyNot(ReadOnlySpan<Token> tokens, int start, int end, Span<float> valences, Span<ValenceRule> rules, GrammarWords g)
    {
        int first = start;
        while (first < end && (tokens[first].Kind is TokenKind.Mention or TokenKind.Punctuation or TokenKind.Hashtag || IsOneOf(tokens[first], g.WhyLeads)))
        {
            first++;
        }
        int after = first + 1; // the word after "why", or after "how come" ("How come none of the deals work??")
        if (first + 2 < end && Is(tokens[first], g.How) && Is(tokens[first + 1], g.Come))
        {
            after = first + 2;
        }
        else if (!Is(tokens[first], g.Why))
        {
            return;
        }
        if (after + 1 >= end || valences[first] != 0 || Is(tokens[after], g.Not))
        {
            return;
        }
        for (int j = after; j < end; j++)
        {
            ref readonly Token t = ref tokens[j];
            if (t.Kind == TokenKind.Word && ((t.Role & WordRole.Negator) != 0 || Is(t, g.Never) || Is(t, g.No)))
            {
                valences[first] = WhyNotValence;
                rules[first] = ValenceRule.RhetoricalQuestion;
                return;
            }
        }
    }

    /// <summary>
    /// "why won't my apps download", "@acme why can't I get any service in my house", "Why are you not refunding my
    /// trip!!!": a text that opens with a why-question written without its "?" (and not closed by a full stop) complains as
    /// the asked one does (<see cref="MarkWhyNot"/>). Only the opening sentence, which is found without a pass over the text.
    /// </summary>
    private static void MarkUnmarkedWhyNot(ReadOnlySpan<Token> tokens, Span<float> valences, Span<ValenceRule> rules, GrammarWords g)
    {
        int first = FirstWord(tokens, 0, tokens.Length);
        if (first < tokens.Length && tokens[first].Sentence == tokens[0].Sentence && (Is(tokens[first], g.Why) || Is(tokens[first], g.How)))
        {
            int end = SentenceEnd(tokens, 0);
            if (tokens[end - 1].Kind == TokenKind.Punctuation && tokens[end - 1].Exclamations == 0)
            {
                return; // "Why don't you deliver to my town." is put as a statement
            }
            MarkWhyNot(tokens, 0, end, valences, rules, g);
        }
    }

    /// <summary>What the "even" of a rhetorical question weighs: about "annoyed" (−1.2 on VADER's scale).</summary>
    private const float RhetoricalEvenValence = -1.2f;

    /// <summary>
    /// Where the "even" stands in a yes/no question that has one straight after its subject ("Do you even care?", "Does
    /// anyone even read these?", "Is it even possible …?"), or −1. Further on it is "still": "Is it worth it even at half price?".
    /// </summary>
    private static int RhetoricalEven(ReadOnlySpan<Token> tokens, int first, int last, GrammarWords g)
    {
        if (!IsOneOf(tokens[first], g.Auxiliaries))
        {
            return -1;
        }
        for (int j = first + 2; j < last && j <= first + 3; j++)
        {
            if (Is(tokens[j], g.Even))
            {
                return j;
            }
        }
        return -1;
    }

    /// <summary>
    /// A yes/no question ("is it on time?") or one asking for information ("what's the fee?", "how do I cancel?"), judged by
    /// its first word (or two, after "how"), as opposed to "why …?" and rhetorical "how is this acceptable?".
    /// </summary>
    private static bool AsksForInformation(ReadOnlySpan<Token> tokens, int first, int last, GrammarWords g)
    {
        ref readonly Token t = ref tokens[first];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }
        if (Array.IndexOf(g.Auxiliaries, t.Entry) >= 0 || Array.IndexOf(g.InfoQuestionOpeners, t.Entry) >= 0)
        {
            return true;
        }
        return Is(t, g.How) && first + 1 < last && IsOneOf(tokens[first + 1], g.HowInfoFollowers);
    }

    /// <summary>The first word after the last clause break (a comma, a colon, a dash) of the sentence ending at <paramref name="last"/>, or −1.</summary>
    private static int LastClause(ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (int j = last - 1; j > first; j--)
        {
            if ((tokens[j].Flags & TokenMarks.ClauseEnd) != 0)
            {
                return j + 1 < last && tokens[j + 1].Kind == TokenKind.Word ? j + 1 : -1;
            }
        }
        return -1;
    }

    /// <summary>Whether the phrase at <paramref name="j"/> is "on time", the other answer to "is it delayed?" ("Is flight 777 on time tonight?").</summary>
    private static bool IsOnTime(ReadOnlySpan<Token> tokens, int j, int last, GrammarWords g) =>
        j + 1 < last && Is(tokens[j], g.On) && Is(tokens[j + 1], g.Time);

    /// <summary>
    /// In a question for information, the facts it asks about ("Is my flight delayed?", "If it's cancelled, do I get a refund?",
    /// "Where do I report a damaged bag?", "Is the wifi free?", "Is it on time?") are in question, not felt: their valence goes.
    /// Words of judgement ("Can I get a refund for this terrible flight?") keep theirs.
    /// </summary>
    private static void ClearAskedFacts(ReadOnlySpan<Token> tokens, int from, int last, Span<float> valences, Span<ValenceRule> rules, GrammarWords g)
    {
        for (int j = from; j < last; j++)
        {
            if (valences[j] != 0 && (rules[j] != ValenceRule.Phrase ? IsOneOf(tokens[j], g.AskedFacts) : IsOnTime(tokens, j, last, g)))
            {
                valences[j] = 0;
            }
        }
    }

    /// <summary>
    /// "How do I cancel my plan?", "Can I stop the direct debit?", "How to dispute a charge?": the verb after "can/do/should
    /// … I/we" opening a question, or after "how/where do/can/could/should/would I/we" or "how to", is the task asked about
    /// and says nothing of how the asker feels; so is the verb after "way", "process" or "procedure" and "to" or "for" ("Is
    /// there a way to block someone?", "What's the process for making a complaint?"). Where that verb stands, or −1. ("How
    /// can you cancel my flight without telling me?" is left alone: it accuses.)
    /// </summary>
    private static int TaskAskedAbout(ReadOnlySpan<Token> tokens, int first, int last, GrammarWords g)
    {
        int at = first; // "Can I stop the direct debit from the app?", "Should we cancel?"
        if (Is(tokens[first], g.How) || Is(tokens[first], g.Where))
        {
            if (Is(tokens[first], g.How) && first + 2 < last && Is(tokens[first + 1], g.To))
            {
                return tokens[first + 2].Kind == TokenKind.Word ? first + 2 : -1; // "How to dispute a charge?"
            }
            at = first + 1; // "How do I cancel …?", "Where can we report …?"
        }
        if (at + 2 < last && IsOneOf(tokens[at], g.TaskAuxiliaries) && IsOneOf(tokens[at + 1], g.TaskAskers) && tokens[at + 2].Kind == TokenKind.Word)
        {
            return at + 2;
        }
        for (int j = first + 1; j + 2 < last; j++)
        {
            if (IsOneOf(tokens[j], g.Means) && (Is(tokens[j + 1], g.To) || Is(tokens[j + 1], g.For)) && tokens[j + 2].Kind == TokenKind.Word)
            {
                return j + 2; // "Is there a way to block someone?", "What's the process for making a complaint?"
            }
        }
        return -1;
    }

    /// <summary>
    /// "How do I make a formal complaint about a store?", "Where can I lodge a dispute?": after a filing verb, the thing filed
    /// (a word of <see cref="GrammarWords.FiledThings"/> or a phrase, within <see cref="FiledThingWords"/> words and the
    /// clause) names the process asked about, and its valence goes. "How do I report these awful calls?" keeps "awful".
    /// </summary>
    private static void ClearFiledThing(ReadOnlySpan<Token> tokens, int from, int last, Span<float> valences, ReadOnlySpan<ValenceRule> rules, GrammarWords g)
    {
        for (int j = from, words = 0; j < last && words < FiledThingWords; j++)
        {
            if (tokens[j].Kind == TokenKind.Punctuation)
            {
                return;
            }
            words++;
            if (rules[j] == ValenceRule.Phrase || IsOneOf(tokens[j], g.FiledThings))
            {
                valences[j] = 0;
            }
        }
    }

    /// <summary>How many words after a filing verb name the thing filed: "a formal complaint", "a broken charger".</summary>
    private const int FiledThingWords = 3;

    /// <summary>How much the bad words of a clause that owns a slip count (<see cref="ScaleSelfBlame"/>).</summary>
    private const float SelfBlameScalar = 0f;

    /// <summary>
    /// "I accidentally bought a PSP game, can I return it?", "Ordered the wrong colour by mistake", "I mistakenly sent 12,000 to
    /// a wrong account number": a clause in which the customer owns the slip tells what went wrong without blaming anyone, and
    /// its bad words count nothing (<see cref="SelfBlameScalar"/>). Not when someone else is the subject or the slip was
    /// done to the customer ("you accidentally charged me twice", "my internet was disconnected by mistake").
    /// </summary>
    private static void ScaleSelfBlame(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!IsOneOf(tokens[i], g.SelfBlame) && !(i > 0 && IsOneOf(tokens[i], g.SelfBlameNouns) && Is(tokens[i - 1], g.By)))
            {
                continue;
            }
            int from = ClauseWords.Start(tokens, i);
            int to = ClauseWords.End(tokens, i);
            bool others = false;
            for (int j = from; j < i; j++)
            {
                others |= IsOneOf(tokens[j], g.NotSelfBlame);
            }
            if (!others)
            {
                ScaleBad(valences[from..to], SelfBlameScalar);
            }
            i = to;
        }
    }

    /// <summary>
    /// "If you could call me and help it would be perfect", "if you could DM me the link that'd be great": praise after "would
    /// be" in a sentence that opened a request with "if" thanks in advance for what is asked; it praises nothing yet, and
    /// counts nothing. "Tonight would be perfect if the weather stayed" (the "if" after) is a wish, and stays.
    /// </summary>
    private static void ClearPraiseOfRequest(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences)
    {
        for (int p = 2; p < tokens.Length; p++)
        {
            if ((tokens[p].Role & WordRole.Praise) == 0 || valences[p] <= 0 || !Is(tokens[p - 1], g.Be) || !IsOneOf(tokens[p - 2], g.WouldWords))
            {
                continue;
            }
            for (int j = p - 3; j >= 0 && tokens[j].Sentence == tokens[p].Sentence; j--)
            {
                if (Is(tokens[j], g.If))
                {
                    valences[p] = 0;
                    break;
                }
            }
        }
    }

    /// <summary>How bad asking again and again reads, on VADER's scale: a mild complaint.</summary>
    private const float RepeatedAskingValence = -1.5f;

    /// <summary>
    /// "I have asked for large print bills four times now", "rang 3 times about the same fault", "This is the fourth time I've
    /// written about the same meter reading": a number and "times" after a verb of asking or contacting (up to nine words
    /// before), or an ordinal and "time" before one (up to four words after), in a sentence with no good word, is a complaint
    /// although no word in it is; "times" or "time" then counts <see cref="RepeatedAskingValence"/>. Runs only in a text
    /// holding such a verb (the mismatch rule's role bit).
    /// </summary>
    private static void MarkRepeatedAsking(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 1; i < tokens.Length; i++)
        {
            bool counted = Is(tokens[i], g.Times) && (tokens[i - 1].Kind == TokenKind.Number || (tokens[i - 1].Role & WordRole.NumberWord) != 0) &&
                !(i + 1 < tokens.Length && tokens[i + 1].Sentence == tokens[i].Sentence && IsOneOf(tokens[i + 1], g.MultiplierFollowers));
            bool ordinal = !counted && Is(tokens[i], g.Time) && IsOneOf(tokens[i - 1], g.RepeatOrdinals);
            if (!counted && !ordinal || valences[i] != 0)
            {
                continue;
            }
            ushort sentence = tokens[i].Sentence;
            bool asked = false, good = false;
            int from = counted ? Math.Max(0, i - 9) : i + 1; // the verb: up to nine words before "times", four after "time"
            int to = counted ? i - 1 : Math.Min(tokens.Length, i + 5);
            for (int j = from; j < to; j++)
            {
                asked |= tokens[j].Sentence == sentence && IsOneOf(tokens[j], g.AskedWords);
            }
            for (int j = SentenceStart(tokens, i); j < tokens.Length && tokens[j].Sentence == sentence; j++)
            {
                good |= valences[j] > 0;
            }
            if (asked && !good)
            {
                valences[i] = RepeatedAskingValence;
                rules[i] = ValenceRule.RepeatedAsking;
            }
        }
    }

    /// <summary>How bad "instead of" reads after something received: a mild complaint, as "wrong" is.</summary>
    private const float MismatchValence = -1.2f;

    /// <summary>
    /// "Got a chicken burger instead of the veggie one", "they sent me a 32GB one instead of the 64GB": an "instead of"
    /// after a word of receiving in its clause (got, sent, gave, received, brought, delivered, came) says what arrived was
    /// not what was asked for, which is a complaint although no word in it is; so does a clause saying what came after
    /// one saying what was ordered (<see cref="OrderedThenGot"/>). Both read as <see cref="ValenceRule.Mismatch"/>.
    /// </summary>
    private static void MarkMismatch(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 1; i + 1 < tokens.Length; i++)
        {
            if (OrderedThenGot(tokens, i, g) && valences[i] == 0 && ClauseSum(tokens, i + 1, valences) <= 0)
            {
                valences[i] = MismatchValence; // "ordered a large pepperoni, got a medium margherita"
                rules[i] = ValenceRule.Mismatch;
                continue;
            }
            if (!Is(tokens[i], g.Instead) || !Is(tokens[i + 1], g.Of) || valences[i] != 0)
            {
                continue;
            }
            for (int j = i - 1; j >= 0 && !EndsClause(tokens[j], tokens[i].Sentence); j--)
            {
                if (IsOneOf(tokens[j], g.Receipts))
                {
                    valences[i] = MismatchValence;
                    rules[i] = ValenceRule.Mismatch;
                    break;
                }
            }
        }
    }

    /// <summary>The valences from <paramref name="from"/> to the end of its clause: "ordered a cable, got a very well finished
    /// product" praises what came.</summary>
    private static float ClauseSum(ReadOnlySpan<Token> tokens, int from, ReadOnlySpan<float> valences)
    {
        float sum = 0;
        for (int j = from; j < tokens.Length && !EndsClause(tokens[j], tokens[from].Sentence); j++)
        {
            sum += valences[j];
        }
        return sum;
    }

    /// <summary>
    /// "Ordered a large pepperoni, got a medium margherita", "asked for oat milk but got the regular": a "got" or "received"
    /// opening a clause (after a comma or "but") before a determiner, in a sentence that said earlier what was ordered,
    /// asked or paid for, unless the clause praises what came. "Ordered on Monday, got it Tuesday" is left alone: what came
    /// is "it".
    /// </summary>
    private static bool OrderedThenGot(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        if (!IsOneOf(tokens[i], g.GotWords) || !IsOneOf(tokens[i + 1], g.Determiners) ||
            !((tokens[i - 1].Flags & TokenMarks.ClauseEnd) != 0 && (tokens[i - 1].Flags & TokenMarks.SentenceEnd) == 0 || Is(tokens[i - 1], g.But)))
        {
            return false;
        }
        for (int j = i - 2; j >= 0 && tokens[j].Sentence == tokens[i].Sentence; j--)
        {
            if (IsOneOf(tokens[j], g.OrderWords))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Negative valences weigh <paramref name="weight"/> times as much; then every valence is damped for the text's length.</summary>
    private static void WeighAndDamp(Span<float> valences, float weight, float damping)
    {
        float negative = weight * damping;
        for (int i = 0; i < valences.Length; i++)
        {
            float v = valences[i];
            valences[i] = v * (v < 0 ? negative : damping);
        }
    }

    /// <summary>
    /// An answer word opening its sentence, with more words after it ("@AcmeHelp yes all files", "ok I will try that") or
    /// alone in a whole reply to someone ("@AdobeCare ok"): an answer, not a feeling. Exclaimed ("Yes!") it is one, and a
    /// "Yes." or "Sure." standing alone in prose affirms (the NYT raters read them as mildly good).
    /// </summary>
    private static bool IsAnswer(ReadOnlySpan<Token> tokens, int i)
    {
        bool reply = false;
        for (int j = i - 1; j >= 0 && tokens[j].Sentence == tokens[i].Sentence; j--)
        {
            if (tokens[j].Kind is not (TokenKind.Mention or TokenKind.Url))
            {
                return false;
            }
            reply |= tokens[j].Kind == TokenKind.Mention;
        }
        int next = i + 1;
        if (next < tokens.Length && tokens[next].Kind == TokenKind.Punctuation)
        {
            if (tokens[next].Exclamations > 0)
            {
                return false;
            }
            next++;
        }
        if (next < tokens.Length && tokens[next].Kind == TokenKind.Word)
        {
            return true;
        }
        if (!reply)
        {
            return false;
        }
        for (int j = next; j < tokens.Length; j++)
        {
            if (tokens[j].Kind is not (TokenKind.Mention or TokenKind.Url or TokenKind.Punctuation) || tokens[j].Exclamations > 0)
            {
                return false; // "ok :)" and "ok, great" say more than an answer
            }
        }
        return true; // the reply is the answer word alone: "@AdobeCare ok", "@united yes."
    }

    /// <summary>A plea's valence: that of "help me please" in the customer-experience lexicon (and milder than "please help", -0.8).</summary>
    private const float PleaValence = -0.5f;

    /// <summary>
    /// "help" asked for: it opens its clause (after mentions, links and a greeting such as "hello" or "pls" at most) and stands
    /// alone there or before "me", "us", "please" or "asap" ("Help!", "@AcmeHelp help me", "Hello, help please", "HELP ME
    /// REPLY TO DM"); not "Help is on the way", "thanks for the help", "it didn't help". A "#help" tag always asks.
    /// </summary>
    private static bool IsPlea(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        ushort sentence = tokens[i].Sentence;
        for (int j = i - 1; j >= 0 && !EndsClause(tokens[j], sentence); j--)
        {
            if (tokens[j].Kind is not (TokenKind.Mention or TokenKind.Url) && !IsOneOf(tokens[j], g.PleaLeads))
            {
                return false;
            }
        }
        int next = i + 1;
        return next == tokens.Length || tokens[next].Sentence != sentence ||
            tokens[next].Kind is TokenKind.Punctuation or TokenKind.Mention or TokenKind.Url or TokenKind.Emoji or TokenKind.Emoticon ||
            IsOneOf(tokens[next], g.PleaTails);
    }

    private const float IrrealisScalar = -0.5f;

    /// <summary>
    /// "used to" right before the word after a subject ("I used to love it") or opening the sentence, the subject left out
    /// ("@SouthwestAir used to love you guys. last 3 flights all late"), or "used to be" at most three words before it
    /// in the same clause ("it used to be much more user-friendly"); not "the app I used to book was great" nor "widely used
    /// to brighten". Only good words are reversed: "he used to ridicule them" says nothing good of now.
    /// </summary>
    private static bool AfterUsedTo(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        for (int k = i - 2; k >= 0 && k >= i - 6; k--)
        {
            ref readonly Token t = ref tokens[k];
            if (EndsClause(t, tokens[i].Sentence))
            {
                return false;
            }
            if (!Is(t, g.Used) || !Is(tokens[k + 1], g.To))
            {
                continue;
            }
            return k + 2 == i
                ? k > 0 && IsOneOf(tokens[k - 1], g.UsedToSubjects) || OpensSentence(tokens, k)
                : Is(tokens[k + 2], g.Be) && i - (k + 2) <= 4;
        }
        return false;
    }

    /// <summary>
    /// "so much for" opening the clause at most five words before ("So much for the best airline in America", "@united
    /// well so much for on time"): the praise is of what was promised, and it did not hold. Not "thank you so much for the
    /// help", where the words follow thanks.
    /// </summary>
    private static bool AfterSoMuchFor(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        for (int k = i - 1; k >= 2 && k >= i - 6; k--)
        {
            ref readonly Token t = ref tokens[k];
            if (EndsClause(t, tokens[i].Sentence))
            {
                return false;
            }
            if (!Is(t, g.For) || !Is(tokens[k - 1], g.Much) || !Is(tokens[k - 2], g.So))
            {
                continue;
            }
            int before = k - 3;
            if (before < 0 || tokens[before].Sentence != tokens[k - 2].Sentence)
            {
                return true;
            }
            ref readonly Token lead = ref tokens[before];
            return lead.Kind is TokenKind.Punctuation or TokenKind.Mention or TokenKind.Hashtag or TokenKind.Url ||
                Is(lead, g.Well) || Is(lead, g.Oh) || Is(lead, g.And);
        }
        return false;
    }

    /// <summary>
    /// A good word in quotes of up to three words right after a determiner ('my "guaranteed next day" parcel', 'the "fast
    /// track" lane', 'your "helpful" agent'): the writer quotes the claim to doubt it. Quotes that open a text or follow a
    /// verb ('she said "great"', 'the staff were "amazing"') cite or stress, and are left alone.
    /// </summary>
    private static void MarkScareQuotes(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 1; i < tokens.Length; i++)
        {
            if (valences[i] <= 0 || tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }
            int first = i;
            while (!QuoteAt(text, tokens[first].Start - 1) && first > i - 2 && first > 1 && Adjacent(tokens, first - 1))
            {
                first--;
            }
            int last = i;
            while (!QuoteAt(text, tokens[last].End) && last < first + 2 && last + 1 < tokens.Length && Adjacent(tokens, last))
            {
                last++;
            }
            if (QuoteAt(text, tokens[first].Start - 1) && QuoteAt(text, tokens[last].End) &&
                IsOneOf(tokens[first - 1], g.Determiners) && tokens[first - 1].Sentence == tokens[i].Sentence)
            {
                valences[i] *= IrrealisScalar;
                rules[i] = ValenceRule.ScareQuotes;
            }
        }
    }

    /// <summary>Valence of a status quoted in doubt ("still 'processing'"): about that of "not received".</summary>
    private const float QuotedStatusValence = -1.2f;

    /// <summary>
    /// A status in quotes of up to three words ('parcel "delivered" to a house that doesn't exist', "refund still
    /// 'processing'", "tracking just says 'in transit'", "the same engineer has 'fixed' the leak"): the writer quotes
    /// what a system or a company claimed, to doubt it. Not in a text that asks anything, which asks what the status means
    /// ("my preorder has said 'processing' since monday, is that normal?"), nor when the quote is bad already ("told me I
    /// was 'wasting his time'").
    /// </summary>
    private static void MarkQuotedStatus(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int first = 0; first < tokens.Length; first++)
        {
            if (tokens[first].Kind != TokenKind.Word || !AnyQuoteAt(text, tokens[first].Start - 1))
            {
                continue; // a quote opens before a word: one character to read per word, no list to search
            }
            int last = first;
            while (!AnyQuoteAt(text, tokens[last].End) && last < first + 2 && last + 1 < tokens.Length && Adjacent(tokens, last))
            {
                last++;
            }
            if (!AnyQuoteAt(text, tokens[last].End))
            {
                continue;
            }
            int status = -1;
            for (int k = first; k <= last && status < 0; k++)
            {
                status = IsOneOf(tokens[k], g.Statuses) || IsOneOf(tokens[k], g.StatusesAfterOn) && Is(tokens[first], g.On) ? k : -1;
            }
            if (status < 0 || AnyBad(valences[first..(last + 1)]))
            {
                continue;
            }
            valences[first..(last + 1)].Clear();
            rules[first..(last + 1)].Clear();
            valences[status] = QuotedStatusValence;
            rules[status] = ValenceRule.ScareQuotes;
            first = last;
        }
    }

    private static bool AnyBad(ReadOnlySpan<float> valences)
    {
        foreach (float v in valences)
        {
            if (v < 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A double or single quotation mark at <paramref name="at"/>.</summary>
    private static bool AnyQuoteAt(ReadOnlySpan<char> text, int at) =>
        at >= 0 && at < text.Length && text[at] is '"' or '\u201C' or '\u201D' or '\'' or '\u2018' or '\u2019';

    /// <summary>Whether tokens[k] and tokens[k + 1] are words with one space or hyphen at most between them.</summary>
    private static bool Adjacent(ReadOnlySpan<Token> tokens, int k) =>
        tokens[k].Kind == TokenKind.Word && tokens[k + 1].Kind == TokenKind.Word && tokens[k + 1].Start - tokens[k].End <= 1;

    private static bool QuoteAt(ReadOnlySpan<char> text, int at) => at >= 0 && at < text.Length && text[at] is '"' or '“' or '”';

    private const float ReducerScalar = -0.5f;

    /// <summary>A reducing verb up to three words before, in the same clause, with no negator between.</summary>
    private static bool AfterReducer(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        Span<int> before = stackalloc int[3];
        foreach (int j in before[..ClauseWords.Before(tokens, i, before)])
        {
            if ((tokens[j].Role & WordRole.Reducer) != 0 && IsOneOf(tokens[j], g.ProtectiveVerbs))
            {
                // "flagged a dodgy payment": only a fraud, and not "was flagged as fraud"
                return IsOneOf(tokens[i], g.FraudWords) && !Negated(tokens, j) && !(j > 0 && IsOneOf(tokens[j - 1], g.BeForms));
            }
            if ((tokens[j].Role & WordRole.Reducer) != 0 && !IsOneOf(tokens[j], g.ResolutionsOnly))
            {
                return !Negated(tokens, j); // "it didn't prevent delays" lessened nothing
            }
            if ((tokens[j].Role & WordRole.Negator) != 0)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Whether one of the two words before token <paramref name="i"/>, in its clause, is a negator.</summary>
    private static bool Negated(ReadOnlySpan<Token> tokens, int i)
    {
        Span<int> before = stackalloc int[2];
        foreach (int j in before[..ClauseWords.Before(tokens, i, before)])
        {
            if ((tokens[j].Role & WordRole.Negator) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "The problem has been resolved", "my issue was finally fixed", "delays were reduced": a bad thing, then a reducer in
    /// its -ed form with only "has been", "was", "now" … between, is lessened as "prevent delays" is; "has not been fixed",
    /// "until this issue is fixed" and "delays reduce sales" are not.
    /// </summary>
    private static bool BeforePassiveReducer(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        Span<int> before = stackalloc int[3];
        foreach (int j in before[..ClauseWords.Before(tokens, i, before)])
        {
            if (IsOneOf(tokens[j], g.NotYetWords))
            {
                return false;
            }
        }
        for (int j = i + 1; j < tokens.Length && j <= i + 4; j++)
        {
            ref readonly Token t = ref tokens[j];
            if (t.Kind != TokenKind.Word || t.Sentence != tokens[i].Sentence)
            {
                return false;
            }
            if ((t.Role & WordRole.Reducer) != 0)
            {
                return !IsOneOf(t, g.ResolutionsOnly) && (!IsOneOf(t, g.ProtectiveVerbs) || IsOneOf(tokens[i], g.FraudWords)) &&
                    t.Length > 2 && text[t.End - 2] is 'e' or 'E' && text[t.End - 1] is 'd' or 'D';
            }
            if (!IsOneOf(t, g.PassiveLinks))
            {
                return false;
            }
        }
        return false;
    }

    private const float ExcessValence = -1.3f;

    /// <summary>
    /// "should/could/would/might (not) have been …", or "should have loved": a past modal within the four words before,
    /// in the same clause, with "been" after it or the sentiment word straight after "have" ("might have the best"
    /// is possession, not irrealis).
    /// </summary>
    private static bool UnderPastModal(ReadOnlySpan<Token> tokens, int i, GrammarWords g, bool comparatives)
    {
        int been = g.Been;
        bool sawHave = false;
        bool sawNegator = false;
        bool sawBeen = false;
        Span<int> before = stackalloc int[4];
        foreach (int j in before[..ClauseWords.Before(tokens, i, before)])
        {
            ref readonly Token t = ref tokens[j];
            bool adjacent = j == i - 1;
            sawBeen |= t.Entry == been && been >= 0;
            if ((t.Role & WordRole.PastModalHave) != 0 && (sawBeen || adjacent))
            {
                sawHave = true;
            }
            sawNegator |= (t.Role & WordRole.Negator) != 0;
            if ((t.Role & WordRole.PastModal) != 0)
            {
                if (comparatives && (sawNegator || (t.Role & WordRole.Negator) != 0) && (IsComparative(tokens[i], g) || Is(tokens[i - 1], g.More) || Is(tokens[i - 1], g.Less)))
                {
                    // "they couldn't have been nicer", "couldn't have been more helpful": the utmost, no wish; "couldn't have
                    // been less helpful" the utmost of the opposite, which "less" says of the word
                    return false;
                }
                // "should have been": the modal closes the pattern; "should've been" holds both words
                return (t.Role & WordRole.PastModalHave) == 0 ? sawHave : sawBeen || adjacent;
            }
        }
        return false;
    }

    /// <summary>
    /// "too" followed by a word that is not itself sentiment ("too slow", "too long") is a complaint of excess.
    /// Before a sentiment word it is left alone: reversing "too sweet" cost more ("too funny", "too kind") than it gained.
    /// </summary>
    private static void MarkExcess(ReadOnlySpan<Token> tokens, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            if ((tokens[i].Role & WordRole.Excess) == 0 || tokens[i + 1].Kind != TokenKind.Word || tokens[i + 1].Sentence != tokens[i].Sentence)
            {
                continue;
            }
            ref readonly Token next = ref tokens[i + 1];
            if (valences[i + 1] != 0)
            {
                continue; // "too funny", "too kind" mostly intensify in speech; "too bad" is already bad
            }
            if ((next.Role & (WordRole.FirstPersonSingular | WordRole.SecondPerson | WordRole.FirstPersonPlural)) == 0)
            {
                valences[i] = ExcessValence;
                rules[i] = ValenceRule.Excess;
            }
        }
    }

    private const float IronyScalar = -0.5f;

    /// <summary>How bad the words before a closing "great" must be (before weighting) for it to read as irony: "lost my
    /// bag again" (−1.3) is; a fault told with a dampener ("a bit slow") never is.</summary>
    private const float ClearlyBad = -1.0f;

    /// <summary>The first token of the sentence that token <paramref name="i"/> is in.</summary>
    private static int SentenceStart(ReadOnlySpan<Token> tokens, int i)
    {
        int start = i;
        while (start > 0 && tokens[start - 1].Sentence == tokens[i].Sentence)
        {
            start--;
        }
        return start;
    }

    /// <summary>One past the last token of the sentence that <paramref name="start"/> is in.</summary>
    private static int SentenceEnd(ReadOnlySpan<Token> tokens, int start)
    {
        int end = start;
        while (end < tokens.Length && tokens[end].Sentence == tokens[start].Sentence)
        {
            end++;
        }
        return end;
    }

    /// <summary>
    /// "Parcel left at someone else's door 😂 great.", "Lost my bag again, perfect.": praise alone in the last clause of a
    /// sentence (after a comma, a dash or an emoji, with at most a lead such as "just"), not exclaimed, after a part of the
    /// same sentence whose words were clearly bad (<see cref="ClearlyBad"/>), is irony. "Slow service, great food" and
    /// "late, but great" do not qualify: the praise is not alone in its clause.
    /// </summary>
    private static void MarkClosingIronicPraise(ReadOnlySpan<Token> tokens, Vocabulary vocabulary, Span<float> valences, Span<ValenceRule> rules)
    {
        var g = vocabulary.Grammar;
        int start = 0;
        while (start < tokens.Length)
        {
            int end = SentenceEnd(tokens, start);
            int last = end - 1;
            bool exclaimed = false;
            while (last > start && tokens[last].Kind == TokenKind.Punctuation)
            {
                exclaimed |= tokens[last].Exclamations > 0;
                last--;
            }
            if (!exclaimed && last - 2 > start && last - 5 < start && tokens[last].Entry == g.Really && IsComma(tokens[last - 1]) &&
                (tokens[start].Role & WordRole.Praise) != 0)
            {
                // "stellar support, really", "Brilliant system, really.": praise and at most two words, then "really" alone;
                // "The movie is brilliant, really." says something of something, and means it
                TurnPraiseWithin(tokens, start, last - 1, valences, rules);
            }
            ref readonly Token p = ref tokens[last];
            if (!exclaimed && last > start && p.Kind == TokenKind.Word && (p.Role & WordRole.Praise) != 0 && valences[last] > 0 && rules[last] == ValenceRule.Lexicon)
            {
                int k = last - 1;
                while (k > start && tokens[k].Kind == TokenKind.Word && (Array.IndexOf(g.PraiseLeads, tokens[k].Entry) >= 0 || tokens[k].Entry == p.Entry))
                {
                    k--; // "…, just perfect.", "… wonderful just wonderful"
                }
                bool boundary = tokens[k].Kind is TokenKind.Emoji or TokenKind.Emoticon ||
                    tokens[k].Kind == TokenKind.Punctuation && (tokens[k].Flags & TokenMarks.ClauseEnd) != 0;
                float bad = 0; // the words only: a laughing emoji after bad news mocks, it does not soften
                bool hedged = false; // "a bit slow at the start, great": a small fault, then real praise
                for (int i = start; i < k; i++)
                {
                    bad += tokens[i].Kind == TokenKind.Word ? valences[i] : 0;
                    hedged |= tokens[i].Entry >= 0 && ((tokens[i].Role & WordRole.Modifier) != 0 && vocabulary.Entries[tokens[i].Entry].Booster < 0 ||
                        Array.IndexOf(g.Hedges, tokens[i].Entry) >= 0);
                }
                if (boundary && k > start && bad <= ClearlyBad && !hedged)
                {
                    TurnPraise(tokens, p.Entry, k + 1, last + 1, valences, rules);
                }
            }
            start = end;
        }
    }

    /// <summary>
    /// "Neat 🙃", "great purchase 🙄", "thank u to the woman who ID'd me for FUEL on my way home from WORK 🙃🙃", "It's always
    /// fun making men stop mid pee. 🙄": an eye-roll or upside-down face says the good words before it are not meant. The
    /// good words of its sentence before it (or of the sentence before, when the face opens its own), after the last "but"
    /// there, count against at half their weight (<see cref="IronyScalar"/>). "Food was great but the wait 🙄" keeps its
    /// praise. Clapping hands do the same, and count against themselves, after words that were clearly bad
    /// (<see cref="AfterBadNews"/>): "courier left my parcel in the recycling bin … brilliant stuff 👏".
    /// </summary>
    private static void MarkIronicFaces(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        int done = 0; // tokens before this were read for an earlier face
        for (int f = 0; f < tokens.Length; f++)
        {
            if (tokens[f].Kind != TokenKind.Emoji)
            {
                continue;
            }
            bool face = Array.IndexOf(g.IronicFaces, tokens[f].Entry) >= 0;
            bool applause = !face && Array.IndexOf(g.Applause, tokens[f].Entry) >= 0 && AfterBadNews(tokens, f, valences);
            if (!face && !applause)
            {
                continue;
            }
            if (applause && valences[f] > 0)
            {
                valences[f] *= IronyScalar; // the applause itself mocks
                rules[f] = ValenceRule.IronicFace;
            }
            int start = SentenceStart(tokens, f);
            int end = f;
            bool opens = true;
            for (int k = start; k < f && opens; k++)
            {
                opens = tokens[k].Kind is TokenKind.Emoji or TokenKind.Emoticon or TokenKind.Punctuation or TokenKind.Mention;
            }
            if (opens)
            {
                if (start == 0)
                {
                    continue;
                }
                end = start;
                start = SentenceStart(tokens, start - 1);
            }
            for (int k = end - 1; k >= start; k--)
            {
                if ((tokens[k].Role & WordRole.ContrastAfter) != 0)
                {
                    start = k + 1;
                    break;
                }
            }
            for (int k = Math.Max(start, done); k < end; k++)
            {
                if (valences[k] > 0 && tokens[k].Kind == TokenKind.Word && rules[k] is ValenceRule.Lexicon or ValenceRule.Phrase)
                {
                    valences[k] *= IronyScalar;
                    rules[k] = ValenceRule.IronicFace;
                }
            }
            done = Math.Max(done, end);
        }
    }

    /// <summary>
    /// Whether the words before <paramref name="at"/> were clearly bad on balance of their bad ones (<see cref="ClearlyBad"/>):
    /// "wifi down, reserved seat taken … worth every penny 👏👏", "4th blackout this week … really consistent 👏". "refund landed
    /// the same day 👏" and "every train on time this week 👏" applaud.
    /// </summary>
    private static bool AfterBadNews(ReadOnlySpan<Token> tokens, int at, ReadOnlySpan<float> valences)
    {
        float bad = 0;
        for (int k = 0; k < at; k++)
        {
            bad += tokens[k].Kind == TokenKind.Word && valences[k] < 0 ? valences[k] : 0;
        }
        return bad <= ClearlyBad;
    }

    /// <summary>
    /// Finds sentences after the first that hold one praise word and nothing else but a lead ("oh", "just") and
    /// unexclaimed punctuation; when what came before was bad on balance, the praise is irony.
    /// </summary>
    private static void MarkIronicPraise(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        float before = 0; // the valences of the sentences before the one being read
        int start = 0;
        while (start < tokens.Length)
        {
            ushort sentence = tokens[start].Sentence;
            int end = start;
            int praise = -1, second = -1; // "wow so generous": a second praise word may join the first
            bool alone = true;
            for (; end < tokens.Length && tokens[end].Sentence == sentence; end++)
            {
                ref readonly Token t = ref tokens[end];
                if (t.Kind == TokenKind.Punctuation)
                {
                    alone &= t.Exclamations == 0;
                }
                else if (t.Kind == TokenKind.Word && (t.Role & WordRole.Praise) != 0 && valences[end] > 0 && rules[end] == ValenceRule.Lexicon &&
                    (praise < 0 || second < 0 && t.Entry != tokens[praise].Entry))
                {
                    if (praise < 0)
                    {
                        praise = end;
                    }
                    else
                    {
                        second = end;
                    }
                }
                else if (t.Kind != TokenKind.Mention && !(t.Kind == TokenKind.Word && IsPraiseCompanion(t.Entry, praise < 0 ? -1 : tokens[praise].Entry, g)))
                {
                    alone = false; // any other word, an emoji, an emoticon: a sentence of its own
                }
            }
            if (alone && praise >= 0 && start > 0 && before < 0)
            {
                TurnPraise(tokens, tokens[praise].Entry, praise, end, valences, rules); // "Great, just great."
                if (second >= 0)
                {
                    TurnPraise(tokens, tokens[second].Entry, second, end, valences, rules);
                }
            }
            for (int i = start; i < end; i++)
            {
                before += valences[i];
            }
            start = end;
        }
    }

    /// <summary>
    /// "love spending my friday night at C17 #not", "the crew was great #sarcasm": a hashtag that declares sarcasm turns
    /// every praise word before it.
    /// </summary>
    private static void MarkSarcasmTags(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = tokens.Length - 1; i > 0; i--)
        {
            if (tokens[i].Kind == TokenKind.Hashtag && Array.IndexOf(g.SarcasmTags, tokens[i].Entry) >= 0)
            {
                TurnPraiseWithin(tokens, 0, i, valences, rules);
                return;
            }
        }
    }

    /// <summary>Every praise word in [from, to) is irony: half its weight, against.</summary>
    private static void TurnPraiseWithin(ReadOnlySpan<Token> tokens, int from, int to, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = from; i < to; i++)
        {
            if ((tokens[i].Role & (WordRole.Praise | WordRole.Love)) != 0 && valences[i] > 0 && rules[i] == ValenceRule.Lexicon)
            {
                valences[i] *= IronyScalar;
                rules[i] = ValenceRule.IronicPraise;
            }
        }
    }

    /// <summary>Every time the praise word <paramref name="entry"/> stands in [from, to) as praise, it is irony: half its weight, against.</summary>
    private static void TurnPraise(ReadOnlySpan<Token> tokens, int entry, int from, int to, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = from; i < to; i++)
        {
            if (tokens[i].Entry == entry && valences[i] > 0 && rules[i] == ValenceRule.Lexicon)
            {
                valences[i] *= IronyScalar;
                rules[i] = ValenceRule.IronicPraise;
            }
        }
    }

    /// <summary>
    /// The words a sentence of praise alone may hold besides its praise word: a lead ("oh", "just"), the praise said again
    /// ("wow, just wow", "great, just great") and, after it, what is praised in sarcasm's stock phrases ("great job",
    /// "nice one", "brilliant work guys").
    /// </summary>
    private static bool IsPraiseCompanion(int entry, int praiseEntry, GrammarWords g) =>
        Array.IndexOf(g.PraiseLeads, entry) >= 0 ||
        (praiseEntry >= 0 && (entry == praiseEntry || Array.IndexOf(g.PraiseTails, entry) >= 0));

    /// <summary>
    /// "Love how you cancel my flight and keep my money", "Gotta love waiting two hours on hold", "I love finding out from
    /// the news": a sentence that opens with "love" (after "I", "gotta" or mentions) followed by "how", "that", "when" or
    /// an -ing word, whose rest is bad on balance and holds no contrast ("I love it, but …" is not irony), loves nothing:
    /// the "love" counts against at half its weight. A praise word followed by "how" or "when" ("Great how they never answer",
    /// "wow when you want to watch the game and the internet goes out") mocks likewise, judged on its own clause;
    /// "Awesome that …" is left alone (mostly sincere, and a name such as "Lost Winds" is not a complaint).
    /// </summary>
    private static void MarkIronicLove(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        int start = 0;
        while (start < tokens.Length)
        {
            int end = SentenceEnd(tokens, start);
            int love = start;
            while (love < end && (tokens[love].Kind == TokenKind.Mention ||
                tokens[love].Kind == TokenKind.Word && (tokens[love].Role & (WordRole.FirstPersonSingular | WordRole.Love)) != 0 && valences[love] == 0))
            {
                love++; // "@airline", "I", "gotta" before the "love"
            }
            if (love + 1 < end && tokens[love].Kind == TokenKind.Word && valences[love] > 0 &&
                ((tokens[love].Role & WordRole.Love) != 0 && IsOneOf(tokens[love + 1], g.IronyOpeners) ||
                 (tokens[love].Role & WordRole.Praise) != 0 && IsOneOf(tokens[love + 1], g.PraiseIronyOpeners)))
            {
                float rest = 0;
                bool contrast = false;
                int thoughtEnd = end;
                while (thoughtEnd < tokens.Length && IsEllipsis(tokens[thoughtEnd - 1]))
                {
                    thoughtEnd = SentenceEnd(tokens, thoughtEnd); // "love that they dug up the road....on halloween.....with no notification": one thought
                }
                // praise reaches only its own clause: "Great how they never answer" mocks, "Nice how the staff remembered us,
                // shame about the wait" praises and then regrets
                bool praise = (tokens[love].Role & WordRole.Love) == 0;
                for (int i = love + 1; i < thoughtEnd && !(praise && EndsClause(tokens[i], tokens[love].Sentence)); i++)
                {
                    rest += valences[i];
                    contrast |= (tokens[i].Role & (WordRole.ContrastAfter | WordRole.ContrastConcessive)) != 0;
                }
                if (rest < 0 && !contrast)
                {
                    valences[love] *= IronyScalar;
                    rules[love] = ValenceRule.IronicPraise;
                }
            }
            start = end;
        }
    }

    /// <summary>A run of full stops ("...", "....") or "…" that trails off rather than ending a thought.</summary>
    private static bool IsEllipsis(in Token t) =>
        t.Kind == TokenKind.Punctuation && (t.Flags & TokenMarks.SentenceEnd) != 0 && t.Exclamations == 0 && t.Questions == 0 && t.Length >= 2;

    /// <summary>
    /// "Great, another delay.", "Oh perfect. Yet another cancellation.", "Lovely, cancelled again.": praise alone in its
    /// clause (after mentions and a lead such as "oh"), followed straight by a clause that opens with "another", "more" or
    /// "yet", or holds "again", and is bad on balance (or neutral after a text bad so far, or neutral and opening with
    /// "another" or "yet"), is irony, and counts against at
    /// half its weight. Without such a word the clause after must be clearly bad and must not open with a contrast
    /// ("Brilliant, one checkout open and twenty people queuing"; not "Lovely, but the soup was cold").
    /// </summary>
    private static void MarkPraiseBeforeRepeat(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        int clauseStart = 0;
        for (int i = 0; i + 2 < tokens.Length; i++)
        {
            ref readonly Token t = ref tokens[i];
            if (t.Kind == TokenKind.Punctuation)
            {
                clauseStart = i + 1;
                continue;
            }
            if (t.Kind != TokenKind.Word || (t.Role & WordRole.Praise) == 0 || valences[i] <= 0 || rules[i] != ValenceRule.Lexicon ||
                !AloneInClause(tokens, clauseStart, i, g))
            {
                continue;
            }
            int after = i + 1;
            while (after < tokens.Length && (tokens[after].Kind == TokenKind.Mention || IsOneOf(tokens[after], g.PraiseTails)))
            {
                after++; // "Nice one @united, …", "Great job, …"
            }
            if (after + 1 >= tokens.Length)
            {
                continue;
            }
            int next = after + 1;
            if (tokens[after].Kind != TokenKind.Punctuation)
            {
                if (!Is(tokens[after], g.Another))
                {
                    continue;
                }
                next = after; // "oh great another estimated bill": "another" needs no comma before it
            }
            bool repeat = Is(tokens[next], g.Another) || Is(tokens[next], g.More) || Is(tokens[next], g.Yet) ||
                OpensWithOh(tokens, clauseStart, i, g); // "Oh great, my flight is cancelled": the "oh" says it as much as an "again"
            float sum = 0;
            bool turns = false; // "Great service, another delay though.": a concession, not irony
            for (int j = next; j < tokens.Length && !EndsClause(tokens[j], tokens[next].Sentence); j++)
            {
                sum += valences[j];
                repeat |= Is(tokens[j], g.Again);
                turns |= tokens[j].Kind == TokenKind.Word && (tokens[j].Role & (WordRole.ContrastAfter | WordRole.ContrastConcessive)) != 0;
            }
            // without a repeat, only a clause that is clearly bad and does not turn ("Brilliant, one checkout open and twenty
            // people queuing", "Great job, 3 hours on the tarmac"; not "Lovely, but the soup was cold"), after a comma or a dash
            // in the same sentence ("Wow. I've never won that one." is surprise, "Ha, brilliant! They finally …" may be meant,
            // "Perfect: a word for …" introduces what it praises)
            bool clearlyBad = sum <= ClearlyBad &&
                text[tokens[after].Start] is ',' or '-' or '–' or '—' && tokens[after].Exclamations == 0 && tokens[next].Sentence == tokens[after].Sentence &&
                OpensText(tokens, clauseStart); // a reaction comes first: "great phone, great service, no voice dialing" lists
            // "Oh great, another letter telling me my appointment has been moved": "another" straight after the praise needs no
            // bad word after it (every such text in the probe sets and TWCS was a complaint); "Great, another great day" stays
            bool another = Is(tokens[next], g.Another) || Is(tokens[next], g.Yet);
            if (!turns && (repeat && (sum < 0 || (sum == 0 && (another || BadBefore(valences, clauseStart)))) || !repeat && clearlyBad))
            {
                valences[i] *= IronyScalar;
                rules[i] = ValenceRule.IronicPraise;
            }
        }
    }

    /// <summary>
    /// Whether what comes before <paramref name="end"/> is bad on balance: "Third cancellation this month. Oh great, another
    /// night in Denver." needs no bad word after the praise, the complaint has been made already.
    /// </summary>
    private static bool BadBefore(ReadOnlySpan<float> valences, int end)
    {
        float sum = 0;
        for (int j = 0; j < end; j++)
        {
            sum += valences[j];
        }
        return sum < 0;
    }

    /// <summary>Whether only mentions stand before <paramref name="clauseStart"/>: the clause opens the text.</summary>
    private static bool OpensText(ReadOnlySpan<Token> tokens, int clauseStart)
    {
        for (int j = 0; j < clauseStart; j++)
        {
            if (tokens[j].Kind != TokenKind.Mention)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether an "oh" stands before the praise at <paramref name="praise"/> in its clause ("@united oh great, …").</summary>
    private static bool OpensWithOh(ReadOnlySpan<Token> tokens, int clauseStart, int praise, GrammarWords g)
    {
        for (int j = clauseStart; j < praise; j++)
        {
            if (Is(tokens[j], g.Oh))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AloneInClause(ReadOnlySpan<Token> tokens, int clauseStart, int praise, GrammarWords g)
    {
        for (int j = clauseStart; j < praise; j++)
        {
            if (tokens[j].Kind != TokenKind.Mention && !IsOneOf(tokens[j], g.PraiseLeads))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How far back in its clause a good word looks for a "nobody" (VADER's own negation reaches three words).</summary>
    private const int NobodyReach = 8;

    /// <summary>A "nobody", "noone" or "no one" four to <see cref="NobodyReach"/> words before token <paramref name="i"/>, in its clause, with no comparison or contrast word between.</summary>
    private static bool AfterNobody(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        if (i + 1 < tokens.Length && Is(tokens[i + 1], g.Than))
        {
            return false; // "nobody had done better than her"
        }
        int words = 0;
        for (int j = i - 1; j >= 0 && words < NobodyReach && !EndsClause(tokens[j], tokens[i].Sentence); j--)
        {
            ref readonly Token t = ref tokens[j];
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }
            words++;
            if (Is(t, g.More) || Is(t, g.Than) || (t.Role & (WordRole.ContrastAfter | WordRole.ContrastConcessive)) != 0)
            {
                return false; // "no one was more helpful"; "no one would notice, but it's a pleasure" starts a clause of its own
            }
            if (words > 3 && ((t.Role & WordRole.Nobody) != 0 || Is(t, g.One) && j > 0 && Is(tokens[j - 1], g.No)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Valence of a time past the one promised ("its 3pm"): as "still nothing" in the service lexicon.</summary>
    private const float TimePassedValence = -1.2f;

    /// <summary>
    /// "told the tech would come between 8-12. its 3pm. nobody", "My switch was meant to complete on the 3rd. It's the 28th",
    /// "scheduled 4:10, now 7:45, now 9:20", "ordered a sofa on the 2nd of March … it is now August": "it's", "its" or "now" (after
    /// "the", "mid", "nearly" at most) before a time or a date, in a text that gave a number before them, says the time
    /// promised has passed. A time or date is a clock time (3:40, 8.40), a number with am, pm or an ordinal's ending (3pm,
    /// 19th), a month or a weekday; "it's 2 bags" is none. So do "that was last Tuesday" and "that was two weeks ago"
    /// (<c>PastAfterThatWas</c>), and "it's been" with a number larger than any count of time before it (<c>MoreAfterItsBeen</c>).
    /// </summary>
    private static void MarkTimePassed(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        bool numberBefore = false;
        double largestBefore = double.MinValue;
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            ref readonly Token t = ref tokens[i];
            if (t.Kind == TokenKind.Number)
            {
                numberBefore = true;
                if (CountsTime(tokens, i))
                {
                    largestBefore = Math.Max(largestBefore, Tokenizer.ParseNumber(text.Slice(t.Start, t.Length)));
                }
                continue;
            }
            if (!numberBefore || t.Kind != TokenKind.Word)
            {
                continue;
            }
            int past = Is(t, g.That) || Is(t, g.This) ? PastAfterThatWas(tokens, i, g)
                : IsOneOf(t, g.ItsForms) ? MoreAfterItsBeen(text, tokens, i, g, largestBefore)
                : Is(t, g.It) && i + 1 < tokens.Length && Is(tokens[i + 1], g.Has) ? MoreAfterItsBeen(text, tokens, i + 1, g, largestBefore) : -1;
            if (past >= 0 && valences[past] == 0 && !InQuestion(tokens, past))
            {
                valences[past] = TimePassedValence;
                rules[past] = ValenceRule.TimePassed;
                i = past;
                continue;
            }
            if (!Is(t, g.Now) && !IsOneOf(t, g.ItsForms))
            {
                continue;
            }
            int j = i + 1;
            while (j < tokens.Length && tokens[j].Kind == TokenKind.Word && (Is(tokens[j], g.Now) || IsOneOf(tokens[j], g.DateLeads)))
            {
                j++;
            }
            if (j < tokens.Length && valences[j] == 0 && IsTimeOrDate(text, tokens, j, g))
            {
                valences[j] = TimePassedValence;
                rules[j] = ValenceRule.TimePassed;
                i = j;
            }
        }
    }

    /// <summary>
    /// "That was last Tuesday", "that was two weeks ago", "this was yesterday" (after a number: "promised a call within 48
    /// hours"): the token after "was", or -1.
    /// </summary>
    private static int PastAfterThatWas(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        if (i + 2 >= tokens.Length || !Is(tokens[i + 1], g.Was))
        {
            return -1;
        }
        int k = i + 2;
        if (Is(tokens[k], g.Yesterday))
        {
            return k;
        }
        if (Is(tokens[k], g.Last))
        {
            return k + 1 < tokens.Length && (IsOneOf(tokens[k + 1], g.DateWords) || (tokens[k + 1].Role & WordRole.TimeUnit) != 0) ? k : -1;
        }
        bool count = tokens[k].Kind == TokenKind.Number || (tokens[k].Role & WordRole.NumberWord) != 0 || Is(tokens[k], g.A);
        return count && k + 2 < tokens.Length && (tokens[k + 1].Role & WordRole.TimeUnit) != 0 && Is(tokens[k + 2], g.Ago) ? k : -1;
    }

    /// <summary>
    /// "replies within 2 working days. It's been 9.", "every agent says 3-5 working days. It's been 12", "within 5 working days,
    /// it has now been 15": "it's been", "it's now been" or "it has (now) been" and a
    /// number larger than any count of time before it (not a time or a date) counts past the one promised: that number, or -1. Neither
    /// this nor "that was …" counts in a question: "It's been 8 now, is he still booked in?" asks.
    /// </summary>
    private static int MoreAfterItsBeen(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, GrammarWords g, double largestBefore)
    {
        int k = i + 1;
        if (k < tokens.Length && Is(tokens[k], g.Now))
        {
            k++; // "it's now been 15"
        }
        if (k >= tokens.Length || !Is(tokens[k], g.Been))
        {
            return -1;
        }
        k++;
        if (k >= tokens.Length || tokens[k].Kind != TokenKind.Number || IsTimeOrDate(text, tokens, k, g))
        {
            return -1;
        }
        return largestBefore > double.MinValue && Tokenizer.ParseNumber(text.Slice(tokens[k].Start, tokens[k].Length)) > largestBefore ? k : -1;
    }

    /// <summary>Whether the number at <paramref name="i"/> counts time: a time unit after it, or one word on ("5 working days").</summary>
    private static bool CountsTime(ReadOnlySpan<Token> tokens, int i) =>
        i + 1 < tokens.Length && (tokens[i + 1].Role & WordRole.TimeUnit) != 0 ||
        i + 2 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && (tokens[i + 2].Role & WordRole.TimeUnit) != 0;

    /// <summary>A clock time, a number with am, pm or an ordinal's ending, a month or a weekday at token <paramref name="j"/>.</summary>
    private static bool IsTimeOrDate(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int j, GrammarWords g)
    {
        ref readonly Token t = ref tokens[j];
        if (t.Kind == TokenKind.Word)
        {
            return IsOneOf(t, g.DateWords);
        }
        if (t.Kind != TokenKind.Number)
        {
            return false;
        }
        if (text.Slice(t.Start, t.Length).IndexOfAny(':', '.') >= 0)
        {
            return true; // "3:40", "8.40"
        }
        return j + 1 < tokens.Length && tokens[j + 1].Start == t.End && IsOneOf(tokens[j + 1], g.TimeSuffixes); // "3pm", "19th"
    }

    /// <summary>Valence of "even" in "hasn't even shipped": about that of "didn't even call" in the service lexicon.</summary>
    private const float NotEvenValence = -1.2f;

    /// <summary>
    /// "it's the 12th and it hasn't even shipped", "the blade doesn't even spin", "you didnt even ring the doorbell": a
    /// negated auxiliary (not "be": "I wasn't even on the train"), "even" and a verb with no sentiment of its own say that
    /// the least that was expected did not happen. Not when what was spared is good news: "didn't even have to ask",
    /// "didn't even need the receipt", "didn't even notice" (<see cref="GrammarWords.NotEvenSpared"/>), and what the customer
    /// got without asking: "upgraded us and we didn't even ask", "didn't even ask for photos" (they did not even ask how I was
    /// is still a complaint).
    /// </summary>
    private static void MarkNotEven(ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 0; i + 2 < tokens.Length; i++)
        {
            if ((tokens[i].Role & WordRole.Negator) == 0 || !Is(tokens[i + 1], g.Even) || !IsOneOf(tokens[i], g.DoNegators) || tokens[i + 2].Kind != TokenKind.Word ||
                tokens[i + 2].Sentence != tokens[i].Sentence || valences[i] != 0 || valences[i + 1] != 0 || valences[i + 2] != 0 ||
                IsOneOf(tokens[i + 2], g.NotEvenSpared) || UnaskedFor(tokens, i, g))
            {
                continue;
            }
            valences[i + 1] = NotEvenValence;
            rules[i + 1] = ValenceRule.NotEven;
        }
    }

    /// <summary>"I/we didn't even ask" (the negator at <paramref name="negator"/> after the first person, then "even ask"), or
    /// "didn't even ask for photos", proof spared.</summary>
    private static bool UnaskedFor(ReadOnlySpan<Token> tokens, int negator, GrammarWords g)
    {
        if (!Is(tokens[negator + 2], g.Ask))
        {
            return false;
        }
        if (negator > 0 && (tokens[negator - 1].Role & (WordRole.FirstPersonSingular | WordRole.FirstPersonPlural)) != 0)
        {
            return true;
        }
        // "didn't even ask for (any) photos": proof spared
        int k = negator + 3;
        if (k >= tokens.Length || !Is(tokens[k], g.For))
        {
            return false;
        }
        k++;
        while (k < tokens.Length && IsOneOf(tokens[k], g.Determiners))
        {
            k++;
        }
        return k < tokens.Length && IsOneOf(tokens[k], g.Proofs);
    }

    /// <summary>Valence of a full score ("10/10"); none is its negative, the middle of the scale is neutral.</summary>
    private const float RatingValence = 3f;

    /// <summary>
    /// "Spotless room. 10/10", "Seats past their best, snacks overpriced. 3/5.", "1/10... can't even finish it": a score
    /// written as N/5 or N/10 (N no more than the scale) that opens its sentence, after @names at most, is the writer's
    /// verdict, from -3 for none to +3 for full marks. Dates are not: "received 2/5" does not open a sentence, and
    /// "21/10/17" goes on.
    /// </summary>
    private static void MarkRatings(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            ref readonly Token score = ref tokens[i];
            ref readonly Token scale = ref tokens[i + 1];
            int end = scale.Start + scale.Length;
            if (score.Kind != TokenKind.Number || scale.Kind != TokenKind.Number || scale.Start != score.Start + score.Length + 1 ||
                text[score.Start + score.Length] != '/' || end < text.Length && text[end] == '/' || !OpensSentence(tokens, i))
            {
                continue;
            }
            double points = Tokenizer.ParseNumber(text.Slice(score.Start, score.Length));
            double outOf = Tokenizer.ParseNumber(text.Slice(scale.Start, scale.Length));
            if (outOf is 5 or 10 && points <= outOf)
            {
                valences[i] = RatingValence * (float)(2 * points / outOf - 1);
                rules[i] = ValenceRule.Rating;
                valences[i + 1] = 0;
                rules[i + 1] = ValenceRule.None;
            }
        }
    }

    /// <summary>Whether token <paramref name="i"/> opens its sentence, after @names at most.</summary>
    private static bool OpensSentence(ReadOnlySpan<Token> tokens, int i)
    {
        for (int j = i - 1; j >= 0 && tokens[j].Sentence == tokens[i].Sentence; j--)
        {
            if (tokens[j].Kind != TokenKind.Mention)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// "Thanks for the 3 hour delay", "thank you so much for losing my bag": when what the thanks is for (after "thanks …
    /// for", past determiners and a duration, in the same clause) is bad, the thanks is irony and counts against. Thanks
    /// for something good ("thanks for the quick reply") or for an act ("thanks for answering my embarrassing questions")
    /// is left alone.
    /// </summary>
    private static void MarkIronicThanks(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, GrammarWords g, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (valences[i] <= 0 || rules[i] != ValenceRule.Lexicon || (tokens[i].Role & WordRole.Thanks) == 0 || tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }
            int last = -1; // once "for" is found: the last token that may say what the thanks is for
            bool relative = false; // inside "that …" after what is thanked for: its first sentiment word says what it was like
            for (int j = i + 1; j < tokens.Length && !EndsClause(tokens[j], tokens[i].Sentence); j++)
            {
                if (last < 0)
                {
                    if (Is(tokens[j], g.For))
                    {
                        last = j + 4;
                    }
                    else if (j > i + 4 || valences[j] != 0)
                    {
                        break; // "thank you", "thanks a lot", "thanks so much" may come before "for"; nothing else
                    }
                    continue;
                }
                if (j > last)
                {
                    break;
                }
                if (valences[j] != 0)
                {
                    if (valences[j] < 0 && (tokens[j].Role & WordRole.Reducer) == 0) // "thank you for blocking that dodgy payment" is sincere
                    {
                        valences[i] *= IronyScalar;
                        rules[i] = ValenceRule.Ironic;
                        TurnPraiseAfter(tokens, j + 1, tokens[i].Sentence, valences, rules);
                    }
                    break;
                }
                if (relative || tokens[j].Kind == TokenKind.Number || Array.IndexOf(g.Determiners, tokens[j].Entry) >= 0 ||
                    (tokens[j].Role & (WordRole.TimeUnit | WordRole.Modifier)) != 0)
                {
                    continue; // "thanks for the 3 hour delay", "thanks for the huge delays"
                }
                if (IsOneOf(tokens[j], g.Givings))
                {
                    last = j + 4; // "thanks for sending me a broken phone": what was given follows
                    continue;
                }
                if (LongWaitAhead(tokens, j, rules))
                {
                    valences[i] *= IronyScalar; // "thanks for making me wait 3 weeks", "thank you for keeping me on hold for an hour"
                    rules[i] = ValenceRule.Ironic;
                    TurnPraiseAfter(tokens, j + 1, tokens[i].Sentence, valences, rules);
                    break;
                }
                if (j + 1 < tokens.Length && IsOneOf(tokens[j + 1], g.Relatives) && EndsInIng(text, tokens[j]))
                {
                    break; // "thanks for flagging that message as a scam": "that" points at what was flagged, it opens no clause
                }
                int that = RelativeAhead(tokens, j, last, valences, g);
                if (that < 0)
                {
                    break; // "thanks for answering my embarrassing questions": thanked for the answering
                }
                j = that; // "thanks for the new modem that doesn't work": the relative clause says what it was like
                last = that + 5;
                relative = true;
            }
        }
    }

    /// <summary>
    /// After ironic thanks, praise later in the same sentence keeps up the irony: "thank you for the cancelled flight, great
    /// job", "thanks for losing my bag, awesome" (only words of <see cref="WordRole.Praise"/>).
    /// </summary>
    private static void TurnPraiseAfter(ReadOnlySpan<Token> tokens, int from, ushort sentence, Span<float> valences, Span<ValenceRule> rules)
    {
        for (int k = from; k < tokens.Length && tokens[k].Sentence == sentence; k++)
        {
            if (valences[k] > 0 && (tokens[k].Role & WordRole.Praise) != 0 && rules[k] == ValenceRule.Lexicon)
            {
                valences[k] *= IronyScalar;
                rules[k] = ValenceRule.Ironic;
            }
        }
    }

    /// <summary>Whether a long wait (<see cref="LongWaits"/>) is stated within a few words after token <paramref name="j"/>, in its clause.</summary>
    private static bool LongWaitAhead(ReadOnlySpan<Token> tokens, int j, ReadOnlySpan<ValenceRule> rules)
    {
        for (int k = j + 1; k <= j + 6 && k < tokens.Length && !EndsClause(tokens[k], tokens[j].Sentence); k++)
        {
            if (rules[k] == ValenceRule.LongWait)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a word token ends in "ing" ("flagging", "unlocking"), in either case.</summary>
    private static bool EndsInIng(ReadOnlySpan<char> text, in Token t) =>
        t.Kind == TokenKind.Word && t.Length > 4 && text.Slice(t.Start, t.Length).EndsWith("ing", StringComparison.OrdinalIgnoreCase);

    /// <summary>A "that", "which" or "who" after token <paramref name="j"/> and at most <paramref name="last"/>, with no sentiment word or clause end before it; -1 when none.</summary>
    private static int RelativeAhead(ReadOnlySpan<Token> tokens, int j, int last, ReadOnlySpan<float> valences, GrammarWords g)
    {
        for (int k = j + 1; k <= last && k < tokens.Length && !EndsClause(tokens[k], tokens[j].Sentence) && valences[k] == 0; k++)
        {
            if (IsOneOf(tokens[k], g.Relatives))
            {
                return k;
            }
        }
        return -1;
    }

    private static bool EndsClause(in Token t, ushort sentence) =>
        t.Sentence != sentence || t.Kind == TokenKind.Punctuation && (t.Flags & TokenMarks.ClauseEnd) != 0;

    private static bool CarriesSentiment(in Token t) =>
        t.Kind is TokenKind.Word or TokenKind.Emoticon or TokenKind.Emoji or TokenKind.Hashtag or TokenKind.Number;

    /// <summary>Sets the valences of the sentiment phrases found; true when one of them states a mixed verdict.</summary>
    private static bool ApplyPhrases(ReadOnlySpan<Token> tokens, LexiconSet lexicons, Span<float> valences, Span<ValenceRule> rules, Span<PhraseMatch> buffer, Span<int> phraseAt)
    {
        int n = lexicons.SentimentPhrases.FindAll(tokens, buffer);
        bool mixed = false;
        for (int m = 0; m < n; m++)
        {
            var match = buffer[m];
            if (rules[match.FirstToken] is ValenceRule.Phrase or ValenceRule.MixedVerdict)
            {
                continue; // an earlier (longer or overlapping) phrase owns this start
            }
            var phrase = lexicons.PhraseSentiments[lexicons.SentimentPhrases.Payloads[match.Phrase]];
            valences[match.FirstToken] = phrase.Valence;
            if (!phraseAt.IsEmpty)
            {
                phraseAt[match.FirstToken] = match.Phrase;
            }
            mixed |= phrase.MixedVerdict;
            rules[match.FirstToken] = phrase.MixedVerdict ? ValenceRule.MixedVerdict : ValenceRule.Phrase;
            for (int j = match.FirstToken + 1; j < match.EndToken; j++)
            {
                valences[j] = 0;
                rules[j] = ValenceRule.Phrase; // covered: the phrase speaks for its words
            }
        }
        return mixed;
    }

    private static bool IsKindOf(ReadOnlySpan<Token> tokens, int i, Vocabulary vocabulary) =>
        i + 1 < tokens.Length && (tokens[i].Entry == vocabulary.Grammar.Kind || tokens[i].Entry == vocabulary.Grammar.Sort) &&
        tokens[i + 1].Entry == vocabulary.Grammar.Of;

    private static bool PreviousHasRole(ReadOnlySpan<Token> tokens, int i, WordRole role) =>
        i > 0 && tokens[i - 1].Kind == TokenKind.Word && (tokens[i - 1].Role & role) != 0;

    /// <summary>
    /// "no" opening a text (after mentions) that is an answer: alone, before a full stop or the end ("@AppleSupport No"), or
    /// before a subject ("No I was not able to", "No it still isn't working"); not "No refunds", "No one called". Narrower
    /// than <see cref="IsAnswer"/> on purpose: read by that rule (any sentence, past a comma), "no" cost NYT 0.0002 and
    /// "@XboxSupport No, it is literally unobtainable." its complaint.
    /// </summary>
    private static bool AnswersNo(ReadOnlySpan<Token> tokens, int i, GrammarWords g)
    {
        if (FirstWord(tokens, 0, tokens.Length) != i)
        {
            return false;
        }
        if (i + 1 == tokens.Length)
        {
            return true;
        }
        ref readonly Token next = ref tokens[i + 1];
        return next.Kind == TokenKind.Punctuation ? next.Questions == 0 && next.Exclamations == 0 && (next.Flags & TokenMarks.SentenceEnd) != 0
            : IsOneOf(next, g.AnswerSubjects);
    }

    /// <summary>"no." after a word and right before a number abbreviates "number": "the neighbour at no. 14", "account no.
    /// 4471902"; not the answer in "Did it help? No. 3 hours later …".</summary>
    private static bool AbbreviatesNumber(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Kind == TokenKind.Word && i + 2 < tokens.Length &&
        tokens[i + 1].Kind == TokenKind.Punctuation && tokens[i + 1].Length == 1 && text[tokens[i + 1].Start] == '.' &&
        tokens[i + 2].Kind == TokenKind.Number;

    private static bool NextIsLexical(ReadOnlySpan<Token> tokens, int i) =>
        i + 1 < tokens.Length && (tokens[i + 1].Role & WordRole.Lexical) != 0;

    /// <summary>Boosters, capitals, negation and "least" from the words before token <paramref name="i"/>; <paramref name="modified"/> is
    /// false when the text holds none of those words (<see cref="TextShape.Roles"/>), and only capitals and stretching count.</summary>
    private static float ApplyContext(ReadOnlySpan<Token> tokens, int i, float v, bool capsDiffer, bool modified, Vocabulary vocabulary, SentimentOptions options, ReadOnlySpan<float> valences, Span<ValenceRule> rules)
    {
        ref ValenceRule rule = ref rules[i];
        var entries = vocabulary.Entries;
        var g = vocabulary.Grammar;
        if (capsDiffer && (tokens[i].Flags & TokenMarks.AllCaps) != 0)
        {
            v += MathF.Sign(v) * SentimentGrammar.CapsIncrement;
        }
        if ((tokens[i].Flags & (TokenMarks.Elongated | TokenMarks.Superlative)) != 0)
        {
            v += MathF.Sign(v) * SentimentGrammar.BoostIncrement; // stretched for emphasis, as an intensifier would
        }
        if (!modified)
        {
            return v; // no word in the text could change it
        }
        Span<int> before = stackalloc int[3];
        int found = PreviousWords(tokens, i, before, options.ModifiersStopAtClause, g);
        if (found > 0 && Is(tokens[before[0]], g.No) ||
            found > 1 && Is(tokens[before[1]], g.No) ||
            found > 2 && Is(tokens[before[2]], g.No) && (Is(tokens[before[0]], g.Or) || Is(tokens[before[0]], g.Nor)))
        {
            v *= SentimentGrammar.NegationScalar;
            rule = ValenceRule.Negated;
        }
        for (int s = 0; s < found; s++)
        {
            ref readonly Token prev = ref tokens[before[s]];
            if (options.Answers && Is(prev, g.Nope) && FirstWord(tokens, 0, before[s]) == before[s])
            {
                // "@acme nope still broken": opening a reply, the answer, then what is so. Not "no", which opening a text
                // is as often a determiner ("No major problems")
                continue;
            }
            if (rules[before[s]] == ValenceRule.Phrase && PhraseValence(before[s], valences, rules) > 0)
            {
                continue; // a phrase of praise spoke for its words: the "nothing" of "nothing beats free bags" negates nothing after it
            }
            if (prev.Entry >= 0 && (entries[prev.Entry].Role & (WordRole.Lexical | WordRole.AdverbialBooster)) == WordRole.Lexical)
            {
                if (options.ScopeEndsAtSentiment)
                {
                    break; // a negator before an earlier sentiment word was spent on that word
                }
                continue; // VADER: a sentiment word before is not a modifier, but modifiers beyond it still count
            }
            float scalar = Boost(prev, v, capsDiffer, entries);
            v += s switch { 0 => scalar, 1 => scalar * 0.95f, _ => scalar * 0.9f };
            if (prev.Entry < 0 || !IsNegator(entries[prev.Entry]) || rule == ValenceRule.Phrase && (prev.Entry == g.Despite || (tokens[i].Role & WordRole.Negator) != 0))
            {
                // "despite" negates a word as VADER has it, not a phrase of what happened ("despite calling 5 times"); a phrase
                // that opens with its own negation is not turned by an earlier one ("they never called and didn't get back to me")
                continue;
            }
            if (s > 0 && Is(prev, g.Never) && (IsAny(tokens, before[..s], g.So, g.This) || Is(tokens[before[0]], g.More)))
            {
                v *= 1.25f; // "never so good", "I've never felt more alive", "never been more frustrated": emphasis, not negation
            }
            else if (options.Comparatives && s > 0 && Is(tokens[before[0]], g.Less) &&
                (Is(prev, g.Never) || Array.IndexOf(g.Cannot, prev.Entry) >= 0 || CanNot(tokens, before[s], g)))
            {
                // "I couldn't be less impressed", "never been less impressed": the utmost of the opposite, which the "less"
                // right before the word says (LessBefore, below); the negator only strengthens it
                v *= 1.25f;
            }
            else if (options.Comparatives && (Is(prev, g.Never) || s > 0 && (Array.IndexOf(g.Cannot, prev.Entry) >= 0 || CanNot(tokens, before[s], g))) &&
                IsComparative(tokens[i], g))
            {
                v *= 1.25f; // "never had a better meal", "never seen worse service", "it couldn't be worse": the utmost, not a denial
            }
            else if (options.Comparatives && Is(prev, g.Nothing) && ComparedWithThan(tokens, i, s, s > 0 ? before[0] : -1, v, g))
            {
                v *= 1.25f; // "nothing worse than cold fries", "there's nothing more frustrating than this app": the utmost
            }
            else if (options.RhetoricalQuestions && AsksAgreement(tokens, before[s], g))
            {
                // "Isn't it great?", "isn't this the cutest burrito you've ever seen?": a question that expects "yes" affirms
            }
            else if (s > 0 && Is(prev, g.Without) && IsAny(tokens, before[..s], g.Doubt, g.Doubt))
            {
                // "without a doubt" affirms
            }
            else if (s > 0 && Is(tokens[before[s - 1]], g.Believe) && Array.IndexOf(g.Cannot, prev.Entry) >= 0)
            {
                // "can't believe how rude", "couldn't believe they lost it": incredulity, not negation
            }
            else if (v < 0 && s > 0 && (IsAny(tokens, before[..s], g.This, g.This) || IsAny(tokens, before[..s], g.So, g.So) && IsShouldNot(tokens, before[s], g)))
            {
                // "it shouldn't be this hard", "it was never this slow before", "shouldn't be so difficult": a complaint
                // about how bad it is, not a denial ("it's not so bad" still negates)
            }
            else if (v < 0 && s > 0 && CountsToZero(tokens, before[s], i, g))
            {
                // "not one dropped call since", "not a single outage in three years": an absence counted to zero is praise,
                // not the bare denial of a fault ("it didn't crash") that NegatedNegativeScalar keeps near neutral
                v *= SentimentGrammar.NegationScalar;
                rule = ValenceRule.Negated;
            }
            else
            {
                v *= v < 0 ? options.NegatedNegativeScalar : SentimentGrammar.NegationScalar;
                rule = ValenceRule.Negated;
            }
        }
        // "least": "the least helpful" negates; "at least" and "very least" do not
        if (found > 0 && Is(tokens[before[0]], g.Least) && !(found > 1 && IsAny(tokens, before[1..2], g.At, g.Very)))
        {
            v *= SentimentGrammar.NegationScalar;
            rule = ValenceRule.Negated;
        }
        else if (options.Comparatives && found > 0 && LessBefore(tokens, before[..found], g))
        {
            v *= SentimentGrammar.NegationScalar;
            rule = ValenceRule.Negated;
        }
        return v;
    }

    /// <summary>
    /// Whether the negator at <paramref name="n"/> opens a question that expects "yes": a negated "be" and a subject ("isn't it",
    /// "aren't they", "wasn't that"), first in its sentence (after mentions, or one opening word: "Hey, isn't this …"), in a
    /// sentence that ends in "?". "It isn't great?", "isn't working?" and "isn't it supposed to be good?" still negate.
    /// </summary>
    private static bool AsksAgreement(ReadOnlySpan<Token> tokens, int n, GrammarWords g)
    {
        if (Array.IndexOf(g.BeNegators, tokens[n].Entry) < 0 || n + 1 >= tokens.Length || !IsOneOf(tokens[n + 1], g.AgreementSubjects) ||
            n + 2 < tokens.Length && IsOneOf(tokens[n + 2], g.Expectations))
        {
            return false; // "isn't it supposed to be the best network?" complains
        }
        ushort sentence = tokens[n].Sentence;
        int start = n;
        while (start > 0 && tokens[start - 1].Sentence == sentence)
        {
            start--;
        }
        int first = FirstWord(tokens, start, n);
        if (first < n && (tokens[first].Kind != TokenKind.Word || (tokens[first].Role & WordRole.Lexical) != 0 || FirstWord(tokens, first + 1, n) != n))
        {
            return false; // "It isn't great?"; one plain word may come first ("Hey, isn't it …", "So isn't that …")
        }
        ref readonly Token last = ref tokens[SentenceEnd(tokens, n) - 1];
        return last.Kind == TokenKind.Punctuation && last.Questions > 0;
    }

    /// <summary>
    /// "way less usable", "less helpful than before", "less than helpful": "less" before a word says its opposite, as "least"
    /// does ("less stressful" reads well); VADER only dampens it. Not "no less", "nothing less than", "more or less".
    /// </summary>
    private static bool LessBefore(ReadOnlySpan<Token> tokens, ReadOnlySpan<int> before, GrammarWords g)
    {
        int less = Is(tokens[before[0]], g.Less) ? 0 : before.Length > 1 && Is(tokens[before[0]], g.Than) && Is(tokens[before[1]], g.Less) ? 1 : -1;
        return less >= 0 && !(less + 1 < before.Length && IsAny(tokens, before.Slice(less + 1, 1), g.No, g.Nothing) || less + 1 < before.Length && Is(tokens[before[less + 1]], g.Or));
    }

    /// <summary>The first token from <paramref name="from"/> (before <paramref name="end"/>) that is not a mention or punctuation.</summary>
    internal static int FirstWord(ReadOnlySpan<Token> tokens, int from, int end)
    {
        while (from < end && tokens[from].Kind is TokenKind.Mention or TokenKind.Punctuation)
        {
            from++;
        }
        return from;
    }

    /// <summary>Whether a token is one of the <see cref="GrammarWords.Comparatives"/> ("better", "worse", "friendlier").</summary>
    private static bool IsComparative(in Token t, GrammarWords g) => Array.BinarySearch(g.Comparatives, t.Entry) >= 0;

    /// <summary>Whether token <paramref name="j"/> is the "not" of "can not" or "could not".</summary>
    private static bool CanNot(ReadOnlySpan<Token> tokens, int j, GrammarWords g) =>
        Is(tokens[j], g.Not) && j > 0 && (Is(tokens[j - 1], g.Could) || Is(tokens[j - 1], g.Can));

    /// <summary>
    /// Whether token <paramref name="i"/>, <paramref name="distance"/> words after "nothing", is compared by "than" right after
    /// it: a comparative right after "nothing" ("nothing worse than"), or a bad word after "nothing more" ("nothing more
    /// frustrating than"); "nothing more substantial than a doodle" belittles, so a good word there stays negated.
    /// </summary>
    private static bool ComparedWithThan(ReadOnlySpan<Token> tokens, int i, int distance, int wordBefore, float v, GrammarWords g) =>
        i + 1 < tokens.Length && Is(tokens[i + 1], g.Than) &&
        (distance == 0 && IsComparative(tokens[i], g) ||
         distance == 1 && v < 0 && (Is(tokens[wordBefore], g.More) || Is(tokens[wordBefore], g.Less)));

    /// <summary>The valence of the sentiment phrase covering token <paramref name="j"/>: its first token holds it, the others 0.</summary>
    private static float PhraseValence(int j, ReadOnlySpan<float> valences, ReadOnlySpan<ValenceRule> rules)
    {
        while (j > 0 && valences[j] == 0 && rules[j - 1] == ValenceRule.Phrase)
        {
            j--;
        }
        return valences[j];
    }

    /// <summary>"shouldn't", or "not" right after "should".</summary>
    private static bool IsShouldNot(ReadOnlySpan<Token> tokens, int j, GrammarWords g) =>
        Array.IndexOf(g.ShouldNot, tokens[j].Entry) >= 0 || Is(tokens[j], g.Not) && j > 0 && Is(tokens[j - 1], g.Should);

    private static bool Is(in Token t, int entry) => t.Entry == entry && entry >= 0 && t.Kind == TokenKind.Word;

    /// <summary>Whether the token is a word among <paramref name="entries"/> (entry ids from <see cref="GrammarWords"/>).</summary>
    private static bool IsOneOf(in Token t, int[] entries) => t.Kind == TokenKind.Word && Array.IndexOf(entries, t.Entry) >= 0;

    private static bool IsAny(ReadOnlySpan<Token> tokens, ReadOnlySpan<int> indices, int a, int b)
    {
        foreach (int j in indices)
        {
            if (Is(tokens[j], a) || Is(tokens[j], b))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Token indices of up to three preceding words in the same sentence and clause, nearest first.</summary>
    private static int PreviousWords(ReadOnlySpan<Token> tokens, int i, Span<int> before, bool stopAtClause, GrammarWords g)
    {
        int found = 0;
        ushort sentence = tokens[i].Sentence;
        for (int j = i - 1; j >= 0 && found < before.Length; j--)
        {
            ref readonly Token t = ref tokens[j];
            if (t.Sentence != sentence)
            {
                break;
            }
            if (t.Kind == TokenKind.Punctuation)
            {
                if (stopAtClause && (t.Flags & TokenMarks.ClauseEnd) != 0)
                {
                    break; // "no, great service": the "no" answers something else
                }
                continue;
            }
            if (t.Kind is TokenKind.Mention or TokenKind.Url)
            {
                continue;
            }
            if (Is(t, g.Single) && j > 0 && (Is(tokens[j - 1], g.A) || Is(tokens[j - 1], g.One)))
            {
                continue; // "never had a single problem": the "single" of emphasis does not push "never" out of reach
            }
            before[found++] = j;
        }
        return found;
    }

    /// <summary>Whether "one" or "single" stands between the negator at <paramref name="n"/> and the word at <paramref name="i"/>: "not one dropped call", "not a single outage".</summary>
    private static bool CountsToZero(ReadOnlySpan<Token> tokens, int n, int i, GrammarWords g)
    {
        for (int j = n + 1; j < i; j++)
        {
            if (Is(tokens[j], g.One) || Is(tokens[j], g.Single))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsNegator(in WordEntry e) => (e.Role & WordRole.Negator) != 0;

    private static float Boost(in Token modifier, float valence, bool capsDiffer, WordEntry[] entries)
    {
        if (modifier.Entry < 0 || modifier.Kind != TokenKind.Word)
        {
            return 0;
        }
        float scalar = entries[modifier.Entry].Booster;
        if (scalar == 0)
        {
            return 0;
        }
        if (valence < 0)
        {
            scalar = -scalar;
        }
        if (capsDiffer && (modifier.Flags & TokenMarks.AllCaps) != 0)
        {
            scalar += MathF.Sign(valence) * SentimentGrammar.CapsIncrement;
        }
        return scalar;
    }

    /// <summary>Sums valences over tokens [from, to), adds punctuation emphasis, and normalises as VADER does.</summary>
    public static SentimentScore Summarise(ReadOnlySpan<Token> tokens, ReadOnlySpan<float> valences, int from, int to, double alpha)
    {
        var sum = default(SentimentAccumulator);
        sum.Add(tokens, valences, from, to);
        return sum.ToScore(alpha);
    }
}
