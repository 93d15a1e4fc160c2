using System.Globalization;
using System.Security.Claims;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Data;
using Evident.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages.Settings;

/// <summary>Users and roles, API keys, and the thresholds: admin only. Every change is a POST with the anti-forgery token.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SettingsModel(WorkspaceSource workspaces, EvidenceService evidence, ILogger<SettingsModel> logger) : PageModel
{
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];

    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];

    public MetricOptions Options { get; private set; } = MetricOptions.Default;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public string? NewKey { get; private set; }

    public Task OnGetAsync(CancellationToken cancellation) => LoadAsync(cancellation);

    public Task<IActionResult> OnPostAddUserAsync(string? email, string? role, string? team, string? password, CancellationToken cancellation) =>
        ChangeAsync(async store =>
        {
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            {
                return "an e-mail address is required";
            }

            if (role is null || !Roles.IsKnown(role))
            {
                return "choose a role";
            }

            if (role == Roles.Frontline && string.IsNullOrWhiteSpace(team))
            {
                return "a frontline user needs a team (the team whose comments they see)";
            }

            if (Passwords.Problem(password) is string problem)
            {
                return problem;
            }

            await store.AddUserAsync(email, Passwords.Hash(password!), role, role == Roles.Frontline ? team : null, cancellation);
            Message = $"Added {AccessStore.NormaliseEmail(email)} ({role}).{await UnknownTeamAsync(store, role, team, cancellation)}";
            return null;
        }, cancellation);

    public Task<IActionResult> OnPostUpdateUserAsync(long id, string? role, string? team, CancellationToken cancellation) =>
        ChangeAsync(async store =>
        {
            if (role is null || !Roles.IsKnown(role))
            {
                return "choose a role";
            }

            if (role == Roles.Frontline && string.IsNullOrWhiteSpace(team))
            {
                return "a frontline user needs a team";
            }

            if (role != Roles.Admin && await IsLastAdminAsync(store, id, cancellation))
            {
                return "this is the last admin: make someone else admin first";
            }

            if (!await store.UpdateUserAsync(id, role, role == Roles.Frontline ? team : null, cancellation))
            {
                return "no such user";
            }

            Message = $"Saved.{await UnknownTeamAsync(store, role, team, cancellation)}";
            return null;
        }, cancellation);

    public Task<IActionResult> OnPostDeleteUserAsync(long id, CancellationToken cancellation) =>
        ChangeAsync(async store =>
        {
            if (User.FindFirstValue(ClaimTypes.NameIdentifier) == id.ToString(CultureInfo.InvariantCulture))
            {
                return "you cannot remove yourself";
            }

            if (await IsLastAdminAsync(store, id, cancellation))
            {
                return "this is the last admin";
            }

            if (!await store.DeleteUserAsync(id, cancellation))
            {
                return "no such user";
            }

            Message = "Removed; their session ends at their next request.";
            return null;
        }, cancellation);

    public Task<IActionResult> OnPostAddKeyAsync(string? name, string? scope, CancellationToken cancellation) =>
        ChangeAsync(async store =>
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return "name the key (what it is for)";
            }

            if (scope is null || Array.IndexOf(ApiKeys.Scopes, scope) < 0)
            {
                return "choose a scope";
            }

            var (key, prefix, hash) = ApiKeys.Create();
            await store.AddApiKeyAsync(name.Trim(), prefix, hash, scope, cancellation);
            NewKey = key;
            Message = $"Created {prefix}… ({scope}).";
            return null;
        }, cancellation);

    public Task<IActionResult> OnPostRevokeKeyAsync(long id, CancellationToken cancellation) =>
        ChangeAsync(async store =>
        {
            if (!await store.RevokeApiKeyAsync(id, cancellation))
            {
                return "no such key, or revoked already";
            }

            Message = "Revoked: the key no longer opens anything.";
            return null;
        }, cancellation);

    public Task<IActionResult> OnPostThresholdsAsync(int anonymity, int minResponses, CancellationToken cancellation) =>
        ChangeAsync(async store =>
        {
            if (anonymity < MetricOptions.AnonymityFloor || anonymity > 100)
            {
                return $"the anonymity threshold is between {MetricOptions.AnonymityFloor} and 100";
            }

            if (minResponses < 1 || minResponses > 10_000)
            {
                return "the fewest answers is between 1 and 10,000";
            }

            await store.SetSettingAsync(EvidenceService.AnonymitySetting, anonymity.ToString(CultureInfo.InvariantCulture), cancellation);
            await store.SetSettingAsync(EvidenceService.MinResponsesSetting, minResponses.ToString(CultureInfo.InvariantCulture), cancellation);
            evidence.Invalidate();
            Message = $"Thresholds saved: employees from {anonymity} respondents, customers from {minResponses} answers.";
            return null;
        }, cancellation);

    /// <summary>Runs one change, logs who made it, and shows the page again with its outcome.</summary>
    private async Task<IActionResult> ChangeAsync(Func<AccessStore, Task<string?>> change, CancellationToken cancellation)
    {
        await using (var workspace = await workspaces.OpenAsync(cancellation))
        {
            try
            {
                Error = await change(new AccessStore(workspace));
            }
            catch (StoreException exception)
            {
                Error = exception.Message;
            }
        }

        if (Error is null)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("settings changed by {User}: {Message}", User.Identity?.Name, Message);
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(cancellation);
        return Page();
    }

    /// <summary>A note for a frontline user whose team none of the latest comments carries (<see cref="Roles.FrontlineTeamNote"/>); empty otherwise.</summary>
    private static async Task<string> UnknownTeamAsync(AccessStore store, string role, string? team, CancellationToken cancellation) =>
        role == Roles.Frontline && team is not null && Roles.FrontlineTeamNote(team.Trim(), await store.RecentCommentTeamsAsync(cancellation)) is { } note
            ? $" Note: {note}."
            : "";

    private static async Task<bool> IsLastAdminAsync(AccessStore store, long id, CancellationToken cancellation)
    {
        var admins = (await store.ListUsersAsync(cancellation)).Where(u => u.Role == Roles.Admin).ToList();
        return admins.Count == 1 && admins[0].Id == id;
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        await using var workspace = await workspaces.OpenAsync(cancellation);
        var store = new AccessStore(workspace);
        Users = await store.ListUsersAsync(cancellation);
        Keys = await store.ListApiKeysAsync(cancellation);
        Options = await EvidenceService.OptionsAsync(workspace, cancellation);
    }
}
