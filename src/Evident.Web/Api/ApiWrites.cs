using System.Security.Claims;
using Evident.Core.Ingest;
using Evident.Store.Ingest;
using Evident.Web.Data;

namespace Evident.Web.Api;

/// <summary>
/// The writing endpoints: feedback, interactions, journey events and communications, one item or an array of them,
/// brought in by the same <see cref="ImportPipeline"/> as a file (analysed, deduplicated on source and id, written in
/// one transaction and recorded as an import run). An item already stored, or repeated in the request, adds nothing
/// and is counted as a duplicate; an item that does not read is rejected with its index, field and reason while the
/// others are imported.
/// </summary>
public static class ApiWrites
{
    public static Task<IResult> FeedbackAsync(HttpContext context, EvidenceService evidence, ApiLimits limits, CancellationToken cancellation) =>
        WriteAsync(RecordKind.Feedback, context, evidence, limits, cancellation);

    public static Task<IResult> InteractionsAsync(HttpContext context, EvidenceService evidence, ApiLimits limits, CancellationToken cancellation) =>
        WriteAsync(RecordKind.Interactions, context, evidence, limits, cancellation);

    public static Task<IResult> JourneyAsync(HttpContext context, EvidenceService evidence, ApiLimits limits, CancellationToken cancellation) =>
        WriteAsync(RecordKind.Journey, context, evidence, limits, cancellation);

    public static Task<IResult> CommunicationsAsync(HttpContext context, EvidenceService evidence, ApiLimits limits, CancellationToken cancellation) =>
        WriteAsync(RecordKind.Comms, context, evidence, limits, cancellation);

    private static async Task<IResult> WriteAsync(RecordKind kind, HttpContext context, EvidenceService evidence, ApiLimits limits, CancellationToken cancellation)
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
        if (!ApiItems.TryList(document.RootElement, out var items, out string? listProblem))
        {
            return ApiBody.Invalid(listProblem, null);
        }

        var outcomes = ApiItems.Read(kind, items);
        var errors = outcomes.Select(o => o.Error).OfType<ItemError>().ToList();
        if (errors.Count == outcomes.Count)
        {
            string detail = outcomes.Count == 1
                ? Describe(errors[0])
                : $"none of the {outcomes.Count} items can be imported; the first: {Describe(errors[0])}";
            return ApiBody.Invalid(detail, new Dictionary<string, object?> { ["errors"] = errors });
        }

        await using var workspace = await evidence.OpenAsync(cancellation);
        var pipeline = new ImportPipeline(workspace, await evidence.AnalyzerAsync(cancellation));
        var sources = outcomes.Where(o => o.Record is not null).Select(o => o.Record!.Source).Distinct(StringComparer.Ordinal).ToList();
        var info = new ImportRunInfo(
            kind.Name(),
            sources.Count == 1 ? sources[0] : ApiItems.DefaultSource,
            $"{context.Request.Method} {context.Request.Path} by {context.User.FindFirstValue(ClaimTypes.Name) ?? "?"}",
            body.Bytes);
        // Not the request's token: a client that hangs up mid-write leaves a whole run, not a cancelled one.
        // The items refused here, and those whose id is stored with other values, which only the pipeline finds.
        var rejected = new List<ItemError>();
        var totals = await pipeline.RunAsync(new ItemRecordSource(outcomes), info, reject => rejected.Add(new ItemOutcome(null, reject).Error!), null, CancellationToken.None);
        if (totals.Imported > 0)
        {
            evidence.Invalidate();
        }

        var result = new WriteResponse(outcomes.Count, totals.Imported, totals.Duplicates, totals.Rejected, [.. rejected.OrderBy(e => e.Index)]);
        return totals.Imported > 0 ? TypedResults.Created((string?)null, result) : TypedResults.Ok(result);
    }

    private static string Describe(ItemError error) =>
        $"item {error.Index}{(error.Field is null ? "" : $", field '{error.Field}'")}: {error.Message}";
}
