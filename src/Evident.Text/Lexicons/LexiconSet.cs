using System.Globalization;
using System.Reflection;
using Evident.Text.Phrases;
using Evident.Text.Sentiment;
using Evident.Text.Themes;
using Evident.Text.Tokens;

namespace Evident.Text;

/// <summary>A signal label and the family it belongs to: emotion, friction, audit or reply.</summary>
public sealed record SignalLabel(string Category, string Label);

/// <summary>What a sentiment phrase carries: its valence, and whether it states a mixed verdict ("mixed feelings"; written <c>mixed</c>).</summary>
public readonly record struct PhraseSentiment(float Valence, bool MixedVerdict);

/// <summary>
/// Everything the engine reads from data files, compiled into one vocabulary and a few phrase indexes.
/// Built once; immutable afterwards, so one instance serves every thread.
/// </summary>
public sealed class LexiconSet
{
    private LexiconSet(
        Vocabulary vocabulary, PhraseIndex sentimentPhrases, PhraseSentiment[] phraseSentiments,
        ThemeTaxonomy taxonomy, PhraseIndex themePhrases, PhraseIndex signalPhrases, IReadOnlyList<SignalLabel> signalLabels)
    {
        Vocabulary = vocabulary;
        SentimentPhrases = sentimentPhrases;
        PhraseSentiments = phraseSentiments;
        Taxonomy = taxonomy;
        ThemePhrases = themePhrases;
        SignalPhrases = signalPhrases;
        SignalLabels = signalLabels;
    }

    public Vocabulary Vocabulary { get; }

    /// <summary>Multi-word sentiment expressions ("waste of time", "on hold"); payload indexes <see cref="PhraseSentiments"/>.</summary>
    public PhraseIndex SentimentPhrases { get; }

    /// <summary>What each sentiment phrase carries, by payload.</summary>
    public IReadOnlyList<PhraseSentiment> PhraseSentiments { get; }

    public ThemeTaxonomy Taxonomy { get; }

    /// <summary>
    /// Theme phrases; payload is the theme's index in <see cref="Taxonomy"/>, or that index plus the number of themes for
    /// the theme's exceptions (<see cref="Theme.Except"/>), plus twice the number for its fallbacks (<see cref="Theme.Fallback"/>).
    /// </summary>
    public PhraseIndex ThemePhrases { get; }

    /// <summary>Emotion, friction, audit and reply phrases; payload indexes <see cref="SignalLabels"/>.</summary>
    public PhraseIndex SignalPhrases { get; }

    public IReadOnlyList<SignalLabel> SignalLabels { get; }

    /// <summary>The learnt tone (<see cref="ToneModel"/>): read where the lexicon and the rules leave a text neutral or mild.</summary>
    public ToneModel Tone { get; private init; } = ToneModel.Empty;

    /// <summary>Per theme phrase (by its index in <see cref="ThemePhrases"/>): whether it names its theme weakly.</summary>
    private bool[] _weakThemePhrases = [];

    /// <summary>
    /// Whether theme phrase <paramref name="phrase"/> (its index in <see cref="ThemePhrases"/>) names its theme only weakly:
    /// in the probe sets it named a theme the reader did not give at least as often as one they did (weak_theme_phrases.tsv).
    /// A theme named by such phrases alone goes behind one named otherwise.
    /// </summary>
    internal bool IsWeakThemePhrase(int phrase) => _weakThemePhrases[phrase];

    /// <summary>As above, by the theme's id and the evidence's rule ("theme:…"): for tests and tools, a scan.</summary>
    internal bool IsWeakThemePhrase(string theme, string rule)
    {
        int themes = Taxonomy.Themes.Count;
        for (int p = 0; p < ThemePhrases.Texts.Count; p++)
        {
            int payload = ThemePhrases.Payloads[p];
            if (_weakThemePhrases[p] && Taxonomy.Themes[payload % themes].Id == theme && RuleNames.ThemePrefix + ThemePhrases.Texts[p] == rule)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The shipped lexicons and taxonomy, optionally extended by a workspace's own themes.</summary>
    public static LexiconSet LoadEmbedded(ThemeTaxonomy? extraThemes = null) => LoadEmbedded(extraThemes, customerLexicon: true);

    /// <summary>As above; without <paramref name="customerLexicon"/>, only VADER's valences (to measure what ours adds).</summary>
    public static LexiconSet LoadEmbedded(ThemeTaxonomy? extraThemes, bool customerLexicon)
    {
        var taxonomy = ThemeTaxonomy.Parse(ReadResource("themes.json"), "themes.json");
        if (extraThemes is not null)
        {
            taxonomy = taxonomy.Extend(extraThemes);
        }
        return Build(
            vaderLexicon: ReadResource("vader_lexicon.txt"),
            emojiLexicon: ReadResource("emoji_utf8_lexicon.txt"),
            cxLexicon: customerLexicon ? ReadResource("cx_lexicon.tsv") : "",
            taxonomy: taxonomy,
            signals: ReadResource("signals.tsv"),
            ownForms: ReadResource("own_forms.tsv"),
            weakThemePhrases: ReadResource("weak_theme_phrases.tsv"),
            toneModel: ReadResource("tone_model.tsv"));
    }

    /// <summary>
    /// Builds the lexicons from their texts. <paramref name="ownForms"/> lists the inflected forms written in phrases that
    /// stay words of their own (own_forms.tsv); every other phrase word that is a form of another joins it.
    /// <paramref name="weakThemePhrases"/> lists theme phrases that name their theme weakly (theme TAB phrase …,
    /// <see cref="IsWeakThemePhrase(int)"/>). <paramref name="toneModel"/> is the learnt tone (tone_model.tsv, <see cref="ToneModel"/>);
    /// without it no text is read that way.
    /// </summary>
    public static LexiconSet Build(string vaderLexicon, string emojiLexicon, string cxLexicon, ThemeTaxonomy taxonomy, string signals, string ownForms = "", string weakThemePhrases = "", string toneModel = "")
    {
        var vocab = new VocabularyBuilder();
        var sentimentPhrases = new PhraseIndex.Builder();
        var phraseSentiments = new List<PhraseSentiment>();

        LoadValences(vaderLexicon, ValenceSource.Vader, vocab, sentimentPhrases, phraseSentiments);
        LoadValences(cxLexicon, ValenceSource.CustomerExperience, vocab, sentimentPhrases, phraseSentiments);
        SentimentGrammar.Apply(vocab);
        LoadEmoji(emojiLexicon, vocab);

        var themePhrases = new PhraseIndex.Builder();
        for (int t = 0; t < taxonomy.Themes.Count; t++)
        {
            foreach (string phrase in taxonomy.Themes[t].Phrases)
            {
                themePhrases.Add(phrase, t, vocab);
            }
            foreach (string phrase in taxonomy.Themes[t].Except)
            {
                themePhrases.Add(phrase, taxonomy.Themes.Count + t, vocab); // an exception: found, then drops theme t's matches inside it
            }
            foreach (string phrase in taxonomy.Themes[t].Fallback)
            {
                themePhrases.Add(phrase, 2 * taxonomy.Themes.Count + t, vocab); // a fallback: counts only when no theme's phrase is found
            }
        }

        var signalPhrases = new PhraseIndex.Builder();
        var labels = LoadSignals(signals, vocab, signalPhrases);

        vocab.JoinInflectedPhraseWords(DataLines(ownForms).Select(line => line.Key).ToHashSet(StringComparer.Ordinal));
        var vocabulary = vocab.Build();
        var sentimentIndex = sentimentPhrases.Build(vocab);
        var themeIndex = themePhrases.Build(vocab);
        var signalIndex = signalPhrases.Build(vocab);
        sentimentIndex.MarkStarts(vocabulary.Entries, WordRole.StartsSentimentPhrase);
        themeIndex.MarkStarts(vocabulary.Entries, WordRole.StartsThemePhrase);
        signalIndex.MarkStarts(vocabulary.Entries, WordRole.StartsSignalPhrase);
        vocabulary.RefreshRoles();
        return new LexiconSet(vocabulary, sentimentIndex, [.. phraseSentiments], taxonomy, themeIndex, signalIndex, labels)
        {
            _weakThemePhrases = WeakThemePhrases(weakThemePhrases, taxonomy, themeIndex),
            Tone = toneModel.Length == 0 ? ToneModel.Empty : ToneModel.Parse(toneModel, vocabulary, "tone_model.tsv"),
        };
    }

    /// <summary>
    /// Marks the theme phrases that weak_theme_phrases.tsv lists (theme TAB phrase …, the phrase as the evidence's rule
    /// writes it): a phrase of the theme or one of its fallbacks, never an exception (which names no theme).
    /// </summary>
    private static bool[] WeakThemePhrases(string lines, ThemeTaxonomy taxonomy, PhraseIndex themeIndex)
    {
        var listed = DataLines(lines).Where(line => line.Fields.Length >= 2).Select(line => (line.Key, line.Fields[1].Trim())).ToHashSet();
        int themes = taxonomy.Themes.Count;
        var weak = new bool[themeIndex.Texts.Count];
        for (int p = 0; p < weak.Length && listed.Count > 0; p++)
        {
            int payload = themeIndex.Payloads[p];
            weak[p] = (payload < themes || payload >= 2 * themes) && listed.Contains((taxonomy.Themes[payload % themes].Id, themeIndex.Texts[p]));
        }
        return weak;
    }

    internal enum ValenceSource : byte { None = 0, Vader = 1, CustomerExperience = 2, Emoji = 3 }

    /// <summary>
    /// "term TAB valence [TAB …]" per line. A single token sets that form's valence; a multi-word term becomes a
    /// sentiment phrase. In our lexicon a term may write alternatives ("not|never worth it"), each taking the valence,
    /// and a phrase may carry the valence <see cref="MixedVerdict"/>. Lower-case keys win over capitalised duplicates, as
    /// VADER looks words up lower-cased.
    /// </summary>
    private static void LoadValences(string lexicon, ValenceSource source, VocabularyBuilder vocab, PhraseIndex.Builder phrases, List<PhraseSentiment> phraseSentiments)
    {
        foreach (var (written, fields) in DataLines(lexicon))
        {
            bool mixed = fields.Length >= 2 && source == ValenceSource.CustomerExperience && fields[1] == MixedVerdict;
            float valence = 0;
            if (fields.Length < 2 || !mixed && !float.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out valence))
            {
                continue;
            }
            // our lexicon may write alternatives ("am i|we pay for"); VADER's '|' belongs to emoticons (":-|")
            foreach (string term in source == ValenceSource.CustomerExperience ? PhraseSyntax.Expand(written) : [written])
            {
                LoadValence(term, valence, mixed, source, vocab, phrases, phraseSentiments);
            }
        }
    }

    /// <summary>Written in the valence column of <c>cx_lexicon.tsv</c> for a phrase that states a mixed verdict (SentimentOptions.MixedVerdictScale).</summary>
    public const string MixedVerdict = "mixed";

    private static void LoadValence(string term, float valence, bool mixed, ValenceSource source, VocabularyBuilder vocab, PhraseIndex.Builder phrases, List<PhraseSentiment> phraseSentiments)
    {
        // "waste of money" is a phrase, and so is "self-centered" (the tokenizer splits hyphens);
        // "( '}{' )" (spaces, but no letters) and "d-:" are emoticons
        if (term.Contains(' ', StringComparison.Ordinal) && term.Any(char.IsLetter) || IsHyphenatedWord(term))
        {
            if (PhraseIndex.Builder.SplitWords(term).Contains(PhraseIndex.Builder.Gap))
            {
                // a sentiment phrase speaks for every word it covers: a gap would silence the words in it
                throw new FormatException($"The sentiment phrase '{term}' holds a gap (...); gaps are for theme and signal phrases only.");
            }
            phrases.Add(term, phraseSentiments.Count, vocab);
            phraseSentiments.Add(new(valence, mixed));
            return;
        }
        if (mixed)
        {
            throw new FormatException($"'{term}' is marked {MixedVerdict}: a mixed verdict is a phrase of two words or more (\"mixed feelings\").");
        }
        bool known = vocab.TryFind(term, out int id);
        if (known && (vocab[id].Role & WordRole.Lexical) != 0 && source == ValenceSource.Vader && !string.Equals(term, term.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return;
        }
        id = vocab.Intern(term);
        bool emoticon = IsEmoticon(term);
        vocab.Update(id, (ref WordEntry e) =>
        {
            e.Valence = valence;
            e.ValenceSource = (byte)source;
            e.Role |= WordRole.Lexical | (emoticon ? WordRole.Emoticon : WordRole.None);
        });
    }

    private static bool IsHyphenatedWord(string term)
    {
        int hyphen = term.IndexOf('-', StringComparison.Ordinal);
        return hyphen > 0 && hyphen < term.Length - 1 && term.All(c => char.IsLetter(c) || c is '-' or '\'') &&
            !term.Contains("--", StringComparison.Ordinal);
    }

    private static bool IsEmoticon(string term)
    {
        foreach (char c in term)
        {
            if (!char.IsLetter(c) && c is not '\'' and not '-')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Emoji carry no valence in their lexicon, only a description; score the description's words.</summary>
    private static void LoadEmoji(string lexicon, VocabularyBuilder vocab)
    {
        foreach (var (emoji, fields) in DataLines(lexicon))
        {
            if (fields.Length < 2)
            {
                continue;
            }
            float sum = 0;
            foreach (string word in fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (vocab.TryFind(word, out int w) && (vocab[w].Role & WordRole.Lexical) != 0)
                {
                    sum += vocab[w].Valence;
                }
            }
            int id = vocab.Intern(emoji);
            if (vocab[id].ValenceSource == (byte)ValenceSource.CustomerExperience)
            {
                vocab.Update(id, (ref WordEntry e) => e.Role |= WordRole.Emoji);
                continue; // our lexicon rates this emoji itself ("pouting face" has no scored word)
            }
            float valence = Math.Clamp(sum, -4f, 4f);
            vocab.Update(id, (ref WordEntry e) =>
            {
                e.Role |= WordRole.Emoji | (valence != 0 ? WordRole.Lexical : WordRole.None);
                e.Valence = valence;
                e.ValenceSource = (byte)ValenceSource.Emoji;
            });
        }
    }

    private static List<SignalLabel> LoadSignals(string signals, VocabularyBuilder vocab, PhraseIndex.Builder phrases)
    {
        var labels = new List<SignalLabel>();
        var index = new Dictionary<(string, string), int>();
        foreach (var (category, fields) in DataLines(signals))
        {
            if (fields.Length < 3 || category == "category")
            {
                continue;
            }
            var key = (category, fields[1]);
            if (!index.TryGetValue(key, out int label))
            {
                label = labels.Count;
                index.Add(key, label);
                labels.Add(new SignalLabel(category, fields[1]));
            }
            phrases.Add(fields[2], label, vocab);
        }
        return labels;
    }

    private static IEnumerable<(string Key, string[] Fields)> DataLines(string text)
    {
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            // "# " opens a comment; VADER's emoticons such as "#-)" start with '#' too
            if (line.Length == 0 || line == "#" || line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }
            string[] fields = line.Split('\t');
            yield return (fields[0].Trim(), fields);
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Evident.Text.Lexicons." + name)
            ?? throw new InvalidOperationException($"The lexicon '{name}' is not embedded in Evident.Text.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
