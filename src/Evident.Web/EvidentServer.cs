using System.Security.Claims;
using Evident.Store.Access;
using Evident.Web.Api;
using Evident.Web.Data;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace Evident.Web;

/// <summary>
/// Builds the web application: the workspace (configuration <c>Evident:Db</c>), sign-in by cookie or API key, the
/// policies every page and endpoint names, security headers, the pages, the API and the embedded assets.
/// </summary>
public static class EvidentServer
{
    public const string CookieName = ".evident.session";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The pages and the API live in this assembly, whichever program hosts it (`evident serve`, tests).
            ApplicationName = typeof(EvidentServer).Assembly.GetName().Name,
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        // The key ring is kept unencrypted in the workspace (like the data it protects); no need to warn at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        AddServices(builder.Services, builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        Configure(app);
        app.Lifetime.ApplicationStarted.Register(() => _ = WarmAsync(app));
        app.Lifetime.ApplicationStarted.Register(() => _ = ResumeReanalysisAsync(app));
        return app;
    }

    /// <summary>Brings the stored themes up to the taxonomy once the server listens; a failure is logged, not thrown.</summary>
    private static async Task ResumeReanalysisAsync(WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<Taxonomy.ReanalysisRunner>().ResumeAsync(app.Lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
        {
            app.Logger.LogWarning(exception, "checking the stored themes against the taxonomy at start failed; the taxonomy page can start the re-analysis");
        }
    }

    /// <summary>Computes the overview in the background once the server listens; a failure is logged, not thrown.</summary>
    private static async Task WarmAsync(WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<EvidenceService>().WarmAsync(app.Lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            app.Logger.LogWarning(exception, "computing the overview at start failed; the first visitor will compute it");
        }
    }

    /// <summary>Brings the workspace to the current schema before the first request, so that a bad workspace fails at start.</summary>
    public static async Task<long> PrepareAsync(WebApplication app, CancellationToken cancellation = default)
    {
        var workspaces = app.Services.GetRequiredService<WorkspaceSource>();
        await using var workspace = await workspaces.OpenAsync(cancellation);
        return await new AccessStore(workspace).CountUsersAsync(cancellation);
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WorkspaceSource>();
        services.AddSingleton<SetupToken>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<EvidenceService>();
        services.AddHostedService<SearchIndexing>();
        services.AddMemoryCache();
        Imports.ImportServices.AddImports(services);
        services.AddSingleton<Taxonomy.ReanalysisRunner>();

        services.AddDataProtection().SetApplicationName("evident");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new WorkspaceXmlRepository(provider.GetRequiredService<WorkspaceSource>())));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "cookie-or-key";
                o.DefaultChallengeScheme = "cookie-or-key";
            })
            .AddPolicyScheme("cookie-or-key", "a session cookie, or an API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.Carries(context.Request) ? ApiKeyAuthenticationHandler.SchemeName
                : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = RevalidateAsync;
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problems.WriteAsync(context.HttpContext, 401, "Unauthorized", "sign in, or send an API key as `Authorization: Bearer evk_…`")
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Problems.WriteAsync(context.HttpContext, 403, "Forbidden", "your role does not allow this request")
                    : Redirect(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Organisation, p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Viewer))
            .AddPolicy(Policies.SignedIn, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Analyst, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ApiRead, p => p.RequireAssertion(c =>
                c.User.HasClaim(Roles.ScopeClaim, "read") || c.User.HasClaim(Roles.ScopeClaim, "write")
                || c.User.IsInRole(Roles.Admin) || c.User.IsInRole(Roles.Analyst) || c.User.IsInRole(Roles.Viewer)))
            .AddPolicy(Policies.ApiWrite, p => p.RequireClaim(Roles.ScopeClaim, "write"));

        services.AddRazorPages(o => o.Conventions.AddPageRoute("/Overview", ""));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".evident.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        ApiEndpoints.AddServices(services, configuration);
    }

    private static void Configure(WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        ApiEndpoints.UseMiddleware(app);

        app.MapGet("/healthz", async (WorkspaceSource workspaces, CancellationToken cancellation) =>
        {
            await using var workspace = await workspaces.OpenAsync(cancellation);
            return Results.Text("ok");
        }).AllowAnonymous();
        MapAssets(app);
        app.MapRazorPages();
        ApiEndpoints.Map(app);
    }

    /// <summary>The stylesheet, scripts and Chart.js, embedded in this assembly (assets/): served with a day's caching.</summary>
    private static void MapAssets(WebApplication app)
    {
        var assembly = typeof(EvidentServer).Assembly;
        var types = new FileExtensionContentTypeProvider();
        app.MapGet("/assets/{**path}", (string path, HttpContext context) =>
        {
            var stream = assembly.GetManifestResourceStream("assets/" + path);
            if (stream is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Stream(stream, types.TryGetContentType(path, out string? type) ? type : "application/octet-stream");
        }).AllowAnonymous();
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A session is checked against the workspace on every request: a deleted user, or one whose password was set anew,
    /// is signed out at once, and a changed role or team takes effect at once, not when the cookie expires.
    /// </summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        if (!long.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out long id))
        {
            context.RejectPrincipal();
            return;
        }

        var workspaces = context.HttpContext.RequestServices.GetRequiredService<WorkspaceSource>();
        await using var workspace = await workspaces.OpenAsync(context.HttpContext.RequestAborted);
        var user = await new AccessStore(workspace).FindUserAsync(id, context.HttpContext.RequestAborted);
        if (user is null || context.Principal!.FindFirstValue(Roles.PasswordClaim) != Passwords.Stamp(user.PasswordHash))
        {
            // Removed, or given a new password since this session signed in (a cookie from before the stamp was
            // carried signs in once more)
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (!context.Principal!.IsInRole(user.Role) || context.Principal.FindFirstValue(Roles.TeamClaim) != user.Team)
        {
            context.ReplacePrincipal(PrincipalOf(user));
            context.ShouldRenew = true;
        }
    }

    /// <summary>The claims a signed-in person carries: id, e-mail, role, and a frontline user's team.</summary>
    public static ClaimsPrincipal PrincipalOf(UserRecord user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.Role, user.Role),
            new(Roles.PasswordClaim, Passwords.Stamp(user.PasswordHash)),
        };
        if (user.Team is not null)
        {
            claims.Add(new Claim(Roles.TeamClaim, user.Team));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
