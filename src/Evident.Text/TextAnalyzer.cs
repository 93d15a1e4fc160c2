using Evident.Text.Sentiment;
using Evident.Text.Tokens;

namespace Evident.Text;

/// <summary>
/// The language engine's entry point. Build once (loading lexicons is the expensive part), then call from
/// any number of threads: an instance holds no mutable state.
/// </summary>
public sealed partial class TextAnalyzer
{
    private static readonly Lazy<TextAnalyzer> s_default = new(() => new TextAnalyzer(LexiconSet.LoadEmbedded()));

    public TextAnalyzer(LexiconSet lexicons, SentimentOptions? options = null)
    {
        Lexicons = lexicons;
        Options = options ?? SentimentOptions.Default;
        _rules = new RuleNames(lexicons);
    }

    private readonly RuleNames _rules;

    /// <summary>The analyser with the shipped lexicons and taxonomy.</summary>
    public static TextAnalyzer Default => s_default.Value;

    public LexiconSet Lexicons { get; }

    public SentimentOptions Options { get; }

    /// <summary>Sentiment of the whole text only: the fast path, allocation-free.</summary>
    public SentimentScore ScoreSentiment(ReadOnlySpan<char> text)
    {
        var scratch = Scratch.For(text.Length);
        int n = Tokenizer.Tokenize(text, scratch.Tokens, Lexicons.Vocabulary, out var shape);
        return SentimentScorer.Score(text, scratch.Tokens.AsSpan(0, n), shape, Lexicons, Options, scratch.Valences, scratch.Rules, scratch.Matches, [], scratch.ToneFeatures, out _);
    }
}
