using System.Security.Claims;
using System.Text.Encodings.Web;
using Evident.Store.Access;
using Evident.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Evident.Web.Security;

/// <summary>
/// Authenticates a machine by its API key, sent as <c>Authorization: Bearer evk_…</c> or <c>X-Api-Key: evk_…</c>.
/// A revoked or unknown key fails; the key's scope becomes a claim that the API policies check.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WorkspaceSource workspaces)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Whether the request carries a key (then this scheme, not the cookie, authenticates it).</summary>
    public static bool Carries(HttpRequest request) => KeyOf(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not string key)
        {
            return AuthenticateResult.NoResult();
        }

        if (key.Length < ApiKeys.PrefixLength || !key.StartsWith(ApiKeys.Marker, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("not an Evident API key");
        }

        await using var workspace = await workspaces.OpenAsync(Context.RequestAborted);
        var store = new AccessStore(workspace);
        var record = await store.FindApiKeyAsync(key[..ApiKeys.PrefixLength], Context.RequestAborted);
        if (record is null || !ApiKeys.Matches(key, record.KeyHash))
        {
            return AuthenticateResult.Fail("unknown API key");
        }

        if (record.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("this API key was revoked");
        }

        if (record.LastUsedAt is not DateTimeOffset used || DateTimeOffset.UtcNow - used > TimeSpan.FromMinutes(1))
        {
            await store.TouchApiKeyAsync(record.Id, Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "key:" + record.Prefix),
                new Claim(ClaimTypes.Name, record.Name),
                new Claim(Roles.ScopeClaim, record.Scope),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            failure?.Message ?? $"send an API key as `Authorization: Bearer evk_…` or `{HeaderName}: evk_…` (create one with `evident apikey add NAME --scope read|write`)");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "this API key's scope does not allow this request (writing needs --scope write)");

    private static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.ToString() is { Length: > 0 } value)
        {
            return value.Trim();
        }

        string authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
