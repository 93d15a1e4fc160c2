using Evident.Text;

namespace Evident.Core.Records;

/// <summary>
/// What is kept of a text's analysis: the figures dashboards aggregate. The spans behind each signal are not
/// stored; the analyser is deterministic, so they are recomputed from the text when a verbatim is shown.
/// </summary>
public sealed class TextSummary
{
    /// <summary>Bumped whenever the engine or its lexicons change what these columns would hold.</summary>
    public const int AnalysisVersion = 2; // 2: thanking staff is gratitude as well as employee focus

    private static readonly IReadOnlyList<ThemeScore> s_noThemes = [];
    private static readonly IReadOnlyList<FrictionKind> s_noFriction = [];

    public required SentimentScore Sentiment { get; init; }
    public double Effort { get; init; }
    /// <summary>Comma-separated emotion names, or null.</summary>
    public string? Emotions { get; init; }
    /// <summary>Comma-separated audit and reply signal names, or null.</summary>
    public string? Signals { get; init; }
    public IReadOnlyList<ThemeScore> Themes { get; init; } = s_noThemes;
    public IReadOnlyList<FrictionKind> Friction { get; init; } = s_noFriction;
    public PerspectiveCounts Perspective { get; init; }
    public double Readability { get; init; }

    /// <summary>Comma-separated friction kinds, or null.</summary>
    public string? FrictionNames { get; init; }

    /// <summary>The longest stated wait, in minutes.</summary>
    public double? WaitMinutes
    {
        get
        {
            double? longest = null;
            for (int i = 0; i < Friction.Count; i++) // indexed: read for every row an import writes
            {
                if (Friction[i].Minutes is double minutes && (longest is null || minutes > longest))
                {
                    longest = minutes;
                }
            }

            return longest;
        }
    }

    public static TextSummary Of(TextAnalysis analysis)
    {
        var themes = s_noThemes;
        if (analysis.Themes.Count > 0)
        {
            var list = new ThemeScore[analysis.Themes.Count];
            for (int i = 0; i < list.Length; i++)
            {
                list[i] = new ThemeScore(analysis.Themes[i].Id, analysis.Themes[i].Sentiment.Compound);
            }

            themes = list;
        }

        var friction = s_noFriction;
        if (analysis.Friction.Count > 0)
        {
            var list = new FrictionKind[analysis.Friction.Count];
            for (int i = 0; i < list.Length; i++)
            {
                list[i] = new FrictionKind(analysis.Friction[i].Kind, analysis.Friction[i].Minutes);
            }

            friction = list;
        }

        return new TextSummary
        {
            Sentiment = analysis.Sentiment,
            Effort = analysis.Effort,
            Emotions = Join(analysis.Emotions, static e => e.Emotion),
            Signals = Join(analysis.Signals, static s => s.Signal),
            Themes = themes,
            Friction = friction,
            FrictionNames = Join(analysis.Friction, static f => f.Kind),
            Perspective = analysis.Perspective,
            Readability = analysis.Readability,
        };
    }

    private static string? Join<T>(IReadOnlyList<T> items, Func<T, string> name)
    {
        if (items.Count == 0)
        {
            return null;
        }

        if (items.Count == 1)
        {
            return name(items[0]);
        }

        var names = new string[items.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = name(items[i]);
        }

        return string.Join(',', names);
    }
}

public readonly record struct ThemeScore(string Theme, double Sentiment);

public readonly record struct FrictionKind(string Kind, double? Minutes);
