using System.Security.Claims;

namespace Evident.Web.Security;

/// <summary>
/// Who may do what. People have one role; machines (API keys) have a scope. Every page and endpoint names one of the
/// <see cref="Policies"/>, checked on the server.
/// </summary>
public static class Roles
{
    /// <summary>Everything, including users, API keys and settings.</summary>
    public const string Admin = "admin";

    /// <summary>Every page of the whole organisation's data, imports and the theme taxonomy.</summary>
    public const string Analyst = "analyst";

    /// <summary>The comments of their own team only (Voices), to act on them.</summary>
    public const string Frontline = "frontline";

    /// <summary>Every page of the whole organisation's data, read only.</summary>
    public const string Viewer = "viewer";

    public static readonly string[] All = [Admin, Analyst, Frontline, Viewer];

    /// <summary>The claim that carries a frontline user's team.</summary>
    public const string TeamClaim = "evident:team";

    /// <summary>A stamp of the password a session was signed in with (<see cref="Passwords.Stamp"/>): a new password ends the sessions signed in with the old one.</summary>
    public const string PasswordClaim = "evident:password";

    /// <summary>The claim that carries an API key's scope (read | write).</summary>
    public const string ScopeClaim = "evident:scope";

    public static bool IsKnown(string role) => Array.IndexOf(All, role) >= 0;

    /// <summary>The team a signed-in frontline user is limited to; null for everyone else.</summary>
    public static string? TeamLimit(ClaimsPrincipal user) =>
        user.IsInRole(Frontline) ? user.FindFirstValue(TeamClaim) ?? "" : null;

    /// <summary>
    /// What to tell of a frontline user's team that none of the latest comments carries, naming the teams they do (the
    /// match is exact: "Billing" for "billing" is an empty inbox); null when some carries it. Settings and
    /// <c>evident user add</c> say it after adding the user, whose team's comments may come with the next import.
    /// </summary>
    public static string? FrontlineTeamNote(string team, IReadOnlyList<string> recentTeams) => recentTeams.Contains(team, StringComparer.Ordinal)
        ? null
        : $"none of the latest {Store.Access.AccessStore.RecentRows:N0} comments carries the team \"{team}\", so they may see none"
          + (recentTeams.Count > 0 ? $"; the teams there: {string.Join(", ", recentTeams)}" : "");
}

/// <summary>The authorisation policies, by what they protect.</summary>
public static class Policies
{
    /// <summary>Pages of the whole organisation's data: admin, analyst, viewer.</summary>
    public const string Organisation = "organisation";

    /// <summary>Voices: any signed-in person (a frontline user sees their own team's).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Bringing data in and changing the taxonomy: admin, analyst.</summary>
    public const string Analyst = "analyst";

    /// <summary>Users, API keys, settings: admin.</summary>
    public const string Admin = "admin";

    /// <summary>Reading the API: a key of either scope, or a signed-in admin, analyst or viewer.</summary>
    public const string ApiRead = "api-read";

    /// <summary>Writing through the API: a key with the write scope (a browser session cannot, so no cross-site forgery).</summary>
    public const string ApiWrite = "api-write";
}
