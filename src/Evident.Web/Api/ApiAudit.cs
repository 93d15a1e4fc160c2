using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Evident.Text;
using Evident.Web.Data;

namespace Evident.Web.Api;

/// <summary>
/// POST /api/v1/audit: the language analysis of one text, stored nowhere. The answer is the object
/// <c>evident analyze</c> writes for a row (<see cref="TextAnalysisJson"/>): sentiment, sentences, cues, emotions,
/// themes, friction (a wait with its minutes), effort, the audit and reply signals, perspective and readability, each
/// signal with the spans of the text behind it.
/// </summary>
public static class ApiAudit
{
    public static async Task<IResult> AuditAsync(HttpContext context, EvidenceService evidence, ApiLimits limits, CancellationToken cancellation)
    {
        var query = new QueryCheck(context.Request.Query);
        query.Only();
        if (query.Problem() is { } queryProblem)
        {
            return queryProblem;
        }

        var body = await ApiBody.ReadAsync(context.Request, limits.MaxBodyBytes, cancellation);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        using var document = body.Document!;
        if (!TryText(document.RootElement, out string? text, out string? textProblem))
        {
            return ApiBody.Invalid(textProblem, null);
        }

        var analysis = (await evidence.AnalyzerAsync(cancellation)).Analyze(text);
        var buffer = new ArrayBufferWriter<byte>(4096);
        await using (var json = new Utf8JsonWriter(buffer))
        {
            TextAnalysisJson.Write(json, text, analysis);
        }

        return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    /// <summary>The text of <c>{"text": "…"}</c>: a non-empty string of at most <see cref="ApiLimits.MaxAuditLength"/> characters, and nothing else.</summary>
    private static bool TryText(JsonElement root, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        text = null;
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "expected an object such as {\"text\": \"…\"}";
            return false;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != "text")
            {
                problem = $"unknown field '{property.Name}': the body is {{\"text\": \"…\"}}";
                return false;
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                problem = "field 'text': expected a string";
                return false;
            }

            text = property.Value.GetString();
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "field 'text': the text to audit is missing or empty";
            text = null;
            return false;
        }

        if (text.Length > ApiLimits.MaxAuditLength)
        {
            problem = $"field 'text': at most {ApiLimits.MaxAuditLength.ToString("N0", CultureInfo.InvariantCulture)} characters, found {text.Length.ToString("N0", CultureInfo.InvariantCulture)}";
            text = null;
            return false;
        }

        return true;
    }
}
