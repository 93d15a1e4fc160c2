using System.Text.Json;

namespace Evident.Text;

/// <summary>
/// A text's analysis as JSON, property by property (no reflection): what <c>evident analyze</c> writes for each row
/// and what the API's audit answers. Spans are written as <c>{"start","length","text"}</c> plus the rule behind them;
/// numbers are rounded to 4 decimals.
/// </summary>
public static class TextAnalysisJson
{
    private const int Decimals = 4;

    /// <summary>The analysis as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, string text, TextAnalysis analysis)
    {
        json.WriteStartObject();
        WriteProperties(json, text, analysis);
        json.WriteEndObject();
    }

    /// <summary>The analysis's properties, written into an object the caller has started (and ends).</summary>
    public static void WriteProperties(Utf8JsonWriter json, string text, TextAnalysis analysis)
    {
        json.WritePropertyName("sentiment"u8);
        WriteSentiment(json, analysis.Sentiment);
        WriteSentences(json, text, analysis.Sentences);
        WriteCues(json, text, analysis.Cues);
        WriteEmotions(json, text, analysis.Emotions);
        WriteThemes(json, text, analysis.Themes);
        WriteFriction(json, text, analysis.Friction);
        WriteRounded(json, "effort"u8, analysis.Effort);
        WriteSignals(json, text, analysis.Signals);
        WritePerspective(json, analysis.Perspective);
        WriteRounded(json, "readability"u8, analysis.Readability);
        json.WriteString("language"u8, analysis.Language);
    }

    private static void WriteSentiment(Utf8JsonWriter json, SentimentScore score)
    {
        json.WriteStartObject();
        WriteRounded(json, "compound"u8, score.Compound);
        WriteRounded(json, "pos"u8, score.Positive);
        WriteRounded(json, "neu"u8, score.Neutral);
        WriteRounded(json, "neg"u8, score.Negative);
        json.WriteString("label"u8, LabelName(score.Label));
        json.WriteEndObject();
    }

    private static void WriteSentences(Utf8JsonWriter json, string text, IReadOnlyList<SentenceSentiment> sentences)
    {
        json.WriteStartArray("sentences"u8);
        foreach (var sentence in sentences)
        {
            json.WriteStartObject();
            WriteSpanProperties(json, text, sentence.Span);
            json.WritePropertyName("sentiment"u8);
            WriteSentiment(json, sentence.Sentiment);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCues(Utf8JsonWriter json, string text, IReadOnlyList<SentimentCue> cues)
    {
        json.WriteStartArray("cues"u8);
        foreach (var cue in cues)
        {
            json.WriteStartObject();
            WriteSpanProperties(json, text, cue.Span);
            WriteRounded(json, "valence"u8, cue.Valence);
            json.WriteString("rule"u8, cue.Rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteEmotions(Utf8JsonWriter json, string text, IReadOnlyList<EmotionHit> emotions)
    {
        json.WriteStartArray("emotions"u8);
        foreach (var emotion in emotions)
        {
            json.WriteStartObject();
            json.WriteString("emotion"u8, emotion.Emotion);
            WriteSpans(json, text, emotion.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteThemes(Utf8JsonWriter json, string text, IReadOnlyList<ThemeHit> themes)
    {
        json.WriteStartArray("themes"u8);
        foreach (var theme in themes)
        {
            json.WriteStartObject();
            json.WriteString("id"u8, theme.Id);
            json.WriteString("name"u8, theme.Name);
            json.WritePropertyName("sentiment"u8);
            WriteSentiment(json, theme.Sentiment);
            WriteSpans(json, text, theme.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFriction(Utf8JsonWriter json, string text, IReadOnlyList<FrictionHit> friction)
    {
        json.WriteStartArray("friction"u8);
        foreach (var hit in friction)
        {
            json.WriteStartObject();
            json.WriteString("kind"u8, hit.Kind);
            if (hit.Minutes is double minutes)
            {
                WriteRounded(json, "minutes"u8, minutes);
            }
            else
            {
                json.WriteNull("minutes"u8);
            }

            WriteSpans(json, text, hit.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>An object keyed by signal name; a signal reported twice gets one key with all its spans.</summary>
    private static void WriteSignals(Utf8JsonWriter json, string text, IReadOnlyList<SignalHit> signals)
    {
        json.WriteStartObject("signals"u8);
        for (int i = 0; i < signals.Count; i++)
        {
            string name = signals[i].Signal;
            if (FirstIndexOf(signals, name) < i)
            {
                continue;
            }

            json.WriteStartArray(name);
            for (int j = i; j < signals.Count; j++)
            {
                if (signals[j].Signal == name)
                {
                    WriteEvidenceItems(json, text, signals[j].Evidence);
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static int FirstIndexOf(IReadOnlyList<SignalHit> signals, string name)
    {
        for (int i = 0; i < signals.Count; i++)
        {
            if (signals[i].Signal == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static void WritePerspective(Utf8JsonWriter json, PerspectiveCounts perspective)
    {
        json.WriteStartObject("perspective"u8);
        json.WriteNumber("we"u8, perspective.We);
        json.WriteNumber("you"u8, perspective.You);
        json.WriteNumber("i"u8, perspective.I);
        json.WriteNumber("words"u8, perspective.Words);
        WriteRounded(json, "you_focus"u8, perspective.YouFocus);
        json.WriteEndObject();
    }

    private static void WriteSpans(Utf8JsonWriter json, string text, IReadOnlyList<Evidence> evidence)
    {
        json.WriteStartArray("spans"u8);
        WriteEvidenceItems(json, text, evidence);
        json.WriteEndArray();
    }

    private static void WriteEvidenceItems(Utf8JsonWriter json, string text, IReadOnlyList<Evidence> evidence)
    {
        foreach (var item in evidence)
        {
            json.WriteStartObject();
            WriteSpanProperties(json, text, item.Span);
            json.WriteString("rule"u8, item.Rule);
            json.WriteEndObject();
        }
    }

    private static void WriteSpanProperties(Utf8JsonWriter json, string text, TextSpan span)
    {
        json.WriteNumber("start"u8, span.Start);
        json.WriteNumber("length"u8, span.Length);
        json.WriteString("text"u8, Slice(text, span));
    }

    /// <summary>The span's text, clamped to the string so that a bad span costs a wrong excerpt, not the row.</summary>
    private static ReadOnlySpan<char> Slice(string text, TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length);
        int end = Math.Clamp(span.End, start, text.Length);
        return text.AsSpan(start, end - start);
    }

    private static void WriteRounded(Utf8JsonWriter json, ReadOnlySpan<byte> name, double value)
    {
        if (!double.IsFinite(value))
        {
            json.WriteNull(name); // JSON has no NaN or infinity
            return;
        }

        double rounded = Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
        json.WriteNumber(name, rounded == 0 ? 0 : rounded); // no "-0"
    }

    private static string LabelName(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => "negative",
        SentimentLabel.Positive => "positive",
        _ => "neutral",
    };
}
