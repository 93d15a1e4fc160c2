using Evident.Text.Themes;
using Evident.Text.Sentiment;
using Evident.Text.Signals;
using Evident.Text.Tokens;

namespace Evident.Text;

public sealed partial class TextAnalyzer
{
    /// <summary>Everything the engine finds in one text, each finding with the spans and rule behind it.</summary>
    public TextAnalysis Analyze(string text) => Analyze(text, explain: true);

    /// <summary>
    /// As <see cref="Analyze(string)"/>; without <paramref name="explain"/>, the per-sentence scores and the sentiment cues
    /// are left empty, for callers that keep only the figures (an import's stored summary, a re-analysis's themes).
    /// </summary>
    public TextAnalysis Analyze(string text, bool explain)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = Scratch.For(text.Length);
        int n = Tokenizer.Tokenize(text, scratch.Tokens, Lexicons.Vocabulary, out var shape);
        var tokens = scratch.Tokens.AsSpan(0, n);
        var valences = scratch.Valences.AsSpan(0, n);
        var rules = scratch.Rules.AsSpan(0, n);
        var phraseAt = scratch.PhraseAt.AsSpan(0, n);
        var sentiment = SentimentScorer.Score(text, tokens, shape, Lexicons, Options, scratch.Valences, scratch.Rules, scratch.Matches, phraseAt, scratch.ToneFeatures, out int toneFeatures);

        var context = new AnalysisContext(text, tokens, valences, rules, Lexicons, Options, shape.HasQuestion)
        {
            IsForeign = shape.Foreign,
            ToneFeatures = new(scratch.ToneFeatures, toneFeatures),
        };
        var sentences = explain ? Sentences(context, sentiment) : [];
        var cues = explain ? Cues(context, phraseAt) : [];
        var themes = ThemeFinder.Find(context, scratch, _rules);
        var signals = SignalFinder.Find(context, scratch, _rules);
        return new TextAnalysis(
            sentiment, sentences, cues, signals.Emotions, themes, signals.Friction, Effort.Score(signals.Friction),
            signals.Signals, Perspective.Count(tokens), Readability.FleschReadingEase(text, tokens, Lexicons.Vocabulary),
            shape.Foreign ? TextAnalysis.Undetermined : TextAnalysis.English);
    }

    private static SentenceSentiment[] Sentences(in AnalysisContext c, SentimentScore whole)
    {
        var tokens = c.Tokens;
        if (c.IsForeign)
        {
            // Its words were dropped, and the sentences of what was left were its punctuation ("Très bien, merci" gave ","):
            // the text is one sentence, with the text's own score (its emoji's, if any).
            int leading = c.Text.Length - c.Text.AsSpan().TrimStart().Length;
            int length = c.Text.AsSpan().Trim().Length;
            return length == 0 ? [] : [new SentenceSentiment(new TextSpan(leading, length), whole)];
        }

        if (tokens.Length == 0)
        {
            return [];
        }
        if (tokens[^1].Sentence == 0)
        {
            return [new SentenceSentiment(c.SpanOf(0, tokens.Length), whole)]; // one sentence: the text's own score, summed over the same tokens
        }
        var result = new SentenceSentiment[tokens[^1].Sentence + 1];
        int start = 0, k = 0;
        while (start < tokens.Length && k < result.Length)
        {
            int end = start;
            while (end < tokens.Length && tokens[end].Sentence == tokens[start].Sentence)
            {
                end++;
            }
            var score = SentimentScorer.Summarise(tokens, c.Valences, start, end, c.Options.Alpha);
            result[k++] = new SentenceSentiment(new TextSpan(tokens[start].Start, tokens[end - 1].End - tokens[start].Start), score);
            start = end;
        }
        return k == result.Length ? result : result[..k];
    }

    private SentimentCue[] Cues(in AnalysisContext c, ReadOnlySpan<int> phraseAt)
    {
        var tokens = c.Tokens;
        int count = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (c.Valences[i] != 0 || c.Rules[i] == ValenceRule.MixedVerdict)
            {
                count++;
            }
        }
        if (count == 0)
        {
            return [];
        }
        var cues = new SentimentCue[count];
        int k = 0;
        string? ironyRule = null; // one name for every good word a learnt irony turned
        for (int i = 0; i < tokens.Length; i++)
        {
            float v = c.Valences[i];
            if (v == 0 && c.Rules[i] != ValenceRule.MixedVerdict) // a mixed verdict carries nothing itself and damps the rest
            {
                continue;
            }
            int end = i + 1;
            // a phrase's other words carry 0 and are covered by this cue, also when a rule has turned the phrase
            // ("none of them had it in stock": the cue is "in stock", by the nobody clause)
            while (end < tokens.Length && c.Rules[end] == ValenceRule.Phrase && c.Valences[end] == 0 && tokens[end].Sentence == tokens[i].Sentence)
            {
                end++;
            }
            string rule;
            if (c.Rules[i] == ValenceRule.LearntTone)
            {
                // read again for the words behind it: a pair's cue spans both ("still … nothing")
                c.Lexicons.Tone.Read(tokens, c.HasQuestion, out _, out int pairEnd, out string feature);
                end = Math.Max(end, pairEnd + 1);
                rule = RuleNames.LearntTonePrefix + feature;
            }
            else if (c.Rules[i] == ValenceRule.LearntIrony)
            {
                ironyRule ??= c.Lexicons.Tone.ReadsIrony(tokens, c.HasQuestion, out string feature) ? RuleNames.LearntIronyPrefix + feature : "rule:learnt-irony";
                rule = ironyRule;
            }
            else
            {
                rule = _rules.ForValence(c.Rules[i], tokens[i].Entry, phraseAt[i]);
            }
            var span = new TextSpan(tokens[i].Start, tokens[end - 1].End - tokens[i].Start);
            cues[k++] = new SentimentCue(span, Math.Round(v, 3), rule);
            i = end - 1;
        }
        return cues;
    }
}

/// <summary>What the finders share about one text being analysed.</summary>
internal readonly ref struct AnalysisContext
{
    public AnalysisContext(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<float> valences, ReadOnlySpan<ValenceRule> rules, LexiconSet lexicons, SentimentOptions options, bool hasQuestion)
    {
        HasQuestion = hasQuestion;
        Text = text;
        Tokens = tokens;
        Valences = valences;
        Rules = rules;
        Lexicons = lexicons;
        Options = options;
    }

    public string Text { get; }
    public ReadOnlySpan<Token> Tokens { get; }
    public ReadOnlySpan<float> Valences { get; }
    public ReadOnlySpan<ValenceRule> Rules { get; }
    public LexiconSet Lexicons { get; }
    public SentimentOptions Options { get; }

    /// <summary>A question mark occurs (<see cref="TextShape.HasQuestion"/>).</summary>
    public bool HasQuestion { get; }

    /// <summary>Not English (<see cref="TextShape.Foreign"/>): the learnt readings, learnt from English, are not asked.</summary>
    public bool IsForeign { get; init; }

    /// <summary>
    /// The text's features for the learnt readings, as the sentiment listed them (<see cref="Sentiment.ToneModel.Features"/>),
    /// or listed when first asked.
    /// </summary>
    public ToneFeatureList ToneFeatures { get; init; }

    public TextSpan SpanOf(int firstToken, int endToken) =>
        new(Tokens[firstToken].Start, Tokens[endToken - 1].End - Tokens[firstToken].Start);
}

/// <summary>
/// A text's learnt-tone features in the analysis's buffer: <see cref="Count"/> of them when the sentiment listed them, else
/// -1 and listed into the same buffer when a theme reading first needs them (each finder asks once a text).
/// </summary>
internal readonly record struct ToneFeatureList(int[] Buffer, int Count)
{
    public ReadOnlySpan<int> Of(ReadOnlySpan<Token> tokens, ToneModel tone) =>
        Buffer.AsSpan(0, Count >= 0 ? Count : tone.Features(tokens, Buffer));
}
