using Evident.Store.Access;
using Evident.Web.Data;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

[AllowAnonymous]
public sealed class LoginModel(WorkspaceSource workspaces, LoginThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken cancellation)
    {
        ReturnUrl = LocalOrRoot(returnUrl);
        await using var workspace = await workspaces.OpenAsync(cancellation);
        if (await new AccessStore(workspace).CountUsersAsync(cancellation) == 0)
        {
            Error = "No one can sign in yet: create the first admin with `evident user add EMAIL --role admin`, or open the setup address `evident serve` printed.";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken cancellation)
    {
        ReturnUrl = LocalOrRoot(returnUrl);
        Email = email;
        if (!throttle.TryAttempt(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = "Too many sign-in attempts from this address; wait a minute and try again.";
            return Page();
        }

        await using var workspace = await workspaces.OpenAsync(cancellation);
        var store = new AccessStore(workspace);
        var user = string.IsNullOrWhiteSpace(email) ? null : await store.FindUserAsync(email, cancellation);
        // The same answer, and a hash computed either way, whether the address is unknown or the password wrong.
        bool valid = Passwords.Verify(user?.PasswordHash ?? DummyHash, password ?? "") && user is not null;
        if (!valid)
        {
            logger.LogWarning("failed sign-in for {Email} from {Address}", email, HttpContext.Connection.RemoteIpAddress);
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Error = "Wrong e-mail address or password.";
            return Page();
        }

        if (!await store.TryRecordLoginAsync(user!.Id, TimeSpan.FromSeconds(2), cancellation))
        {
            logger.LogWarning("the sign-in time of {Email} was not recorded: the workspace was busy with a write", user.Email);
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, EvidentServer.PrincipalOf(user));
        return LocalRedirect(user.Role == Roles.Frontline && ReturnUrl == "/" ? "/voices" : ReturnUrl);
    }

    private static readonly string DummyHash = Passwords.Hash("not a password anyone has");

    private string LocalOrRoot(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
