using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Data;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>
/// The one-time setup page: while the workspace has no user, whoever holds the token the server printed at start
/// creates the first admin. Once there is a user the page is closed for good.
/// </summary>
[AllowAnonymous]
public sealed class SetupModel(WorkspaceSource workspaces, SetupToken setup, LoginThrottle throttle) : PageModel
{
    public bool Open { get; private set; }

    public string? Error { get; private set; }

    public string? Email { get; private set; }

    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellation)
    {
        await CheckAsync(token, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, string? email, string? password, CancellationToken cancellation)
    {
        Email = email;
        if (!throttle.TryAttempt(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = "Too many attempts from this address; wait a minute.";
            return Page();
        }

        if (!await CheckAsync(token, cancellation))
        {
            return Page();
        }

        Error = string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) ? "an e-mail address is required" : Passwords.Problem(password);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var workspace = await workspaces.OpenAsync(cancellation);
        var store = new AccessStore(workspace);
        try
        {
            await store.AddUserAsync(email!, Passwords.Hash(password!), Roles.Admin, null, cancellation);
        }
        catch (StoreException exception)
        {
            Error = exception.Message;
            return Page();
        }

        var user = (await store.FindUserAsync(email!, cancellation))!;
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, EvidentServer.PrincipalOf(user));
        return Redirect("/");
    }

    private async Task<bool> CheckAsync(string? token, CancellationToken cancellation)
    {
        await using var workspace = await workspaces.OpenAsync(cancellation);
        if (await new AccessStore(workspace).CountUsersAsync(cancellation) > 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = "This workspace has its admin already; sign in instead.";
            return Open = false;
        }

        if (!setup.Matches(token))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Error = "Open the setup address that `evident serve` printed (it carries a one-time token), or create the admin with `evident user add EMAIL --role admin`.";
            return Open = false;
        }

        Token = token;
        return Open = true;
    }
}
