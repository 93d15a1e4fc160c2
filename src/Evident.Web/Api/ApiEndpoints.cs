using Evident.Core.Ingest;
using Evident.Web.Security;
using Microsoft.OpenApi;

namespace Evident.Web.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>, its OpenAPI document at <c>/api/v1/openapi.json</c>. Every endpoint needs an API
/// key or a signed-in admin, analyst or viewer (<see cref="Policies.ApiRead"/>); the writes need a key with the write
/// scope (<see cref="Policies.ApiWrite"/>). Every answer that is not a success is problem+json saying what was wrong.
/// docs/api.md describes it with examples.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration; // read when the limits are first needed, so that a host's own settings count
        services.AddProblemDetails();
        services.AddOpenApi("v1", o =>
        {
            // The document describes the API; the pages, assets and health check are not part of it.
            o.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Evident API",
                    Version = "v1",
                    Description = "Customer-experience evidence: post feedback, interactions, journey events and communications; read metrics, "
                        + "themes, drivers, friction and verbatims; audit a text. Authenticate with `Authorization: Bearer evk_…` or `X-Api-Key: evk_…`.",
                };
                return Task.CompletedTask;
            });
        });
        ApiLimits.AddServices(services);
    }

    /// <summary>After authorisation: a body too large is refused before it is read, then the rate limit per caller.</summary>
    public static void UseMiddleware(WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(ApiLimits.LimitBodyAsync));
        app.UseRateLimiter();
    }

    public static void Map(WebApplication app)
    {
        app.MapOpenApi(Prefix + "/openapi.json").RequireAuthorization(Policies.ApiRead).RequireRateLimiting(ApiLimits.RatePolicy);
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(Policies.ApiRead)
            .RequireRateLimiting(ApiLimits.RatePolicy)
            .AddEndpointFilter(ApiFailures.FilterAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/metrics", ApiReads.MetricsAsync)
            .WithName("GetMetrics").WithSummary("The scorecard: NPS, CSAT, CES, eNPS, rating and sentiment, overall, per period and per group")
            .Produces<MetricsResponse>().ProducesValidationProblem();
        api.MapGet("/themes", ApiReads.ThemesAsync)
            .WithName("GetThemes").WithSummary("Themes: volume, share of comments, sentiment, effort, detractors, impact on NPS and CSAT, trend")
            .Produces<ThemesResponse>().ProducesValidationProblem();
        api.MapGet("/drivers", ApiReads.DriversAsync)
            .WithName("GetDrivers").WithSummary("Importance × performance of each theme and friction kind, biggest NPS cost first")
            .Produces<DriversResponse>().ProducesValidationProblem();
        api.MapGet("/friction", ApiReads.FrictionAsync)
            .WithName("GetFriction").WithSummary("Friction kinds customers describe, by journey stage; interactions' waits, transfers and repeats by channel and team; say vs do")
            .Produces<FrictionResponse>().ProducesValidationProblem();
        api.MapGet("/verbatims", ApiReads.VerbatimsAsync)
            .WithName("GetVerbatims").WithSummary("Customer comments, filtered and paged, newest first")
            .Produces<VerbatimsResponse>().ProducesValidationProblem();

        MapWrite(api, "/feedback", RecordKind.Feedback, ApiWrites.FeedbackAsync, "PostFeedback", "Add feedback: survey answers, comments, reviews, tickets");
        MapWrite(api, "/interactions", RecordKind.Interactions, ApiWrites.InteractionsAsync, "PostInteractions", "Add interactions: calls, chats, tickets with their times");
        MapWrite(api, "/journey", RecordKind.Journey, ApiWrites.JourneyAsync, "PostJourneyEvents", "Add journey events: visits, purchases, cancellations");
        MapWrite(api, "/communications", RecordKind.Comms, ApiWrites.CommunicationsAsync, "PostCommunications", "Add communications: the organisation's posts, memos and replies");

        api.MapPost("/audit", ApiAudit.AuditAsync)
            .WithName("AuditText").WithSummary("Analyse a text on the fly (nothing is stored): sentiment, emotions, themes, friction, effort, audit and reply signals with their spans")
            .Accepts<AuditRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Responses ??= [];
                operation.Responses["200"] = ApiSchemas.Analysis();
                return Task.CompletedTask;
            });

        // Anything else under the prefix: a problem, not the HTML error page.
        api.Map("/{**rest}", (HttpContext context) => TypedResults.Problem(
                $"no endpoint {context.Request.Method} {context.Request.Path}; the endpoints are listed at {Prefix}/openapi.json",
                statusCode: StatusCodes.Status404NotFound, title: "Not Found"))
            .ExcludeFromDescription();
    }

    private static void MapWrite(RouteGroupBuilder api, string path, RecordKind kind, Delegate handler, string name, string summary) =>
        api.MapPost(path, handler)
            .RequireAuthorization(Policies.ApiWrite)
            .WithName(name).WithSummary(summary)
            .WithDescription($"One item or an array of at most {ApiLimits.MaxItems}, each with the source's `id`: an item already stored (same source and id) adds nothing and counts as a duplicate. "
                + "201 when something was imported, 200 when nothing new was; items that do not read are listed in `errors` while the others are imported; 400 when none can be.")
            .Produces<WriteResponse>(StatusCodes.Status201Created)
            .Produces<WriteResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = ApiSchemas.Items(kind);
                return Task.CompletedTask;
            });
}

/// <summary>An unexpected failure of an endpoint answered as problem+json; its details go to the log only.</summary>
internal static class ApiFailures
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpoints));
            if (logger.IsEnabled(LogLevel.Error))
            {
                logger.LogError(exception, "{Method} {Path} failed", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            }

            return TypedResults.Problem("the server could not answer; its log has the details",
                statusCode: StatusCodes.Status500InternalServerError, title: "Internal Server Error");
        }
    }
}
