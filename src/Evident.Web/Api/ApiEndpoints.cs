using Evident.Core.Evidence;
using Evident.Web.Data;
using Evident.Web.Security;

namespace Evident.Web.Api;

/// <summary>The REST API under <c>/api/v1</c>, its OpenAPI document at <c>/api/v1/openapi.json</c>.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddProblemDetails();
        services.AddOpenApi("v1");
    }

    public static void UseMiddleware(WebApplication app) => _ = app;

    public static void Map(WebApplication app)
    {
        app.MapOpenApi(Prefix + "/openapi.json").RequireAuthorization(Policies.ApiRead);
        var api = app.MapGroup(Prefix).RequireAuthorization(Policies.ApiRead);

        api.MapGet("/metrics", async (EvidenceService evidence, string? period, string? by, CancellationToken cancellation) =>
        {
            var kind = Period.Parse(period ?? "month");
            var scorecard = await evidence.ScorecardAsync(kind, by, cancellation);
            return Results.Ok(scorecard.Overall);
        });
    }
}
