using Evident.Text.Sentiment;

namespace Evident.Text;

/// <summary>
/// The explanation strings attached to evidence ("vader:rude", "theme:on hold"), built once per lexicon entry and
/// phrase so that analysing a text does not format strings.
/// </summary>
internal sealed class RuleNames
{
    private readonly string[] _lexicon;

    public RuleNames(LexiconSet lexicons)
    {
        var vocabulary = lexicons.Vocabulary;
        _lexicon = new string[vocabulary.Count];
        for (int i = 0; i < _lexicon.Length; i++)
        {
            string source = vocabulary.Entries[i].ValenceSource switch { 1 => "vader", 2 => "cx", 3 => "emoji", _ => "word" };
            _lexicon[i] = source + ":" + vocabulary.Forms[i];
        }
        Themes = Prefix("theme:", lexicons.ThemePhrases.Texts);
        Signals = Prefix("signal:", lexicons.SignalPhrases.Texts);
    }

    public const string LongWait = "rule:long-wait";

    /// <summary>Per theme phrase: "theme:" and the phrase.</summary>
    public string[] Themes { get; }

    /// <summary>Per signal phrase: "signal:" and the phrase.</summary>
    public string[] Signals { get; }

    public string ForValence(ValenceRule rule, int entry, ReadOnlySpan<char> matched) => rule switch
    {
        ValenceRule.Lexicon when entry >= 0 => _lexicon[entry],
        ValenceRule.Negated when entry >= 0 => "negated:" + _lexicon[entry],
        ValenceRule.Phrase => "cx-phrase:" + matched.ToString().ToLowerInvariant(),
        ValenceRule.LongWait => LongWait,
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
