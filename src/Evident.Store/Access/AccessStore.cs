using System.Data.Common;
using Dapper;

namespace Evident.Store.Access;

/// <summary>A person who may sign in to <c>evident serve</c>.</summary>
public sealed record UserRecord(long Id, string Email, string PasswordHash, string Role, string? Team, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

/// <summary>A machine's key, without the key itself (only its hash is kept).</summary>
public sealed record ApiKeyRecord(long Id, string Name, string Prefix, string KeyHash, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>
/// Users, API keys, settings and the server's data-protection keys of one workspace. Hashing is the caller's
/// (the web layer's): this class stores and finds; every statement is parameterised.
/// </summary>
public sealed class AccessStore(DbConnection connection, StoreDialect dialect, int workspaceId = Workspace.DefaultId)
{
    public AccessStore(Workspace workspace) : this(workspace.Connection, workspace.Dialect, workspace.Id)
    {
    }

    public async Task<long> CountUsersAsync(CancellationToken cancellation = default) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM app_user WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: cancellation));

    /// <summary>Adds a user; a second user with the same e-mail address is refused with a <see cref="StoreException"/>.</summary>
    public async Task<long> AddUserAsync(string email, string passwordHash, string role, string? team, CancellationToken cancellation = default)
    {
        string normalised = NormaliseEmail(email);
        if (await FindUserAsync(normalised, cancellation) is not null)
        {
            throw new StoreException($"{normalised}: there is already a user with this address");
        }

        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO app_user (workspace_id, email, password_hash, role, team, created_at) VALUES (@workspaceId, @email, @passwordHash, @role, @team, @now) RETURNING id",
            new { workspaceId, email = normalised, passwordHash, role, team = string.IsNullOrWhiteSpace(team) ? null : team.Trim(), now = Now() },
            cancellationToken: cancellation));
    }

    /// <summary>How many of the latest rows <see cref="RecentCommentTeamsAsync"/> reads.</summary>
    public const int RecentRows = 20_000;

    /// <summary>
    /// The teams the customer comments among the latest <see cref="RecentRows"/> feedback rows carry (a frontline user
    /// sees only their team's). The latest by id, a range of the key: no index holds comments by team, and reading
    /// every comment to learn whether a team has any took 7.5 s on a million rows read from disk.
    /// </summary>
    public async Task<IReadOnlyList<string>> RecentCommentTeamsAsync(CancellationToken cancellation = default) =>
        [.. await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT team FROM feedback
            WHERE id > (SELECT coalesce(max(id), 0) FROM feedback) - @recent
              AND workspace_id = @workspaceId AND subject = 'customer' AND text IS NOT NULL AND team IS NOT NULL
            ORDER BY team
            """, new { workspaceId, recent = RecentRows }, cancellationToken: cancellation))];

    public async Task<UserRecord?> FindUserAsync(string email, CancellationToken cancellation = default) =>
        (await QueryUsersAsync("AND email = @email", new { workspaceId, email = NormaliseEmail(email) }, cancellation)) is [var first, ..] ? first : null;

    public async Task<UserRecord?> FindUserAsync(long id, CancellationToken cancellation = default) =>
        (await QueryUsersAsync("AND id = @id", new { workspaceId, id }, cancellation)) is [var first, ..] ? first : null;

    public Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellation = default) =>
        QueryUsersAsync("", new { workspaceId }, cancellation);

    public async Task<bool> UpdateUserAsync(long id, string role, string? team, CancellationToken cancellation = default) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE app_user SET role = @role, team = @team WHERE workspace_id = @workspaceId AND id = @id",
            new { workspaceId, id, role, team = string.IsNullOrWhiteSpace(team) ? null : team.Trim() }, cancellationToken: cancellation)) == 1;

    public async Task<bool> SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellation = default) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE app_user SET password_hash = @passwordHash WHERE workspace_id = @workspaceId AND id = @id",
            new { workspaceId, id, passwordHash }, cancellationToken: cancellation)) == 1;

    public async Task<bool> DeleteUserAsync(long id, CancellationToken cancellation = default) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM app_user WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, cancellationToken: cancellation)) == 1;

    /// <summary>
    /// Records a sign-in's time, waiting at most about <paramref name="wait"/> for a writer to let go of a SQLite
    /// workspace; false when it could not. A sign-in is not held up by it: while an import from the page wrote a large
    /// batch, signing in waited for the workspace's busy timeout (60 s) and then failed.
    /// </summary>
    public async Task<bool> TryRecordLoginAsync(long id, TimeSpan wait, CancellationToken cancellation = default)
    {
        bool sqlite = dialect == StoreDialect.Sqlite;
        if (sqlite)
        {
            await connection.ExecuteAsync($"PRAGMA busy_timeout={(int)wait.TotalMilliseconds}");
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE app_user SET last_login_at = @now WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id, now = Now() },
                commandTimeout: (int)Math.Ceiling(wait.TotalSeconds), cancellationToken: cancellation));
            return true;
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (exception.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return false;
        }
        finally
        {
            if (sqlite)
            {
                await connection.ExecuteAsync($"PRAGMA busy_timeout={Workspace.SqliteBusyMilliseconds}");
            }
        }
    }

    public async Task<long> AddApiKeyAsync(string name, string prefix, string keyHash, string scope, CancellationToken cancellation = default) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO api_key (workspace_id, name, prefix, key_hash, scope, created_at) VALUES (@workspaceId, @name, @prefix, @keyHash, @scope, @now) RETURNING id",
            new { workspaceId, name, prefix, keyHash, scope, now = Now() }, cancellationToken: cancellation));

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string prefix, CancellationToken cancellation = default) =>
        (await QueryKeysAsync("AND prefix = @prefix", new { workspaceId, prefix }, cancellation)) is [var first, ..] ? first : null;

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellation = default) =>
        QueryKeysAsync("", new { workspaceId }, cancellation);

    public async Task<bool> RevokeApiKeyAsync(long id, CancellationToken cancellation = default) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_key SET revoked_at = @now WHERE workspace_id = @workspaceId AND id = @id AND revoked_at IS NULL",
            new { workspaceId, id, now = Now() }, cancellationToken: cancellation)) == 1;

    public Task TouchApiKeyAsync(long id, CancellationToken cancellation = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_key SET last_used_at = @now WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id, now = Now() }, cancellationToken: cancellation));

    public async Task<string?> GetSettingAsync(string name, CancellationToken cancellation = default) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM workspace_setting WHERE workspace_id = @workspaceId AND name = @name", new { workspaceId, name }, cancellationToken: cancellation));

    public Task SetSettingAsync(string name, string value, CancellationToken cancellation = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO workspace_setting (workspace_id, name, value) VALUES (@workspaceId, @name, @value) ON CONFLICT (workspace_id, name) DO UPDATE SET value = excluded.value",
            new { workspaceId, name, value }, cancellationToken: cancellation));

    public async Task<IReadOnlyList<string>> ReadDataProtectionKeysAsync(CancellationToken cancellation = default) =>
        [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT xml FROM data_protection_key ORDER BY created_at, name", cancellationToken: cancellation))];

    public Task StoreDataProtectionKeyAsync(string name, string xml, CancellationToken cancellation = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO data_protection_key (name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml",
            new { name, xml, now = Now() }, cancellationToken: cancellation));

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    private object Now() => dialect == StoreDialect.Sqlite ? StoreTime.Text(DateTimeOffset.UtcNow) : DateTimeOffset.UtcNow;

    private async Task<IReadOnlyList<UserRecord>> QueryUsersAsync(string where, object parameters, CancellationToken cancellation)
    {
        var rows = await connection.QueryAsync<(long Id, string Email, string PasswordHash, string Role, string? Team, object CreatedAt, object? LastLoginAt)>(new CommandDefinition(
            $"SELECT id, email, password_hash, role, team, created_at, last_login_at FROM app_user WHERE workspace_id = @workspaceId {where} ORDER BY email",
            parameters, cancellationToken: cancellation));
        return [.. rows.Select(r => new UserRecord(r.Id, r.Email, r.PasswordHash, r.Role, r.Team, Time(r.CreatedAt)!.Value, Time(r.LastLoginAt)))];
    }

    private async Task<IReadOnlyList<ApiKeyRecord>> QueryKeysAsync(string where, object parameters, CancellationToken cancellation)
    {
        var rows = await connection.QueryAsync<(long Id, string Name, string Prefix, string KeyHash, string Scope, object CreatedAt, object? RevokedAt, object? LastUsedAt)>(new CommandDefinition(
            $"SELECT id, name, prefix, key_hash, scope, created_at, revoked_at, last_used_at FROM api_key WHERE workspace_id = @workspaceId {where} ORDER BY created_at, id",
            parameters, cancellationToken: cancellation));
        return [.. rows.Select(r => new ApiKeyRecord(r.Id, r.Name, r.Prefix, r.KeyHash, r.Scope, Time(r.CreatedAt)!.Value, Time(r.RevokedAt), Time(r.LastUsedAt)))];
    }

    /// <summary>SQLite hands back the stored text, PostgreSQL a DateTime (UTC).</summary>
    private static DateTimeOffset? Time(object? value) => value switch
    {
        null or DBNull => null,
        string text => StoreTime.Parse(text),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => throw new InvalidCastException($"unexpected time value {value.GetType().Name}"),
    };
}
