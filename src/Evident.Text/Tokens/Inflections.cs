namespace Evident.Text.Tokens;

/// <summary>
/// Regular English inflections of a base word (plural, past, gerund), generated once when lexicons load so that
/// matching at run time is a plain lookup. Over-generation ("bus" → "bused") is harmless: nobody writes it.
/// </summary>
public static class Inflections
{
    // Function words and adjectives whose "inflections" are other words: the → thing, not → noted, even → evening,
    // past → pasted (which "paste" must keep: "copied and pasted").
    private static readonly HashSet<string> s_uninflected =
    [
        "the", "not", "even", "new", "main", "fee", "mis", "car", "this", "that", "was", "has", "his", "its", "our", "your",
        "any", "all", "too", "very", "just", "still", "yet", "now", "then", "than", "when", "will", "would", "can", "could",
        "should", "have", "had", "did", "does", "for", "from", "with", "into", "onto", "off", "out", "per", "via", "and", "but",
        "nor", "bus", "gas", "yes", "less", "more", "most", "much", "many", "few", "own", "only", "ever", "never", "also", "well",
        "bad", "good", "sad", "mad", "red", "hot", "wet", "big", "old", "far", "near", "next", "last", "late", "early", "past",
    ];

    // Nouns among them whose plural is still the word: "change fees", "two cars", "buses" (not "feed", "cared", "bused").
    private static readonly HashSet<string> s_pluralOnly = ["fee", "car", "bus", "gas"];

    // Spellings that tweets and texts use for a word: negated auxiliaries and a few pronoun contractions without the
    // apostrophe ("doesnt", "cant", "im"; not "its", "ill", "were", "well", which are words of their own), common short
    // forms ("thru", "pls", "u", "hrs") and the abbreviations of case notes and texts ("cust", "cxl", "txt", "dmg"). A
    // phrase word's other spellings share its lemma, so a phrase written either way matches both ("seat doesn't recline"
    // matches "seat doesnt recline", "can't get through" matches "cant get thru", "customer service" "cust service").
    private static readonly Dictionary<string, string> s_spellings = new(StringComparer.Ordinal)
    {
        ["dont"] = "don't", ["doesnt"] = "doesn't", ["didnt"] = "didn't", ["cant"] = "can't", ["wont"] = "won't",
        ["isnt"] = "isn't", ["wasnt"] = "wasn't", ["arent"] = "aren't", ["werent"] = "weren't", ["havent"] = "haven't",
        ["hasnt"] = "hasn't", ["hadnt"] = "hadn't", ["couldnt"] = "couldn't", ["wouldnt"] = "wouldn't",
        ["shouldnt"] = "shouldn't", ["aint"] = "ain't", ["mustnt"] = "mustn't", ["neednt"] = "needn't",
        ["im"] = "i'm", ["ive"] = "i've", ["youre"] = "you're", ["theyre"] = "they're", ["thats"] = "that's",
        ["whats"] = "what's", ["wheres"] = "where's",
        ["thru"] = "through", ["pls"] = "please", ["plz"] = "please", ["u"] = "you", ["ur"] = "your", ["ppl"] = "people",
        ["msg"] = "message", ["acct"] = "account", ["appt"] = "appointment", ["pkg"] = "package", ["tmrw"] = "tomorrow",
        ["tmr"] = "tomorrow", ["bc"] = "because", ["cuz"] = "because", ["coz"] = "because", ["hr"] = "hour",
        ["hrs"] = "hour", ["min"] = "minute", ["mins"] = "minute", ["yr"] = "year", ["yrs"] = "year", ["wk"] = "week",
        ["wks"] = "week", ["dept"] = "department", ["thx"] = "thanks", ["thanx"] = "thanks", ["def"] = "definitely",
        ["defo"] = "definitely", ["cxl"] = "cancel", ["cxld"] = "cancel", ["canx"] = "cancel", ["txt"] = "text",
        ["cust"] = "customer", ["custs"] = "customer", ["mgr"] = "manager", ["pwd"] = "password", ["b4"] = "before",
        ["yday"] = "yesterday", ["govt"] = "government", ["convo"] = "conversation", ["rtn"] = "return", ["dmg"] = "damage",
        ["dmgd"] = "damage", ["tix"] = "ticket", ["wknd"] = "weekend", ["mth"] = "month", ["mths"] = "month",
        ["info"] = "information", ["amt"] = "amount",
    };

    private static readonly ILookup<string, string> s_otherSpellings = s_spellings.ToLookup(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The word a short or apostrophe-free spelling stands for ("doesnt" → "doesn't", "thru" → "through"), else the word.</summary>
    public static string Standard(string word) => s_spellings.GetValueOrDefault(word, word);

    /// <summary>The other spellings of a word ("doesn't" → "doesnt"; "through" → "thru").</summary>
    public static IEnumerable<string> OtherSpellings(string word) => s_otherSpellings[word];

    /// <summary>False for function words and adjectives, whose generated forms would be unrelated words.</summary>
    public static bool IsInflectable(string word) => !s_uninflected.Contains(word);

    /// <summary>
    /// The forms a phrase word also matches: its regular inflections and its possessive ("driver's", "app's", which is
    /// also "app is"), only the plural and the possessive for a few nouns, or none.
    /// </summary>
    public static IEnumerable<string> FormsOf(string word) =>
        IsInflectable(word) ? Of(word).Concat(Possessive(word))
        : s_pluralOnly.Contains(word) ? Of(word).Take(1).Concat(Possessive(word))
        : [];

    // Words whose "'s" is "is" or "has" only ("what's", "where's", "someone else's" written as such in phrases).
    private static readonly HashSet<string> s_noPossessive =
    [
        "what", "where", "who", "how", "why", "there", "here", "else", "let", "she", "one", "everyone", "everybody", "someone",
        "somebody", "anyone", "anybody", "nobody", "nothing", "something", "everything", "anything",
    ];

    private static IEnumerable<string> Possessive(string word) =>
        word.Length < 3 || !IsAllLetters(word) || s_noPossessive.Contains(word) ? [] : [word + "'s"];

    public static IEnumerable<string> Of(string word)
    {
        if (word.Length < 3 || !IsAllLetters(word))
        {
            yield break;
        }
        char last = word[^1];
        char beforeLast = word[^2];
        bool endsInE = last == 'e';
        bool consonantY = last == 'y' && !IsVowel(beforeLast);

        // plural / third person
        if (consonantY)
        {
            yield return word[..^1] + "ies";
        }
        else if (last is 's' or 'x' or 'z' || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            yield return word + "es";
        }
        else
        {
            yield return word + "s";
        }

        // past
        if (endsInE)
        {
            yield return word + "d";
        }
        else if (consonantY)
        {
            yield return word[..^1] + "ied";
        }
        else
        {
            yield return word + "ed";
            if (DoublesFinalConsonant(word))
            {
                yield return word + last + "ed";
            }
        }

        // gerund
        if (endsInE && !word.EndsWith("ee", StringComparison.Ordinal))
        {
            yield return word[..^1] + "ing";
        }
        else
        {
            yield return word + "ing";
            if (DoublesFinalConsonant(word))
            {
                yield return word + last + "ing";
            }
        }
    }

    // cancel → cancelled, stop → stopped, ship → shipping; both spellings are generated where usage varies.
    private static bool DoublesFinalConsonant(string word)
    {
        char last = word[^1];
        return !IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3]);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsAllLetters(string word)
    {
        foreach (char c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }
        return true;
    }
}
