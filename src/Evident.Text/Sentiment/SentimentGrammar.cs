using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>
/// The closed word classes the sentiment rules use: negators, intensifiers and dampeners, contrast words,
/// number words, time units and pronouns. The negator and booster lists and their constants follow VADER
/// (Hutto &amp; Gilbert 2014, vaderSentiment 3.3.2, MIT), extended with forms common in service complaints.
/// </summary>
internal static class SentimentGrammar
{
    public const float BoostIncrement = 0.293f;
    public const float BoostDecrement = -0.293f;
    public const float NegationScalar = -0.74f;
    public const float CapsIncrement = 0.733f;

    private static readonly string[] s_negators =
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
        "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor",
        "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
        "shouldn't", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
        // beyond VADER: contractions people type, and "nobody"/"noone", common in complaints ("nobody helped")
        "nobody", "noone", "no-one", "hardly", "didn't", "wont", "isnt", "doesnt", "havn't", "dosen't", "dosent", "wouldn't",
    ];

    private static readonly (string Word, float Value)[] s_boosters =
    [
        ("absolutely", BoostIncrement), ("amazingly", BoostIncrement), ("awfully", BoostIncrement), ("completely", BoostIncrement),
        ("considerable", BoostIncrement), ("considerably", BoostIncrement), ("decidedly", BoostIncrement), ("deeply", BoostIncrement),
        ("effing", BoostIncrement), ("enormous", BoostIncrement), ("enormously", BoostIncrement), ("entirely", BoostIncrement),
        ("especially", BoostIncrement), ("exceptional", BoostIncrement), ("exceptionally", BoostIncrement), ("extreme", BoostIncrement),
        ("extremely", BoostIncrement), ("fabulously", BoostIncrement), ("flipping", BoostIncrement), ("flippin", BoostIncrement),
        ("frackin", BoostIncrement), ("fracking", BoostIncrement), ("fricking", BoostIncrement), ("frickin", BoostIncrement),
        ("frigging", BoostIncrement), ("friggin", BoostIncrement), ("fully", BoostIncrement), ("fuckin", BoostIncrement),
        ("fucking", BoostIncrement), ("fuggin", BoostIncrement), ("fugging", BoostIncrement), ("greatly", BoostIncrement),
        ("hella", BoostIncrement), ("highly", BoostIncrement), ("hugely", BoostIncrement), ("incredible", BoostIncrement),
        ("incredibly", BoostIncrement), ("intensely", BoostIncrement), ("major", BoostIncrement), ("majorly", BoostIncrement),
        ("more", BoostIncrement), ("most", BoostIncrement), ("particularly", BoostIncrement), ("purely", BoostIncrement),
        ("quite", BoostIncrement), ("really", BoostIncrement), ("remarkably", BoostIncrement), ("so", BoostIncrement),
        ("substantially", BoostIncrement), ("thoroughly", BoostIncrement), ("total", BoostIncrement), ("totally", BoostIncrement),
        ("tremendous", BoostIncrement), ("tremendously", BoostIncrement), ("uber", BoostIncrement), ("unbelievably", BoostIncrement),
        ("unusually", BoostIncrement), ("utter", BoostIncrement), ("utterly", BoostIncrement), ("v", BoostIncrement), ("very", BoostIncrement),
        ("almost", BoostDecrement), ("barely", BoostDecrement), ("hardly", BoostDecrement), ("kinda", BoostDecrement),
        ("kindof", BoostDecrement), ("less", BoostDecrement), ("little", BoostDecrement), ("marginal", BoostDecrement),
        ("marginally", BoostDecrement), ("occasional", BoostDecrement), ("occasionally", BoostDecrement), ("partly", BoostDecrement),
        ("scarce", BoostDecrement), ("scarcely", BoostDecrement), ("slight", BoostDecrement), ("slightly", BoostDecrement),
        ("somewhat", BoostDecrement), ("sorta", BoostDecrement), ("sortof", BoostDecrement),
    ];

    private static readonly string[] s_contrastAfter = ["but", "however", "nevertheless", "nonetheless"];
    private static readonly string[] s_concessive = ["although", "though", "despite"];

    // Words that put a stated duration in a waiting context: "on hold for 40 minutes", "took 3 weeks".
    private static readonly string[] s_waitCues =
    [
        "hold", "wait", "waited", "waiting", "waits", "queue", "queued", "queuing", "queueing", "took", "taken", "takes", "take",
        "still", "later", "delayed", "delay", "late", "stuck", "sat", "sitting", "stood", "standing", "spent", "wasted", "chasing",
        "trying", // "been trying to get through for 3 hours"
        "rang", "ringing", "behind", // "the phone rang for 20 minutes", "50 minutes behind"
        "transit", "pending", "processing", // states an order or a payment waits in: "in transit for 12 days", "pending for a week"
        "line", "lines", "queues", "sit", "sits", "tarmac", "runway", "circling", // "a 2 hour line", "an hour on the tarmac"
    ];

    private static readonly (string Word, float Value)[] s_numbers =
    [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50),
        ("sixty", 60), ("ninety", 90), ("hundred", 100), ("a", 1), ("an", 1), ("couple", 2), ("few", 3), ("several", 3),
        ("half", 0.5f),
    ];

    private static readonly (string Word, float Minutes)[] s_timeUnits =
    [
        ("sec", 1 / 60f), ("secs", 1 / 60f), ("second", 1 / 60f), ("seconds", 1 / 60f),
        ("min", 1), ("mins", 1), ("minute", 1), ("minutes", 1), ("m", 1),
        ("hr", 60), ("hrs", 60), ("hour", 60), ("hours", 60), ("h", 60),
        ("day", 1440), ("days", 1440), ("week", 10080), ("weeks", 10080), ("wk", 10080), ("wks", 10080),
        ("month", 43200), ("months", 43200),
    ];

    // Verbs that lessen what follows: a bad thing lessened reads well ("decrease fatalities", "avoid delays").
    // Not "fix"/"resolve": "please fix this problem" is a complaint, not praise.
    private static readonly string[] s_reducers =
    [
        "reduce", "decrease", "prevent", "avoid", "curb", "eliminate", "lessen", "minimise", "minimize", "combat",
        "alleviate", "relieve", "lower", "shorten", "ease", "mitigate", "cure", "eradicate", "protect", "fight", "tackle", "fewer", "block",
        "waive",
    ];

    // Words after which "like" is a verb: "I like", "would like", "don't like", "really like".
    private static readonly string[] s_likeSubjects =
    [
        "i", "we", "you", "they", "he", "she", "u", "to", "would", "i'd", "we'd", "you'd", "they'd", "do", "does", "did", "don't",
        "dont", "didn't", "didnt", "doesn't", "doesnt", "really", "also", "still", "definitely", "actually", "totally", "truly",
        "just", "people", "who", "might", "will", "won't", "wouldn't", "may", "i'll", "we'll", "kids", "and", "both", "must",
    ];

    private static readonly string[] s_firstPlural = ["we", "our", "ours", "us", "ourselves", "we're", "we've", "we'll", "we'd"];
    private static readonly string[] s_second = ["you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd", "u", "ur"];
    private static readonly string[] s_firstSingular = ["i", "me", "my", "mine", "myself", "i'm", "i've", "i'll", "i'd", "im", "ive"];

    public static void Apply(VocabularyBuilder vocab)
    {
        foreach (string w in s_negators)
        {
            AddRole(vocab, w, WordRole.Negator);
        }
        foreach (var (w, v) in s_boosters)
        {
            int id = vocab.Intern(w);
            vocab.Update(id, (ref WordEntry e) => { e.Booster = v; e.Role |= WordRole.Modifier; });
        }
        foreach (string w in s_contrastAfter)
        {
            AddRole(vocab, w, WordRole.ContrastAfter);
        }
        foreach (string w in s_concessive)
        {
            AddRole(vocab, w, WordRole.ContrastConcessive);
        }
        foreach (var (w, v) in s_numbers)
        {
            int id = vocab.Intern(w);
            vocab.Update(id, (ref WordEntry e) => { e.Role |= WordRole.NumberWord; e.Value = v; });
        }
        foreach (var (w, m) in s_timeUnits)
        {
            int id = vocab.Intern(w);
            vocab.Update(id, (ref WordEntry e) => { e.Role |= WordRole.TimeUnit; e.Value = m; });
        }
        foreach (string w in s_firstPlural)
        {
            AddRole(vocab, w, WordRole.FirstPersonPlural);
        }
        foreach (string w in s_second)
        {
            AddRole(vocab, w, WordRole.SecondPerson);
        }
        foreach (string w in s_firstSingular)
        {
            AddRole(vocab, w, WordRole.FirstPersonSingular);
        }
        foreach (string w in s_waitCues)
        {
            AddRole(vocab, w, WordRole.WaitCue);
        }
        // "huge" and "massive" size what follows, as VADER's boosters "enormous" and "tremendous" do: "huge delays", "a massive delay";
        // "fucking", "freaking" intensify a sentiment word ("fucking amazing") and before any other word are anger ("fix your fucking
        // internet", "shut your freaking gob")
        foreach (string w in (string[])["pretty", "real", "dead", "mighty", "plain", "damn", "darn", "bloody", "super", "crazy", "huge", "massive", "fucking", "fuckin", "freaking"])
        {
            int id = vocab.Intern(w);
            vocab.Update(id, (ref WordEntry e) => { e.Role |= WordRole.AdverbialBooster | WordRole.Modifier; e.Booster = BoostIncrement; });
        }
        foreach (string w in (string[])["great", "perfect", "brilliant", "wonderful", "fantastic", "lovely", "awesome", "marvellous", "marvelous",
            "super", "nice", "fab", "excellent", "terrific", "splendid", "amazing", "fabulous", "outstanding", "superb", "wow",
            "impressive", "stellar", "classy", "genius", "charming", "helpful", "incredible", "spectacular", "phenomenal", "yum", "yummy", "delicious", "tasty", "fun", "generous"])
        {
            AddRole(vocab, w, WordRole.Praise);
        }
        foreach (string w in (string[])[.. GrammarWords.FormsTested, "why", "come", "another", "yet", "again", "even", "instead", "and", "on", "time"])
        {
            vocab.Intern(w); // words the rules test by form (GrammarWords)
        }
        foreach (string w in (string[])[.. GrammarWords.OrderWordList, "instead", .. GrammarWords.SelfBlameWordList, .. GrammarWords.SelfBlameNounWordList, .. GrammarWords.AskedWordList])
        {
            AddRole(vocab, w, WordRole.OrderOrInstead);
        }
        AddRole(vocab, "least", WordRole.Modifier);
        AddRole(vocab, "nobody", WordRole.Nobody);
        AddRole(vocab, "noone", WordRole.Nobody);
        AddRole(vocab, "none", WordRole.Nobody); // "none of them had it in stock": the clause is denied as after "nobody"
        foreach (string w in (string[])["thanks", "thank", "thx", "thnx", "thanx", "tks", "thankyou", "thanku"]) // "thx for cancelling my flight" is as ironic
        {
            AddRole(vocab, w, WordRole.Thanks);
        }
        AddRole(vocab, "like", WordRole.VerbOnly);
        foreach (string w in s_likeSubjects)
        {
            AddRole(vocab, w, WordRole.LikeSubject);
        }
        foreach (string w in (string[])["should", "could", "would", "might", "must", "shouldn't", "couldn't", "wouldn't"])
        {
            AddRole(vocab, w, WordRole.PastModal);
        }
        foreach (string w in (string[])["have", "'ve"])
        {
            AddRole(vocab, w, WordRole.PastModalHave);
        }
        foreach (string w in (string[])["should've", "could've", "would've", "might've", "must've", "shouldve", "couldve", "wouldve"])
        {
            AddRole(vocab, w, WordRole.PastModal | WordRole.PastModalHave);
        }
        AddRole(vocab, "too", WordRole.Excess);
        AddRole(vocab, "used", WordRole.UsedTo);
        AddRole(vocab, "much", WordRole.UsedTo); // "so much for the best airline": the same reversal (AfterSoMuchFor)
        foreach (string w in (string[])["love", "luv", "gotta"])
        {
            AddRole(vocab, w, WordRole.Love);
        }
        foreach (string w in (string[])["yes", "yeah", "yep", "yup", "ok", "okay", "k", "sure", "alright", "right", "well"])
        {
            AddRole(vocab, w, WordRole.Answer);
        }
        foreach (string w in (string[])[.. GrammarWords.ResolutionWordList, .. GrammarWords.ProtectiveVerbWordList])
        {
            AddRole(vocab, w, WordRole.Reducer);
        }
        foreach (string w in s_reducers)
        {
            AddRole(vocab, w, WordRole.Reducer);
            foreach (string form in Inflections.Of(w))
            {
                AddRole(vocab, form, WordRole.Reducer);
            }
        }
        foreach (string w in (string[])["lol", "lolz", "lulz", "lmao", "lmfao", "rofl", "roflmao", "ha", "haha", "hahaha", "hahas", "hehe", "xd", "😂", "🤣"])
        {
            AddRole(vocab, w, WordRole.Laughter);
        }
        AddRole(vocab, "no", WordRole.No);
        // words the rules test by form, and words that may lead a duration ("for 40 minutes", "over an hour")
        foreach (string w in (string[])["or", "nor", "so", "this", "never", "without", "doubt", "least", "at", "very", "kind", "sort", "of", "been", "one", "a", "single",
            "more", "than", "for", "over", "after", "nearly", "almost", "about", "another", "around", "past", "in", "taking"])
        {
            vocab.Intern(w);
        }
        foreach (var (wrong, meant) in s_misspeltNegations)
        {
            int m = vocab.Intern(meant);
            var entry = vocab[m];
            entry.Lemma = vocab.LemmaOf(m);
            vocab.Update(vocab.Intern(wrong), (ref WordEntry e) => e = entry);
        }
    }

    /// <summary>
    /// Negations misspelt, each read as the negation meant: with its role, and with its lemma, so that the phrases written
    /// for the right spelling match too ("it dosent work" as "doesnt work"). VADER lists three of them as negators of their
    /// own; the others are common in customer messages. An apostrophe a letter late ("was'nt") is read by the tokenizer.
    /// </summary>
    private static readonly (string Wrong, string Meant)[] s_misspeltNegations =
    [
        ("dosent", "doesnt"), ("dosen't", "doesn't"), ("havn't", "haven't"), ("dosnt", "doesnt"), ("doesent", "doesnt"),
        ("didint", "didnt"), ("dident", "didnt"), ("havnt", "havent"), ("wasent", "wasnt"), ("wudnt", "wouldnt"), ("cudnt", "couldnt"),
        ("shudnt", "shouldnt"),
    ];

    private static void AddRole(VocabularyBuilder vocab, string word, WordRole role)
    {
        int id = vocab.Intern(word);
        vocab.Update(id, (ref WordEntry e) => e.Role |= role);
    }
}
