using System.Globalization;
using System.Text.Json;
using Evident.Core.Input;
using Evident.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Evident.Web.Api;

/// <summary>A request's JSON body, read whole up to the size limit, or the problem that stops it.</summary>
/// <param name="Document">The parsed body; null when <see cref="Problem"/> is set.</param>
/// <param name="Bytes">How many bytes the body had.</param>
public sealed record ApiBody(JsonDocument? Document, long Bytes, IResult? Problem)
{
    /// <summary>Deeper than any item needs; a deeper body is refused by the parser, not walked.</summary>
    private const int MaxDepth = 16;

    /// <summary>Reads the body as JSON: 415 when it is not sent as JSON, 413 past the limit, 400 with the line and
    /// position when it does not parse.</summary>
    public static async Task<ApiBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (!IsJson(request.ContentType))
        {
            return Failed(TypedResults.Problem(
                $"send the body as JSON, with `Content-Type: application/json` (this request said {(string.IsNullOrEmpty(request.ContentType) ? "nothing" : $"`{request.ContentType}`")})",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type"));
        }

        using var buffer = new MemoryStream(request.ContentLength is long length and > 0 ? (int)Math.Min(Math.Min(length, limit), 1 << 20) : 4096);
        try
        {
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return Failed(TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Failed(TooLarge(limit));
        }

        if (buffer.Length == 0)
        {
            return Failed(Invalid("the body is empty: send a JSON object, or an array of them", null));
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            return new ApiBody(document, buffer.Length, null);
        }
        catch (JsonException exception)
        {
            long line = (exception.LineNumber ?? 0) + 1;
            long position = (exception.BytePositionInLine ?? 0) + 1;
            return Failed(Invalid(
                $"the body is not valid JSON: line {line.ToString(CultureInfo.InvariantCulture)}, position {position.ToString(CultureInfo.InvariantCulture)}: {JsonErrors.Describe(exception)}",
                new Dictionary<string, object?> { ["line"] = line, ["position"] = position }));
        }
    }

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(TooLargeDetail(limit),
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Content Too Large");

    public static Task WriteTooLargeAsync(HttpContext context, long limit) =>
        Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Content Too Large", TooLargeDetail(limit));

    private static string TooLargeDetail(long limit) =>
        $"the body is larger than {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes (Evident:ApiMaxBodyBytes): send fewer items in each request";

    /// <summary>400 "Invalid body" with what was wrong.</summary>
    public static ProblemHttpResult Invalid(string detail, IDictionary<string, object?>? extensions) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid body", extensions: extensions);

    private static ApiBody Failed(IResult problem) => new(null, 0, problem);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
