using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Evident.Cli.Audit;

/// <summary>The audit as one JSON object: <c>{"n": N, "file": …, "date_column": …, "signals": {…}, "we_you": {…}}</c>.</summary>
internal static class AuditJson
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        // Keeps non-ASCII text readable; this is a JSON document, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AuditReport report)
    {
        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, s_options))
        {
            var result = report.Result;
            json.WriteStartObject();
            json.WriteNumber("n", result.Posts);
            json.WriteString("file", report.File);
            json.WriteString("date_column", report.DateColumn);
            json.WriteStartObject("signals");
            foreach (var signal in result.Signals)
            {
                json.WriteStartObject(signal.Signal);
                json.WriteNumber("count", signal.Count);
                json.WriteNumber("rate", Math.Round(signal.Rate, 4));
                json.WriteStartArray("examples");
                foreach (var example in signal.Examples)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", example.Line);
                    json.WriteString("sentence", example.Sentence);
                    json.WriteString("match", example.Match);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("we_you");
            json.WriteNumber("we", result.WeYou.We);
            json.WriteNumber("you", result.WeYou.You);
            json.WriteNumber("you_focused_posts", result.WeYou.YouFocusedPosts);
            json.WriteNumber("we_focused_posts", result.WeYou.WeFocusedPosts);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(bytes.ToArray()) + "\n";
    }
}
