using Evident.Text.Sentiment;

namespace Evident.Text;

/// <summary>
/// The explanation strings attached to evidence ("vader:rude", "theme:on hold"), built once per lexicon entry and
/// phrase so that analysing a text does not format strings.
/// </summary>
internal sealed class RuleNames
{
    private readonly string[] _lexicon;
    private readonly string[] _negated;
    private readonly string[] _phrases;
    private readonly string?[] _mixedVerdicts; // per sentiment phrase: its name when it states a mixed verdict

    public RuleNames(LexiconSet lexicons)
    {
        var vocabulary = lexicons.Vocabulary;
        _lexicon = new string[vocabulary.Count];
        for (int i = 0; i < _lexicon.Length; i++)
        {
            string source = vocabulary.Entries[i].ValenceSource switch { 1 => "vader", 2 => "cx", 3 => "emoji", _ => "word" };
            _lexicon[i] = source + ":" + vocabulary.Forms[i];
        }
        _negated = Prefix("negated:", _lexicon);
        _phrases = Prefix("cx:", lexicons.SentimentPhrases.Texts);
        _mixedVerdicts = new string?[_phrases.Length];
        for (int p = 0; p < _phrases.Length; p++)
        {
            if (lexicons.PhraseSentiments[lexicons.SentimentPhrases.Payloads[p]].MixedVerdict)
            {
                _mixedVerdicts[p] = "rule:mixed-verdict:" + lexicons.SentimentPhrases.Texts[p];
            }
        }
        Themes = Prefix(ThemePrefix, lexicons.ThemePhrases.Texts);
        Signals = Prefix("signal:", lexicons.SignalPhrases.Texts);
    }

    public const string LongWait = "rule:long-wait";

    /// <summary>What the rule of a theme phrase's evidence starts with: "theme:" and the phrase.</summary>
    public const string ThemePrefix = "theme:";

    /// <summary>A time past the one promised ("booked 8-12 … its 3pm"): also names <c>delay</c> when no phrase did.</summary>
    public const string TimePassed = "rule:time-passed";

    /// <summary>What a learnt tone's cue starts with, before the feature that weighed most ("tone:still nothing").</summary>
    public const string LearntTonePrefix = "tone:";

    /// <summary>The cue of a word whose text the learnt tone read as neither complaint nor praise.</summary>
    public const string LearntNeutral = "tone:neutral";

    /// <summary>What the cue of a good word read as irony starts with, before the complaint's strongest feature ("tone-irony:roll her").</summary>
    public const string LearntIronyPrefix = "tone-irony:";

    /// <summary>What the rule of a learnt theme's evidence starts with, before the word or pair that weighed most: "theme-learnt:carousel".</summary>
    public const string LearntThemePrefix = "theme-learnt:";

    /// <summary>Per theme phrase: "theme:" and the phrase.</summary>
    public string[] Themes { get; }

    /// <summary>Per signal phrase: "signal:" and the phrase.</summary>
    public string[] Signals { get; }

    /// <summary>The explanation of a cue: the lexicon entry, the phrase, or the rule that set its valence last.</summary>
    public string ForValence(ValenceRule rule, int entry, int phrase) => rule switch
    {
        ValenceRule.Lexicon when entry >= 0 => _lexicon[entry],
        ValenceRule.Negated when entry >= 0 => _negated[entry],
        ValenceRule.Phrase when phrase >= 0 && phrase < _phrases.Length => _phrases[phrase],
        ValenceRule.LongWait => LongWait,
        ValenceRule.Irrealis => "rule:irrealis",
        ValenceRule.LearntNeutral => LearntNeutral,
        ValenceRule.ElidedDenial => "rule:elided-denial",
        ValenceRule.Incredulity => "rule:incredulity",
        ValenceRule.RepeatedAsking => "rule:repeated-asking",
        ValenceRule.Rating => "rule:rating",
        ValenceRule.NotEven => "rule:not-even",
        ValenceRule.TimePassed => TimePassed,
        ValenceRule.Excess => "rule:excess",
        ValenceRule.Reduced => "rule:reduced",
        ValenceRule.Ironic => "rule:ironic-thanks",
        ValenceRule.NobodyClause => "rule:nobody-clause",
        ValenceRule.IronicPraise => "rule:ironic-praise",
        ValenceRule.IronicFace => "rule:ironic-face",
        ValenceRule.UsedTo => "rule:used-to",
        ValenceRule.RhetoricalQuestion => "rule:rhetorical-question",
        ValenceRule.Mismatch => "rule:instead-of",
        ValenceRule.SoMuchFor => "rule:so-much-for",
        ValenceRule.ScareQuotes => "rule:scare-quotes",
        ValenceRule.Plea => "rule:plea",
        ValenceRule.BitterLaughter => "rule:bitter-laughter",
        ValenceRule.MixedVerdict when phrase >= 0 && phrase < _mixedVerdicts.Length && _mixedVerdicts[phrase] is string name => name,
        _ => "rule:" + rule.ToString().ToLowerInvariant(),
    };

    private static string[] Prefix(string prefix, IReadOnlyList<string> texts)
    {
        var result = new string[texts.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = prefix + texts[i];
        }
        return result;
    }
}
