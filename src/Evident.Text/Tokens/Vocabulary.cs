namespace Evident.Text.Tokens;

/// <summary>What a word does for the rules, besides any valence it carries.</summary>
[Flags]
public enum WordRole : uint
{
    None = 0,
    Negator = 1,
    /// <summary>"but", "however", "yet": what follows outweighs what precedes.</summary>
    ContrastAfter = 2,
    /// <summary>"although", "though", "despite", "even though": the clause it opens weighs less.</summary>
    ContrastConcessive = 4,
    NumberWord = 8,
    Emoticon = 16,
    Emoji = 32,
    /// <summary>"we", "our", "us", "ours", "ourselves".</summary>
    FirstPersonPlural = 64,
    /// <summary>"you", "your", "yours", "yourself", "yourselves".</summary>
    SecondPerson = 128,
    FirstPersonSingular = 256,
    /// <summary>A time unit after a number: minute, hour, day, week, month.</summary>
    TimeUnit = 512,
    /// <summary>The word carries sentiment from a lexicon (its <see cref="WordEntry.Valence"/> is meaningful even when 0).</summary>
    Lexical = 1024,
    /// <summary>"no": negates what follows, unless it is itself a determiner before a sentiment word.</summary>
    No = 2048,
    /// <summary>Puts a stated duration in a waiting context ("hold", "took", "still").</summary>
    WaitCue = 4096,
    /// <summary>"lol", "haha", "lmao": laughter, an interjection that stands alone as an emoji does ("I have no idea lol" does not negate it).</summary>
    Laughter = 8192,
    /// <summary>"pretty", "super", "real": a sentiment word alone, an intensifier before another ("pretty bad").</summary>
    AdverbialBooster = 16384,
    /// <summary>"like": a sentiment word only as a verb ("I like it"), not as a preposition ("looks like rain").</summary>
    VerbOnly = 32768,
    /// <summary>A subject or auxiliary that makes a following "like" a verb.</summary>
    LikeSubject = 65536,
    /// <summary>"should", "could", "would", "might", "must".</summary>
    PastModal = 131072,
    /// <summary>"have" after a modal, or a contraction holding both ("should've", "could've").</summary>
    PastModalHave = 262144,
    /// <summary>"too": excess.</summary>
    Excess = 524288,
    /// <summary>"reduce", "prevent", "avoid": lessening a bad thing is good ("prevent delays").</summary>
    Reducer = 1048576,
    /// <summary>"yes", "ok", "sure", "well": at the start of a reply, an answer or a pause rather than a feeling.</summary>
    Answer = 2097152,
    /// <summary>Some sentiment phrase starts with this word's lemma (set once the phrase indexes are built).</summary>
    StartsSentimentPhrase = 4194304,
    /// <summary>Some theme phrase starts with this word's lemma.</summary>
    StartsThemePhrase = 8388608,
    /// <summary>Some signal phrase starts with this word's lemma.</summary>
    StartsSignalPhrase = 16777216,
    /// <summary>"thanks", "thank": gratitude, unless what it is for is bad ("thanks for losing my bag").</summary>
    Thanks = 33554432,
    /// <summary>"great", "perfect", "lovely" …: praise that, alone as a sentence after bad news ("Lost my bag. Great."), is irony.</summary>
    Praise = 67108864,
    /// <summary>"nobody", "noone": a subject that negates its clause ("nobody at the desk could help").</summary>
    Nobody = 134217728,
    /// <summary>A booster or dampener ("very", "barely"), or "least": a word that changes the sentiment word after it.</summary>
    Modifier = 268435456,
    /// <summary>"used" (in "used to be", "used to love"): what was good once is not now; also "much" (in "so much for the
    /// best airline"), the same reversal of what was claimed.</summary>
    UsedTo = 536870912,
    /// <summary>
    /// "love", "luv": opening a sentence before "how", "that", "when" or an -ing word, often irony ("Love how …"); also on
    /// "gotta", which may lead it ("Gotta love waiting …"), so that a text with either runs the irony check.
    /// </summary>
    Love = 1073741824,
    /// <summary>
    /// "instead", "ordered", "asked" …: a text that may say what came was not what was ordered (the mismatch rule); also
    /// "accidentally", "mistake" …: a text that may say the customer made the slip (the self-blame rule), and "rang",
    /// "emailed", "chased" …: a text that may say the customer asked again and again (the repeated-asking rule).
    /// </summary>
    OrderOrInstead = 2147483648,
}

/// <summary>One surface form the engine knows. Kept as a struct array indexed by entry id: one cache line per lookup.</summary>
public struct WordEntry
{
    /// <summary>Valence on VADER's −4…+4 scale.</summary>
    public float Valence;
    /// <summary>Intensifier (+) or dampener (−) increment applied to the next sentiment word.</summary>
    public float Booster;
    /// <summary>For number words: the number; for time units: minutes per unit.</summary>
    public float Value;
    public WordRole Role;
    /// <summary>The entry this form inflects (itself for a base form): phrases match on lemmas.</summary>
    public int Lemma;
    /// <summary>Which lexicon gave the valence: 0 none, 1 VADER, 2 CX, 3 emoji.</summary>
    public byte ValenceSource;
}

/// <summary>
/// Every surface form the engine knows, looked up case-insensitively straight from a span of the text
/// (no string is made per token).
/// </summary>
public sealed class Vocabulary
{
    private readonly WordTable _table;

    internal Vocabulary(WordEntry[] entries, string[] forms)
    {
        _table = new WordTable(forms, entries);
        Entries = entries;
        Forms = forms;
        Grammar = new GrammarWords(this);
        LengthAndSyllables = new ushort[forms.Length];
        for (int id = 0; id < forms.Length; id++)
        {
            int length = forms[id].Length <= byte.MaxValue ? forms[id].Length : 0; // 0: no token's length, so never taken
            LengthAndSyllables[id] = (ushort)(length << 8 | Math.Min(Signals.Readability.Syllables(forms[id]), byte.MaxValue));
        }
    }

    /// <summary>Entry ids of the words the rules test one by one ("no", "least", "kind of").</summary>
    public GrammarWords Grammar { get; }

    public WordEntry[] Entries { get; }

    /// <summary>The surface form of each entry, for explanations.</summary>
    public string[] Forms { get; }

    public int Count => Entries.Length;

    /// <summary>
    /// Each entry's form length (high byte) and syllables (low byte), counted once here so readability does not count them per
    /// token; the length, kept beside them, tells a word found as itself from one read through another form without reading the form.
    /// </summary>
    internal ushort[] LengthAndSyllables { get; }

    /// <summary>The entry id of a word, or -1.</summary>
    public int Find(ReadOnlySpan<char> word) => _table.Find(word, WordTable.Hash(word), out _, out _);

    /// <summary>As <see cref="Find(ReadOnlySpan{char})"/>, with the hash the tokenizer computed while scanning the word, and the word's role.</summary>
    internal int Find(ReadOnlySpan<char> word, int hash, out WordRole role, out int lemma) => _table.Find(word, hash, out role, out lemma);

    /// <summary>Takes in role changes made to <see cref="Entries"/> after construction (while the lexicons are built).</summary>
    internal void RefreshRoles() => _table.RefreshRoles(Entries);
}

/// <summary>The entry ids of single words some rules test for, so the rules compare ints, not strings.</summary>
public sealed class GrammarWords
{
    internal GrammarWords(Vocabulary v)
    {
        No = v.Find("no");
        Nope = v.Find("nope");
        Or = v.Find("or");
        Nor = v.Find("nor");
        Never = v.Find("never");
        So = v.Find("so");
        This = v.Find("this");
        Without = v.Find("without");
        Doubt = v.Find("doubt");
        Least = v.Find("least");
        At = v.Find("at");
        Very = v.Find("very");
        Kind = v.Find("kind");
        Sort = v.Find("sort");
        Of = v.Find("of");
        But = v.Find("but");
        Been = v.Find("been");
        That = v.Find("that");
        Was = v.Find("was");
        Last = v.Find("last");
        Yesterday = v.Find("yesterday");
        It = v.Find("it");
        Has = v.Find("has");
        Despite = v.Find("despite");
        For = v.Find("for");
        One = v.Find("one");
        Noone = v.Find("noone");
        A = v.Find("a");
        Single = v.Find("single");
        Digits = [.. DigitWords.Select(word => v.Find(word))]; // by position: -1 where a word is unknown
        Who = v.Find("who");
        Deciders = Ids(v, DeciderWords);
        More = v.Find("more");
        Than = v.Find("than");
        Another = v.Find("another");
        Yet = v.Find("yet");
        Again = v.Find("again");
        Used = v.Find("used");
        To = v.Find("to");
        Like = v.Find("like");
        Know = v.Find("know");
        RequestLikeLeads = Ids(v, RequestLikeLeadWords);
        Be = v.Find("be");
        Within = v.Find("within");
        Taking = v.Find("taking");
        Later = v.Find("later");
        Nothing = v.Find("nothing");
        Less = v.Find("less");
        Can = v.Find("can");
        Could = v.Find("could");
        RateWords = Ids(v, RateWordList);
        NotWaitedAfters = Ids(v, NotWaitedAfterWords);
        QuickLeads = Ids(v, QuickLeadWordList);
        In = v.Find("in");
        Ago = v.Find("ago");
        PassiveLinks = Ids(v, PassiveLinkWordList);
        NotYetWords = Ids(v, NotYetWordList);
        Resolutions = Ids(v, ResolutionWordList);
        ResolutionsOnly = Ids(v, ResolutionOnlyWordList);
        NotResolvedLeads = Ids(v, NotResolvedLeadWords);
        Oh = v.Find("oh");
        Much = v.Find("much");
        Well = v.Find("well");
        And = v.Find("and");
        Even = v.Find("even");
        Ask = v.Find("ask");
        On = v.Find("on");
        Time = v.Find("time");
        HowSubjects = Ids(v, HowSubjectWords);
        BeNegators = Ids(v, BeNegatorWords);
        AgreementSubjects = Ids(v, AgreementSubjectWords);
        Expectations = Ids(v, ExpectationWords);
        Hedges = Ids(v, HedgeWords);
        IronyOpeners = Ids(v, IronyOpenerWords);
        PraiseIronyOpeners = Ids(v, PraiseIronyOpenerWords);
        UsedToSubjects = Ids(v, UsedToSubjectWords);
        Auxiliaries = Ids(v, AuxiliaryWords);
        AnswerSubjects = Ids(v, AnswerSubjectWords);
        InfoQuestionOpeners = Ids(v, InfoQuestionOpenerWords);
        HowInfoFollowers = Ids(v, HowInfoFollowerWords);
        How = v.Find("how");
        If = v.Find("if");
        Really = v.Find("really");
        SarcasmTags = Ids(v, SarcasmTagWords);
        QuestionSubjects = Ids(v, QuestionSubjectWords);
        Why = v.Find("why");
        Come = v.Find("come");
        WhyLeads = Ids(v, WhyLeadWords);
        DurationNouns = Ids(v, DurationNounWords);
        Where = v.Find("where");
        TaskAuxiliaries = Ids(v, TaskAuxiliaryWords);
        TaskAskers = Ids(v, TaskAskerWords);
        FilingVerbs = Ids(v, FilingVerbWords);
        FiledThings = Ids(v, FiledThingWords);
        Means = Ids(v, MeansWords);
        SelfBlame = Ids(v, SelfBlameWordList);
        SelfBlameNouns = Ids(v, SelfBlameNounWordList);
        NotSelfBlame = Ids(v, NotSelfBlameWordList);
        BeForms = Ids(v, BeFormWordList);
        WouldWords = Ids(v, WouldWordList);
        AskedWords = Ids(v, AskedWordList);
        RepeatOrdinals = Ids(v, RepeatOrdinalWordList);
        MultiplierFollowers = Ids(v, MultiplierFollowerWordList);
        QuestionOpeningAuxiliaries = Ids(v, QuestionOpeningAuxiliaryWords);
        Times = v.Find("times");
        ProtectiveVerbs = Ids(v, ProtectiveVerbWordList);
        FraudWords = Ids(v, FraudWordList);
        By = v.Find("by");
        AskedFacts = Ids(v, AskedFactWords);
        DegreeWords = Ids(v, DegreeWordList);
        NamesInCapitals = Ids(v, NameInCapitalsWords);
        Instead = v.Find("instead");
        Receipts = Ids(v, ReceiptWords);
        GotWords = Ids(v, GotWordList);
        OrderWords = Ids(v, OrderWordList);
        SignOffs = Ids(v, SignOffWords);
        Requests = Ids(v, RequestWords);
        PraiseLeads = Ids(v, PraiseLeadWords);
        IronicFaces = Ids(v, IronicFaceForms);
        DoNegators = Ids(v, DoNegatorWords);
        Statuses = Ids(v, StatusWords);
        Now = v.Find("now");
        ItsForms = Ids(v, ItsWords);
        DateLeads = Ids(v, DateLeadWords);
        DateWords = Ids(v, DateWordList);
        TimeSuffixes = Ids(v, TimeSuffixWords);
        PointedThanks = Ids(v, PointedThanksWords);
        ThanksObjects = Ids(v, ThanksObjectWords);
        StatusesAfterOn = Ids(v, StatusAfterOnWords);
        NotEvenSpared = Ids(v, NotEvenSparedWords);
        Proofs = Ids(v, ProofWords);
        Expecting = Ids(v, ExpectingWords);
        Applause = Ids(v, ApplauseForms);
        PraiseTails = Ids(v, PraiseTailWords);
        Believe = v.Find("believe");
        Cannot = Ids(v, CannotWords);
        ShouldNot = Ids(v, ShouldNotWords);
        Should = v.Find("should");
        Not = v.Find("not");
        Help = v.Find("help");
        Comparatives = FindComparatives(v);
        Givings = Ids(v, GivingWords);
        Relatives = Ids(v, RelativeWords);
        PleaLeads = Ids(v, PleaLeadWords);
        PleaTails = Ids(v, PleaTailWords);
        Determiners = Ids(v, DeterminerWords);
        DeniedAuxiliaries = Ids(v, DeniedAuxiliaryWords);
        DenialAuxiliaries = Ids(v, DenialAuxiliaryWords);
        DenialSubjects = Ids(v, DenialSubjectWords);
        DenialBeSubjects = Ids(v, DenialBeSubjectWords);
        DenialAdverbs = Ids(v, DenialAdverbWords);
        DenialLeads = Ids(v, DenialLeadWords);
    }

    public int No { get; }

    /// <summary>"nope": opening a reply it answers ("@acme nope still broken") and negates nothing after it.</summary>
    internal int Nope { get; }
    public int Or { get; }
    public int Nor { get; }
    public int Never { get; }
    public int So { get; }
    public int This { get; }
    public int Without { get; }
    public int Doubt { get; }
    public int Least { get; }
    public int At { get; }
    public int Very { get; }
    public int Kind { get; }
    public int Sort { get; }
    public int Of { get; }
    public int But { get; }
    public int Been { get; }

    /// <summary>"that", "was", "last", "yesterday" (and <see cref="Ago"/>): "That was last Tuesday", "that was two weeks ago" (<c>MarkTimePassed</c>).</summary>
    public int That { get; }
    public int Was { get; }
    public int Last { get; }
    public int Yesterday { get; }

    /// <summary>"it", "has": "it has now been 15" (<c>MarkTimePassed</c>).</summary>
    public int It { get; }
    public int Has { get; }

    /// <summary>"despite": a negator to VADER's rules, but what it governs did happen ("no reply despite emailing three times").</summary>
    public int Despite { get; }
    public int For { get; }
    public int One { get; }

    /// <summary>"noone": "nobody" run together, a subject that denies its own clause ("noone did").</summary>
    public int Noone { get; }

    /// <summary>"a" and "single": "never had a single problem" reaches "problem" from "never" past the "single" of emphasis.</summary>
    internal int A { get; }
    internal int Single { get; }
    /// <summary>The entries of "zero" … "nine", by the digit a lone-digit number is read as in phrases.</summary>
    internal int[] Digits { get; }

    internal static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    public int Who { get; }

    /// <summary>After "who" opening a question: "Who decided …?", "Who thought …?" ask who is to blame, so its praise is denied.</summary>
    internal static readonly string[] DeciderWords = ["decided", "thought", "approved", "designed", "signed"];

    /// <summary>The entry ids of <see cref="DeciderWords"/>.</summary>
    internal int[] Deciders { get; }
    public int More { get; }
    public int Than { get; }
    public int Another { get; }
    public int Yet { get; }
    public int Again { get; }
    public int Used { get; }
    public int To { get; }
    public int Be { get; }
    public int Within { get; }

    /// <summary>"taking": right before a duration it is a wait ("thanks for taking 3 weeks to install it"); after one it is not ("a day of picture taking").</summary>
    internal int Taking { get; }

    /// <summary>"later": "two hours later" is a wait only beside a negation ("three weeks later and still no refund") or after what it moved ("a flight 2 days later").</summary>
    internal int Later { get; }

    /// <summary>"nothing": before a comparative and "than" it says the utmost ("nothing worse than cold fries").</summary>
    internal int Nothing { get; }

    /// <summary>"less", read as "more" is between "nothing" and a word compared by "than".</summary>
    internal int Less { get; }

    /// <summary>"can", "could": with "not" before a comparative they say the utmost ("it could not have been better").</summary>
    internal int Can { get; }

    /// <summary>See <see cref="Can"/>.</summary>
    internal int Could { get; }

    /// <summary>
    /// "once a week", "every three months", "twice a day": a duration that measures how often, not how long; "open 24 hours":
    /// opening hours ("the case has been open for 3 weeks" has "for" before the duration, and is a wait).
    /// </summary>
    internal static readonly string[] RateWordList = ["once", "twice", "every", "per", "times", "open", "opens"];

    /// <summary>The entry ids of <see cref="RateWordList"/>.</summary>
    internal int[] RateWords { get; }

    /// <summary>"13 hours left", "45 minutes prior to departure", "two hours early", "emails half an hour apart": time not spent waiting.</summary>
    internal static readonly string[] NotWaitedAfterWords = ["left", "remaining", "prior", "early", "earlier", "apart", "ahead"];

    /// <summary>The entry ids of <see cref="NotWaitedAfterWords"/>.</summary>
    internal int[] NotWaitedAfters { get; }

    /// <summary>Right before a duration, words that make it quick: "only 2 weeks later", "in just 5 minutes", "in under an hour".</summary>
    internal static readonly string[] QuickLeadWordList = ["only", "just", "under"];

    /// <summary>The entry ids of <see cref="QuickLeadWordList"/>.</summary>
    internal int[] QuickLeads { get; }

    /// <summary>"in", as in "paid out in 2 days": how soon a thing was done.</summary>
    internal int In { get; }

    /// <summary>"ago": "moved in 2 weeks ago" dates a thing, its "in" is the verb's.</summary>
    internal int Ago { get; }

    /// <summary>The entry ids of <see cref="PassiveLinkWordList"/>.</summary>
    internal int[] PassiveLinks { get; }

    /// <summary>The entry ids of <see cref="NotYetWordList"/>.</summary>
    internal int[] NotYetWords { get; }

    /// <summary>The form "like".</summary>
    internal int Like { get; }

    /// <summary>The form "know" ("I'd like to know why …" demands a reason rather than asks politely).</summary>
    internal int Know { get; }

    /// <summary>The entry ids of <see cref="RequestLikeLeadWords"/>.</summary>
    internal int[] RequestLikeLeads { get; }

    /// <summary>The entry ids of <see cref="ResolutionWordList"/>.</summary>
    internal int[] Resolutions { get; }

    /// <summary>The entry ids of <see cref="ResolutionOnlyWordList"/>.</summary>
    internal int[] ResolutionsOnly { get; }

    /// <summary>The entry ids of <see cref="NotResolvedLeadWords"/>.</summary>
    internal int[] NotResolvedLeads { get; }
    public int Oh { get; }
    public int Much { get; }
    public int Well { get; }
    public int And { get; }
    public int Even { get; }

    /// <summary>"ask": "we didn't even ask" is good news (<c>MarkNotEven</c>), "they didn't even ask" is not.</summary>
    public int Ask { get; }

    /// <summary>"on" and "time": the phrase "on time" asked about in a question ("is flight 777 on time tonight?") carries no feeling.</summary>
    internal int On { get; }

    /// <summary>See <see cref="On"/>.</summary>
    internal int Time { get; }

    /// <summary>"this", "that", "it", "any": what a rhetorical "how is …?" asks about ("How is this acceptable?").</summary>
    internal int[] HowSubjects { get; }

    /// <summary>"isn't", "aren't", "wasn't", "weren't": a negated "be" that may open a question expecting "yes".</summary>
    internal int[] BeNegators { get; }

    /// <summary>"it", "this", "that", "they" …: the subject right after a negated "be" in "Isn't it great?".</summary>
    internal int[] AgreementSubjects { get; }

    /// <summary>"supposed", "meant": "Isn't it supposed to be the best network?" complains of what it should have been.</summary>
    internal int[] Expectations { get; }

    /// <summary>"a bit", "a little", "slightly": a fault told this way is small, and praise after it is meant.</summary>
    internal static readonly string[] HedgeWords = ["bit", "little", "slightly", "somewhat", "tad", "abit", "fairly"];

    /// <summary>The entry ids of <see cref="HedgeWords"/>.</summary>
    internal int[] Hedges { get; }

    /// <summary>What may follow a sentence-opening "love" when it is irony: "Love how …", "Love waiting …".</summary>
    internal static readonly string[] IronyOpenerWords =
        ["how", "that", "when", "being", "waiting", "getting", "finding", "paying", "having", "spending", "sitting", "standing", "dealing",
         "talking", "sending", "calling", "hearing", "seeing", "starting", "ending", "watching", "wasting"];

    /// <summary>After a sentence-opening "love": "Love how …", "Love that …", "Love waiting …" — what is loved follows.</summary>
    internal int[] IronyOpeners { get; }

    /// <summary>"how" and "when": after a praise word ("Great how they never answer") as after "love"; "Great that you fixed it" is sincere.</summary>
    internal int[] PraiseIronyOpeners { get; }

    /// <summary>Subjects before "used to" + verb: "I used to love it", not "widely used to brighten".</summary>
    internal int[] UsedToSubjects { get; }

    /// <summary>Words that open a yes/no question ("is it on time?", "any update?"): it asks, and asserts even less.</summary>
    /// <summary>
    /// Auxiliaries that open a question whatever follows but a negation or an -ing form ("is wifi free on all flights", "does
    /// the SIM need signing for"; not "is enjoying the ride"), unlike "was", "would", "will" and "should", which open
    /// statements with the subject left out ("was going to switch", "would recommend to anyone", "should stay sunny").
    /// </summary>
    internal static readonly string[] QuestionOpeningAuxiliaryWords = ["is", "are", "does", "do", "did", "can", "could"];

    internal static readonly string[] AuxiliaryWords =
        ["is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "has", "have", "any", "anyone", "should", "may"];

    /// <summary>Negated "do", "have", "will" and "would": before "even" and a verb, the least expected did not happen.</summary>
    internal static readonly string[] DoNegatorWords = ["didn't", "didnt", "doesn't", "doesnt", "don't", "dont", "hasn't", "hasnt",
        "haven't", "havent", "hadn't", "hadnt", "won't", "wont", "wouldn't", "wouldnt"];

    /// <summary>What it is good news not even to have had to do: "didn't even have to ask", "didn't even need the receipt".</summary>
    internal static readonly string[] NotEvenSparedWords = ["have", "need", "want", "get", "notice", "mind", "charge", "feel", "hurt",
        "realise", "realize", "break", "bother", "wait"];

    /// <summary>"expecting", "expected", "dreading" …: a wait named right after them was feared, not spent ("called expecting a 2
    /// hr hold", <c>LongWaits</c>).</summary>
    internal static readonly string[] ExpectingWords = ["expecting", "expected", "expect", "dreading", "braced"];

    /// <summary>Proof a seller spared the customer: "sent a replacement the same day, didn't even ask for photos".</summary>
    internal static readonly string[] ProofWords = ["photos", "photo", "pictures", "picture", "pics", "proof", "receipt", "evidence"];

    /// <summary>Words of the statuses that trackers and case systems show ("delivered", "in transit", "under review"): quoted, doubted.</summary>
    internal static readonly string[] StatusWords = ["delivered", "delivery", "processing", "processed", "dispatched", "shipped",
        "resolved", "resolving", "fixed", "sorted", "completed", "arriving", "transit", "pending", "progress", "review", "preparing", "closed"];

    /// <summary>"it's", "its": before a time or a date, the time now (<c>MarkTimePassed</c>).</summary>
    internal static readonly string[] ItsWords = ["it's", "its"];

    /// <summary>Words between "it's" or "now" and the time or date: "it's the 28th", "it's now mid May".</summary>
    internal static readonly string[] DateLeadWords = ["the", "mid", "almost", "nearly", "past", "gone"];

    /// <summary>Months and weekdays, and the short forms that are no other word (not "may", "mar", "sat", "sun", "wed").</summary>
    internal static readonly string[] DateWordList = ["january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>What makes a number a time or a date when written straight after it: "3pm", "19th".</summary>
    internal static readonly string[] TimeSuffixWords = ["am", "pm", "th", "st", "nd", "rd"];

    /// <summary>Closing thanks that point at what came before rather than close politely: "thanks a lot", "thanks a bunch".</summary>
    internal static readonly string[] PointedThanksWords = ["lot", "bunch"];

    /// <summary>What a closing "thanks for …" points back at: "thanks for that", "thanks for this".</summary>
    internal static readonly string[] ThanksObjectWords = ["that", "this"];

    /// <summary>Status words only after "on" in the same quotes: "on its way", "on time" ('Born This Way' is a title).</summary>
    internal static readonly string[] StatusAfterOnWords = ["way", "time"];

    /// <summary>Faces that mean the praise before them is not meant: face with rolling eyes, upside-down face.</summary>
    internal static readonly string[] IronicFaceForms = ["\U0001F644", "\U0001F643"];

    /// <summary>Clapping hands, in every skin tone: applause, ironic after bad news ("parcel left in the bin. brilliant stuff 👏").</summary>
    internal static readonly string[] ApplauseForms = ["\U0001F44F", "\U0001F44F\U0001F3FB", "\U0001F44F\U0001F3FC", "\U0001F44F\U0001F3FD", "\U0001F44F\U0001F3FE", "\U0001F44F\U0001F3FF"];

    /// <summary>Words that may open a sentence of praise alone and keep it so: "Oh great.", "Just perfect.", "How lovely."</summary>
    internal static readonly string[] PraiseLeadWords = ["oh", "just", "how", "so", "well", "really", "real", "yeah", "simply"];

    /// <summary>
    /// What sarcasm praises after its praise word, in a sentence of its own: "Great job.", "Nice one.", "Brilliant work guys.",
    /// "Great start to the trip.", "Perfect way to end my week."
    /// </summary>
    internal static readonly string[] PraiseTailWords = ["job", "work", "one", "guys", "service", "customer", "move",
        "start", "way", "to", "end", "the", "my", "day", "trip", "week", "morning", "weekend", "holiday", "vacation"];

    /// <summary>The entry ids of <see cref="PraiseTailWords"/>.</summary>
    internal int[] PraiseTails { get; }

    /// <summary>The entry ids of <see cref="AuxiliaryWords"/>.</summary>
    internal int[] Auxiliaries { get; }

    /// <summary>The entry ids of <see cref="QuestionSubjectWords"/>.</summary>
    internal int[] QuestionSubjects { get; }

    /// <summary>Subjects that, right after an auxiliary opening a sentence, make it a question: "can I …", "is it …", "do you …".</summary>
    internal static readonly string[] QuestionSubjectWords = ["i", "you", "u", "it", "we", "they", "there", "someone", "anyone", "somebody", "anybody", "ya"];

    /// <summary>Subjects that may follow an opening "no" that answers ("No I was not able to", "No it still doesn't work").</summary>
    internal int[] AnswerSubjects { get; }

    /// <summary>The entry ids of those of <paramref name="words"/> the vocabulary holds.</summary>
    private static int[] Ids(Vocabulary v, string[] words) => [.. words.Select(word => v.Find(word)).Where(id => id >= 0)];

    // The lists below the constructor takes its ids from, written here so that SentimentGrammar can put every one of
    // their words into the vocabulary (see FormsTested): a word no lexicon lists would otherwise be -1, and never match.
    internal static readonly string[] HowSubjectWords = ["this", "that", "it", "any"];
    internal static readonly string[] BeNegatorWords = ["isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent"];
    internal static readonly string[] AnswerSubjectWords = ["i", "i've", "i'm", "i'd", "we", "we've", "you", "it", "it's", "this", "that", "that's", "they", "he", "she"];
    internal static readonly string[] AgreementSubjectWords = ["it", "this", "that", "they", "these", "those", "he", "she"];
    internal static readonly string[] ExpectationWords = ["supposed", "meant"];
    internal static readonly string[] PraiseIronyOpenerWords = ["how", "when"];
    internal static readonly string[] UsedToSubjectWords = ["i", "we", "you", "they", "he", "she", "it", "people", "everyone", "everybody"];
    internal static readonly string[] TaskAuxiliaryWords = ["do", "can", "could", "should", "would"];
    internal static readonly string[] TaskAskerWords = ["i", "we"];
    /// <summary>Task verbs whose object is the thing filed, which is no more felt than the verb: "How do I make a formal complaint?", "Where can I lodge a dispute?".</summary>
    internal static readonly string[] FilingVerbWords = ["make", "file", "raise", "lodge", "submit", "log", "open", "register", "report", "start",
        "making", "filing", "raising", "lodging", "submitting", "logging", "opening", "registering", "reporting", "starting"];
    /// <summary>Nouns of means that a task follows in a question: "is there a way to block someone?", "what's the process for making a complaint?".</summary>
    internal static readonly string[] MeansWords = ["way", "process", "procedure"];
    /// <summary>What is filed after a filing verb: "a formal complaint", "a dispute", "an incident". Words of judgement ("these awful calls") are not among them.</summary>
    internal static readonly string[] FiledThingWords = ["complaint", "complaints", "dispute", "disputes", "claim", "appeal", "grievance", "chargeback", "fault", "problem", "issue", "incident"];
    internal static readonly string[] NameInCapitalsWords = ["lax"];
    internal static readonly string[] GotWordList = ["got", "received", "receive", "get"];
    internal static readonly string[] CannotWords = ["can't", "cant", "cannot", "couldn't", "couldnt"];
    internal static readonly string[] ShouldNotWords = ["shouldn't", "shouldnt"];
    internal static readonly string[] GivingWords = ["sending", "giving", "delivering", "selling", "shipping", "bringing", "serving", "me", "us"];
    internal static readonly string[] RelativeWords = ["that", "which", "who"];
    internal static readonly string[] PleaLeadWords = ["hello", "hi", "hey", "please", "pls", "plz", "someone", "somebody"];
    internal static readonly string[] PleaTailWords = ["me", "us", "please", "pls", "plz", "asap", "needed"];
    /// <summary>What may stand between a bad thing and the reducer that lessened it: "the problem has now been fixed".</summary>
    internal static readonly string[] PassiveLinkWordList = ["has", "have", "had", "been", "was", "were", "is", "are", "be", "being", "got", "gets",
        "now", "finally", "all", "just", "already", "quickly", "fully"];
    /// <summary>Before "like to", the words that make it a polite request: "I'd like to cancel", "we would like to know".</summary>
    internal static readonly string[] RequestLikeLeadWords = ["i'd", "id", "we'd", "would"];

    /// <summary>
    /// Resolution words that do not lessen the word they take ("refunded the wrong amount", "replaced that with Google+"): they
    /// carry the reducer role only so that a text holding one runs the resolution rule. Undoing what locked or took something
    /// ("reset", "recovered", "unblocked", "unfroze") is such a word too: "locked out, the agent verified me and reset it".
    /// </summary>
    internal static readonly string[] ResolutionOnlyWordList = ["refunded", "replaced", "reimbursed", "credited", "reinstated", "restored", "redone", "unlocked", "reset", "recovered", "reversed", "unblocked", "reactivated", "unfroze", "unfrozen"];

    /// <summary>
    /// What was wrong, put right: "they sorted it the same day", "refunded me in full": the resolution rule halves the bad
    /// words before it. The first six also lessen the bad thing they take, as a reducer does ("fixed my internet problem",
    /// "the issue was resolved"). Only finished forms: "please fix the problem" asks, and the problem is still there.
    /// </summary>
    internal static readonly string[] ResolutionWordList = ["fixed", "resolved", "solved", "sorted", "repaired", "rectified", .. ResolutionOnlyWordList];

    /// <summary>Before a resolution word, words that say it has not happened: "still to be sorted", "will be fixed", "need it sorted".</summary>
    internal static readonly string[] NotResolvedLeadWords = ["to", "will", "still", "yet", "need", "needs", "want", "wants", "get", "supposed", "meant", "gonna", "can", "please", "pls", "be", "it'll", "they'll", "we'll", "you'll", "itll"];

    /// <summary>Before a bad thing, words that make its being put right a condition or a wish: "until this issue is fixed".</summary>
    internal static readonly string[] NotYetWordList = ["until", "till", "unless", "if", "once", "when", "whether", "hope", "hoping", "hopefully"];
    /// <summary>A negated auxiliary that can end a clause on its own: "… and it isn't", "they said they'd call and they didn't".</summary>
    internal static readonly string[] DeniedAuxiliaryWords = ["isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent",
        "didn't", "didnt", "doesn't", "doesnt", "don't", "dont", "hasn't", "hasnt", "haven't", "havent", "hadn't", "hadnt", "won't", "wont",
        "wouldn't", "wouldnt", "ain't", "aint"];

    /// <summary>Auxiliaries that end an elided denial after "not" or "never": "it did not.", "they never did."</summary>
    internal static readonly string[] DenialAuxiliaryWords = ["is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "will", "would"];

    /// <summary>Subjects of an elided denial: what was claimed or promised, or who promised it ("it wasn't", "they didn't").</summary>
    internal static readonly string[] DenialSubjectWords = ["it", "they", "he", "she", "you", "that", "this"];

    /// <summary>A subject joined to its "is"/"are" before "not": "… it's not.", "they said they're included; they're not."</summary>
    internal static readonly string[] DenialBeSubjectWords = ["it's", "its", "they're", "theyre", "that's", "thats", "he's", "she's", "you're", "youre"];

    /// <summary>Adverbs that may stand between the subject and the denial: "it still isn't", "they obviously didn't".</summary>
    internal static readonly string[] DenialAdverbWords = ["still", "just", "really", "actually", "obviously", "clearly", "certainly", "definitely", "simply", "yet"];

    /// <summary>Words that join an elided denial to the claim it denies: "sorted and it isn't", "fixed, which it wasn't".</summary>
    internal static readonly string[] DenialLeadWords = ["and", "but", "yet", "which"];

    internal static readonly string[] DeterminerWords = ["the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "these", "those", "another", "yet", "such", "all", "extra"];

    /// <summary>
    /// Every word the rules test by form through a list here. The vocabulary takes them all in before it is built
    /// (SentimentGrammar), because a list word no lexicon happened to hold ("asap", "these", "hey") was silently dropped.
    /// </summary>
    internal static IEnumerable<string> FormsTested =>
    [
        .. DeciderWords, .. HedgeWords, .. IronyOpenerWords, .. AuxiliaryWords, .. PraiseLeadWords, .. PraiseTailWords,
        .. WhyLeadWords, .. InfoQuestionOpenerWords, .. HowInfoFollowerWords, .. SignOffWords, .. RequestWords, .. AskedFactWords,
        .. DegreeWordList, .. ReceiptWords, .. OrderWordList, .. ComparativeWords, .. HowSubjectWords, .. BeNegatorWords,
        .. AgreementSubjectWords, .. AnswerSubjectWords, .. ExpectationWords, .. PraiseIronyOpenerWords,
        .. UsedToSubjectWords, .. TaskAuxiliaryWords, .. TaskAskerWords, .. FilingVerbWords, .. MeansWords, .. FiledThingWords, .. SelfBlameWordList, .. SelfBlameNounWordList, .. NotSelfBlameWordList, .. ProtectiveVerbWordList, .. FraudWordList, .. WouldWordList, .. AskedWordList, .. RepeatOrdinalWordList, .. MultiplierFollowerWordList, .. QuestionOpeningAuxiliaryWords, "times", "by", .. NameInCapitalsWords, .. GotWordList, .. CannotWords,
        .. ShouldNotWords, .. GivingWords, .. RelativeWords, .. PleaLeadWords, .. PleaTailWords, .. DeterminerWords,
        .. DurationNounWords, .. RateWordList, .. NotWaitedAfterWords, .. QuickLeadWordList, "in", "ago", .. PassiveLinkWordList, .. NotYetWordList, .. DigitWords,
        .. ResolutionWordList, .. NotResolvedLeadWords, .. RequestLikeLeadWords, .. DeniedAuxiliaryWords,
        .. DenialAuxiliaryWords, .. DenialSubjectWords, .. DenialBeSubjectWords, .. DenialAdverbWords, .. DenialLeadWords, "like", "know",
        .. IronicFaceForms, .. DoNegatorWords, .. NotEvenSparedWords, .. ProofWords, .. ExpectingWords, "ask", "noone", .. StatusWords, .. StatusAfterOnWords, .. PointedThanksWords, .. ThanksObjectWords, .. ItsWords, "that", "was", "last", "yesterday", "it", "has", .. DateLeadWords, .. DateWordList, .. TimeSuffixWords, "now", .. ApplauseForms, .. SarcasmTagWords, .. QuestionSubjectWords,
    ];

    /// <summary>Things a stated duration can describe instead of a wait (<see cref="DurationNouns"/>).</summary>
    internal static readonly string[] DurationNounWords =
    [
        "warranty", "guarantee", "subscription", "trial", "contract", "membership", "pass", "plan", "trip", "holiday",
        "vacation", "course", "period", "window", "battery", "rule", "limit", "deadline", "notice", "policy", "cover", "ticket",
    ];

    /// <summary>Words that may open a why-question before its "why" (<see cref="WhyLeads"/>).</summary>
    internal static readonly string[] WhyLeadWords = ["and", "so", "but", "then", "also", "hey", "ok", "okay", "seriously"];

    /// <summary>
    /// Words that open a question asking for information ("what's the fee to change a flight?", "when does the charge go
    /// through?"), which customers put as often as yes/no questions; "why" is left out: "why was my flight cancelled?"
    /// complains.
    /// </summary>
    internal static readonly string[] InfoQuestionOpenerWords = ["what", "what's", "whats", "when", "where", "where's", "wheres", "which", "who"];

    /// <summary>After "how", the words that make it a request for information ("how do I", "how long"), not a rhetorical "how is this acceptable?".</summary>
    internal static readonly string[] HowInfoFollowerWords = ["do", "does", "can", "could", "should", "long", "much", "many", "often", "soon", "far", "would", "late", "early"];

    /// <summary>Words that may stand beside "thanks" in a closing courtesy: "thank you so much", "thanks in advance", "thanks again guys".</summary>
    internal static readonly string[] SignOffWords = ["you", "so", "much", "very", "in", "advance", "again", "a", "lot", "bunch", "all", "guys", "team", "ok", "okay", "many"];

    /// <summary>Words that make a message a request: "Please update my address. Thanks", "I need my payment date moved. Thanks",
    /// "I'd like to change my direct debit date. Thanks", "I was wondering if my refund has gone through. Thanks".</summary>
    internal static readonly string[] RequestWords = ["please", "pls", "plz", "kindly", "need", "needs", "like", "want", "wanted", "wondering", "wonder"];

    /// <summary>The entry ids of <see cref="RequestWords"/>.</summary>
    internal int[] Requests { get; }

    /// <summary>The entry ids of <see cref="InfoQuestionOpenerWords"/>.</summary>
    internal int[] InfoQuestionOpeners { get; }

    /// <summary>The entry ids of <see cref="HowInfoFollowerWords"/>.</summary>
    internal int[] HowInfoFollowers { get; }

    /// <summary>The entry ids of <see cref="SignOffWords"/>.</summary>
    internal int[] SignOffs { get; }

    public int How { get; }

    /// <summary>"if": a question that opens with a condition ("if I cancel now do I keep access?") asks about a case, not a feeling.</summary>
    public int If { get; }

    /// <summary>"really" alone after a comma closing praise ("stellar support, really") says the praise is not meant.</summary>
    public int Really { get; }

    /// <summary>Hashtags that declare the text sarcastic: "love spending my friday night at the gate #not".</summary>
    internal static readonly string[] SarcasmTagWords = ["not", "sarcasm", "irony"];

    /// <summary>The entry ids of <see cref="SarcasmTagWords"/>.</summary>
    internal int[] SarcasmTags { get; }

    /// <summary>"why": a why-question with a negation in it complains ("Why can't I log in?").</summary>
    public int Why { get; }

    /// <summary>"come", of "how come", which asks as "why" does.</summary>
    internal int Come { get; }

    /// <summary>Words that may open a why-question before its "why": "And why is my music never there?", "Seriously, why …?".</summary>
    internal int[] WhyLeads { get; }

    /// <summary>"a 90 day warranty", "a 1 month subscription", "a two week trip": a duration that says how long something lasts, not a wait.</summary>
    internal int[] DurationNouns { get; }

    public int Where { get; }

    /// <summary>"do", "can", "could", "should", "would": in "how do I …?", "where can we …?" they ask how a task is done.</summary>
    internal int[] TaskAuxiliaries { get; }

    /// <summary>The entry ids of <see cref="FilingVerbWords"/>.</summary>
    internal int[] FilingVerbs { get; }

    /// <summary>The entry ids of <see cref="FiledThingWords"/>.</summary>
    internal int[] FiledThings { get; }

    /// <summary>The entry ids of <see cref="MeansWords"/>.</summary>
    internal int[] Means { get; }

    /// <summary>The entry ids of <see cref="SelfBlameWordList"/>.</summary>
    internal int[] SelfBlame { get; }

    /// <summary>The entry ids of <see cref="SelfBlameNounWordList"/>.</summary>
    internal int[] SelfBlameNouns { get; }

    /// <summary>The entry ids of <see cref="NotSelfBlameWordList"/>.</summary>
    internal int[] NotSelfBlame { get; }

    /// <summary>The entry ids of <see cref="BeFormWordList"/>.</summary>
    internal int[] BeForms { get; }

    /// <summary>The entry ids of <see cref="WouldWordList"/>.</summary>
    internal int[] WouldWords { get; }

    /// <summary>The entry ids of <see cref="AskedWordList"/>.</summary>
    internal int[] AskedWords { get; }

    /// <summary>The entry ids of <see cref="RepeatOrdinalWordList"/>.</summary>
    internal int[] RepeatOrdinals { get; }

    /// <summary>The entry ids of <see cref="QuestionOpeningAuxiliaryWords"/>.</summary>
    internal int[] QuestionOpeningAuxiliaries { get; }

    /// <summary>The entry ids of <see cref="MultiplierFollowerWordList"/>.</summary>
    internal int[] MultiplierFollowers { get; }

    internal int Times { get; }

    /// <summary>The entry ids of <see cref="ProtectiveVerbWordList"/>.</summary>
    internal int[] ProtectiveVerbs { get; }

    /// <summary>The entry ids of <see cref="FraudWordList"/>.</summary>
    internal int[] FraudWords { get; }

    internal int By { get; }

    /// <summary>"i", "we": who asks how to do a task ("how do I cancel …?"); "how can you cancel …?" accuses.</summary>
    internal int[] TaskAskers { get; }

    /// <summary>Facts a question for information asks about rather than feels about: what happens to a trip, an order or a bag
    /// ("Is my flight delayed?", "If it's cancelled, do I get a refund?", "Where do I report a damaged bag?"), and whether
    /// something is free or safe ("Is the wifi free?").</summary>
    internal static readonly string[] AskedFactWords =
    [
        "cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "cancellation", "cancellations",
        "delay", "delays", "delayed", "late", "damaged", "damage", "lost", "lose", "miss", "missed", "missing",
        "issue", "issues", "overbooked", "free", "safe", "complaint", "complaints", "complain",
    ];

    /// <summary>The entry ids of <see cref="AskedFactWords"/>.</summary>
    internal int[] AskedFacts { get; }

    /// <summary>Adjectives and adverbs of degree that make a "pretty", "super" or "real" before them an intensifier, not
    /// praise: "a pretty big bummer", "super long wait", "real quick".</summary>
    internal static readonly string[] DegreeWordList =
    [
        "big", "small", "much", "sure", "long", "short", "quick", "quickly", "slow", "slowly", "high", "low", "late", "early",
        "simple", "standard", "basic", "normal", "average", "close", "far", "certain", "busy", "full", "empty", "new", "old",
        "fast", "expensive", "cheap", "quiet", "loud", "heavy", "tight", "straightforward", "serious",
    ];

    /// <summary>The entry ids of <see cref="DegreeWordList"/>.</summary>
    internal int[] DegreeWords { get; }

    /// <summary>"instead".</summary>
    internal int Instead { get; }

    /// <summary>Words of receiving before an "instead of" that make it a wrong order ("got a … instead of …").</summary>
    internal static readonly string[] ReceiptWords = ["got", "get", "gets", "received", "receive", "sent", "send", "gave", "give", "brought", "delivered", "came", "shipped", "served"];

    /// <summary>The entry ids of <see cref="ReceiptWords"/>.</summary>
    internal int[] Receipts { get; }

    /// <summary>"got", "received": what came, after a clause that said what was ordered.</summary>
    internal int[] GotWords { get; }

    /// <summary>Words that say what was ordered, asked or paid for ("ordered a large …, got a medium …").</summary>
    internal static readonly string[] OrderWordList = ["ordered", "order", "asked", "requested", "bought", "chose", "selected"];

    /// <summary>"I accidentally bought a PSP game", "ordered the wrong size by mistake": the customer's own slip (the self-blame rule).</summary>
    internal static readonly string[] SelfBlameWordList = ["accidentally", "mistakenly", "inadvertently"];
    /// <summary>After "by", the nouns of a slip: "by mistake", "by accident".</summary>
    internal static readonly string[] SelfBlameNounWordList = ["mistake", "accident"];
    /// <summary>Verbs of asking and contacting done again and again: "I've asked four times now", "rang 3 times about it".</summary>
    internal static readonly string[] AskedWordList = ["asked", "requested", "called", "rang", "phoned", "emailed", "chased", "contacted", "messaged", "reported", "complained", "written", "wrote", "told", "asking", "explained", "explaining", "sent", "chasing", "calling", "emailing", "messaging", "raised", "submitted", "tweeted"];
    /// <summary>Ordinals that count a repeat: "the fourth time I've written about this".</summary>
    /// <summary>After "N times", words that make it a multiple, not a count of tries: "sent me 3 times the amount", "ten times more".</summary>
    internal static readonly string[] MultiplierFollowerWordList = ["the", "as", "more", "less", "bigger", "longer", "higher", "faster", "cheaper", "worse", "better"];
    internal static readonly string[] RepeatOrdinalWordList = ["third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "umpteenth", "nth"];
    /// <summary>Before "be" and praise, the words of a wish: "if you could call me, that'd be great", "it would be perfect".</summary>
    internal static readonly string[] WouldWordList = ["would", "that'd", "thatd", "it'd", "itd"];
    /// <summary>Forms of "be" and "get" that make the participle after them passive: "my payment was flagged", "got blocked".</summary>
    internal static readonly string[] BeFormWordList = ["was", "were", "been", "is", "are", "being", "be", "got", "gets", "get"];
    /// <summary>
    /// Before a slip in its clause, words that make it someone else's or a thing done to the customer: "you accidentally
    /// charged me twice", "my internet was disconnected by mistake", "it was sent back by mistake".
    /// </summary>
    internal static readonly string[] NotSelfBlameWordList = ["you", "your", "they", "their", "he", "she", "it", "its", "it's", "someone", "somebody", .. BeFormWordList];
    /// <summary>
    /// Protective acts, done: "the app flagged a dodgy payment", "your team spotted the fraudulent refunds", "stopped a scam
    /// transfer". They lessen what they take as a reducer does, but only a fraud (<see cref="FraudWordList"/>) and not in the
    /// passive: "the charger caught fire", "spotted mould", "my payment was flagged as fraud" stay bad.
    /// </summary>
    internal static readonly string[] ProtectiveVerbWordList = ["flagged", "spotted", "caught", "stopped"];
    /// <summary>What a protective act may stop: "dodgy", "suspicious", "fraudulent" …</summary>
    internal static readonly string[] FraudWordList = ["dodgy", "suspicious", "fraudulent", "fraud", "scam", "scams", "scammer", "scammers",
        "unauthorised", "unauthorized", "phishing", "fake", "dubious", "hacker", "hackers"];

    /// <summary>The entry ids of <see cref="OrderWordList"/>.</summary>
    internal int[] OrderWords { get; }

    /// <summary>Sentiment words that, written in capitals, are names: "LAX" is the airport, "lax rules" are lax.</summary>
    internal int[] NamesInCapitals { get; }

    /// <summary>The entry ids of <see cref="PraiseLeadWords"/>.</summary>
    internal int[] PraiseLeads { get; }

    /// <summary>The entry ids of <see cref="IronicFaceForms"/>.</summary>
    internal int[] IronicFaces { get; }

    /// <summary>The entry ids of <see cref="PointedThanksWords"/>.</summary>
    internal int[] PointedThanks { get; }

    /// <summary>The entry ids of <see cref="ThanksObjectWords"/>.</summary>
    internal int[] ThanksObjects { get; }

    /// <summary>"now".</summary>
    internal int Now { get; }

    /// <summary>The entry ids of <see cref="ItsWords"/>.</summary>
    internal int[] ItsForms { get; }

    /// <summary>The entry ids of <see cref="DateLeadWords"/>.</summary>
    internal int[] DateLeads { get; }

    /// <summary>The entry ids of <see cref="DateWordList"/>.</summary>
    internal int[] DateWords { get; }

    /// <summary>The entry ids of <see cref="TimeSuffixWords"/>.</summary>
    internal int[] TimeSuffixes { get; }

    /// <summary>The entry ids of <see cref="StatusWords"/>.</summary>
    internal int[] Statuses { get; }

    /// <summary>The entry ids of <see cref="StatusAfterOnWords"/>.</summary>
    internal int[] StatusesAfterOn { get; }

    /// <summary>The entry ids of <see cref="DoNegatorWords"/>.</summary>
    internal int[] DoNegators { get; }

    /// <summary>The entry ids of <see cref="NotEvenSparedWords"/>.</summary>
    internal int[] NotEvenSpared { get; }

    /// <summary>The entry ids of <see cref="ProofWords"/>.</summary>
    internal int[] Proofs { get; }

    /// <summary>The entry ids of <see cref="ExpectingWords"/>.</summary>
    internal int[] Expecting { get; }

    /// <summary>The entry ids of <see cref="ApplauseForms"/>.</summary>
    internal int[] Applause { get; }

    public int Believe { get; }

    /// <summary>"can't", "couldn't" and their spellings: before "believe", incredulity rather than negation.</summary>
    internal int[] Cannot { get; }

    /// <summary>"shouldn't" and its spelling without the apostrophe; "should not" is <see cref="Should"/> then <see cref="Not"/>.</summary>
    internal int[] ShouldNot { get; }

    public int Should { get; }

    public int Not { get; }

    /// <summary>"sending", "giving", "delivering" … and "me", "us": in "thanks for sending me a broken phone" what was given follows.</summary>
    internal int[] Givings { get; }

    /// <summary>"that", "which", "who": in "thanks for the new modem that doesn't work" the relative clause says what it was like.</summary>
    internal int[] Relatives { get; }

    /// <summary>Comparatives written with -er that are not also agent nouns ("killer", "loser" are): see <see cref="Comparatives"/>.</summary>
    internal static readonly string[] ComparativeWords =
    [
        "better", "worse", "nicer", "ruder", "kinder", "slower", "safer", "cleaner", "greater", "sadder", "warmer", "smarter",
        "stronger", "weaker", "prouder", "gentler", "poorer", "richer", "cheaper", "faster", "sweeter", "calmer", "brighter",
    ];

    /// <summary>
    /// Entry ids of comparatives that carry sentiment, sorted: <see cref="ComparativeWords"/> and every -ier form of a
    /// sentiment word in -y ("happier", "friendlier", "easier"). After "never" or "can't" they say the utmost ("never had a
    /// better meal", "couldn't be happier"), so they are emphasised, not negated.
    /// </summary>
    internal int[] Comparatives { get; }

    private static int[] FindComparatives(Vocabulary v)
    {
        var ids = new SortedSet<int>(Ids(v, ComparativeWords));
        for (int id = 0; id < v.Forms.Length; id++)
        {
            string form = v.Forms[id];
            if (form.Length > 4 && form.EndsWith("ier", StringComparison.Ordinal) && (v.Entries[id].Role & WordRole.Lexical) != 0 &&
                v.Find(string.Concat(form.AsSpan(0, form.Length - 3), "y")) is int stem and >= 0 && (v.Entries[stem].Role & WordRole.Lexical) != 0)
            {
                ids.Add(id);
            }
        }
        return [.. ids];
    }

    /// <summary>The form "help" (not "helps", "helped"): asked for alone, a plea (<see cref="PleaLeads"/>, <see cref="PleaTails"/>).</summary>
    public int Help { get; }

    /// <summary>What may come before a plea's "help" in its clause: "Hello, help me", "pls help", "someone help!".</summary>
    internal int[] PleaLeads { get; }

    /// <summary>What may follow a plea's "help": "help me", "help us", "help please", "help asap".</summary>
    internal int[] PleaTails { get; }

    /// <summary>Determiners and possessives: "thanks for the/my/another …" looks past them to what is thanked for.</summary>
    internal int[] Determiners { get; }

    /// <summary>The entry ids of <see cref="DeniedAuxiliaryWords"/>.</summary>
    internal int[] DeniedAuxiliaries { get; }

    /// <summary>The entry ids of <see cref="DenialAuxiliaryWords"/>.</summary>
    internal int[] DenialAuxiliaries { get; }

    /// <summary>The entry ids of <see cref="DenialSubjectWords"/>.</summary>
    internal int[] DenialSubjects { get; }

    /// <summary>The entry ids of <see cref="DenialBeSubjectWords"/>.</summary>
    internal int[] DenialBeSubjects { get; }

    /// <summary>The entry ids of <see cref="DenialAdverbWords"/>.</summary>
    internal int[] DenialAdverbs { get; }

    /// <summary>The entry ids of <see cref="DenialLeadWords"/>.</summary>
    internal int[] DenialLeads { get; }
}
