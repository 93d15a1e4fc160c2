using System.Runtime.CompilerServices;
using Evident.Text.Tokens;

namespace Evident.Text.Sentiment;

/// <summary>Adds up token valences over one or more ranges, then normalises them as VADER does.</summary>
internal struct SentimentAccumulator
{
    private const double ExclamationIncrement = 0.292;
    private const double QuestionIncrement = 0.18;

    private double _sum, _positive, _negative;
    private int _neutral, _exclamations, _questions;

    public readonly double Sum => _sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<Token> tokens, ReadOnlySpan<float> valences, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            ref readonly Token t = ref tokens[i];
            if (t.Kind == TokenKind.Punctuation)
            {
                _exclamations += t.Exclamations;
                _questions += t.Questions;
                if (valences[i] == 0)
                {
                    continue; // punctuation carries a valence only when a rule gave it one ("got single cream??")
                }
            }
            if (t.Kind is TokenKind.Mention or TokenKind.Url)
            {
                continue;
            }
            float v = valences[i];
            _sum += v;
            if (v > 0)
            {
                _positive += v + 1;
            }
            else if (v < 0)
            {
                _negative += v - 1;
            }
            else
            {
                _neutral++;
            }
        }
    }

    public readonly SentimentScore ToScore(double alpha)
    {
        if (_sum == 0)
        {
            return SentimentScore.Empty;
        }
        // punctuation emphasis: up to four '!', and two or more '?'
        double emphasis = Math.Min(_exclamations, 4) * ExclamationIncrement;
        if (_questions > 1)
        {
            emphasis += _questions <= 3 ? _questions * QuestionIncrement : 0.96;
        }
        double compound = Normalise(_sum + Math.Sign(_sum) * emphasis, alpha);
        double positive = _positive, negative = _negative;
        if (positive > Math.Abs(negative))
        {
            positive += emphasis;
        }
        else if (positive < Math.Abs(negative))
        {
            negative -= emphasis;
        }
        double total = positive + Math.Abs(negative) + _neutral;
        return new SentimentScore(compound, Math.Abs(positive / total), _neutral / total, Math.Abs(negative / total));
    }

    public static double Normalise(double score, double alpha) => Math.Clamp(score / Math.Sqrt(score * score + alpha), -1, 1);
}
