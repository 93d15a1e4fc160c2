using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Evident.Web.Security;
using Microsoft.AspNetCore.Http.Features;

namespace Evident.Web.Api;

/// <summary>
/// What one request may ask of the API: a body of at most <c>Evident:ApiMaxBodyBytes</c> (default 4 MB), at most
/// <c>Evident:ApiRequestsPerMinute</c> requests a minute per API key or signed-in person (default 600; 0 for no
/// limit), at most <see cref="MaxItems"/> items in one write and <see cref="MaxAuditLength"/> characters in one audit.
/// </summary>
public sealed record ApiLimits(long MaxBodyBytes, int RequestsPerMinute)
{
    public const long DefaultMaxBodyBytes = 4 * 1024 * 1024;
    public const int DefaultRequestsPerMinute = 600;
    public const int MaxItems = 1_000;
    public const int MaxAuditLength = 20_000;

    /// <summary>The name of the rate-limiting policy every API endpoint carries.</summary>
    public const string RatePolicy = "api";

    public static ApiLimits From(IConfiguration configuration)
    {
        long body = configuration.GetValue("Evident:ApiMaxBodyBytes", DefaultMaxBodyBytes);
        int perMinute = configuration.GetValue("Evident:ApiRequestsPerMinute", DefaultRequestsPerMinute);
        return new ApiLimits(body > 0 ? body : DefaultMaxBodyBytes, Math.Max(0, perMinute));
    }

    /// <summary>The limits as a service, and the rate limiter: a fixed minute per key or person, 429 with Retry-After past it.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(provider => From(provider.GetRequiredService<IConfiguration>()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RatePolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<ApiLimits>();
                string caller = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "address:" + context.Connection.RemoteIpAddress;
                return limits.RequestsPerMinute == 0
                    ? RateLimitPartition.GetNoLimiter(caller)
                    : RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            o.OnRejected = (context, _) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<ApiLimits>();
                int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too Many Requests",
                    $"at most {limits.RequestsPerMinute} requests a minute per API key; try again in {seconds} seconds"));
            };
        });
    }

    /// <summary>
    /// Refuses a body announced as larger than the limit before it is read, and tells the server to stop reading one
    /// that grows past it (a chunked body); <see cref="ApiBody"/> checks the bytes it reads as well.
    /// </summary>
    public static async Task LimitBodyAsync(HttpContext context, RequestDelegate next)
    {
        var limits = context.RequestServices.GetRequiredService<ApiLimits>();
        if (context.Request.ContentLength > limits.MaxBodyBytes)
        {
            await ApiBody.WriteTooLargeAsync(context, limits.MaxBodyBytes);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxBodyBytes;
        }

        await next(context);
    }
}
