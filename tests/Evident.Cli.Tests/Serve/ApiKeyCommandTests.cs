using Evident.Cli.Tests.Analyze;
using Evident.Store;
using Evident.Store.Access;
using Evident.Web.Security;

namespace Evident.Cli.Tests.Serve;

/// <summary><c>evident apikey add | list | revoke</c>: a key made, listed by how it starts, and revoked from the command line.</summary>
public sealed class ApiKeyCommandTests
{
    [Fact]
    public async Task A_key_is_listed_by_how_it_starts_and_revoked_by_that_prefix()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        var added = await CommandRunner.RunAsync(null, "apikey", "add", "  crm sync ", "--scope", "write", "--db", db);
        string key = added.Stdout.Trim();
        string prefix = key[..ApiKeys.PrefixLength];

        var listed = await CommandRunner.RunAsync(null, "apikey", "list", "--db", db);
        var revoked = await CommandRunner.RunAsync(null, "apikey", "revoke", prefix + "…", "--db", db);
        var again = await CommandRunner.RunAsync(null, "apikey", "revoke", key, "--db", db);
        var unknown = await CommandRunner.RunAsync(null, "apikey", "revoke", "evk_nosuchkey", "--db", db);

        Assert.Equal(0, added.ExitCode);
        Assert.StartsWith($"crm sync\t{prefix}…\twrite\t", listed.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\tnever used\tactive\n", listed.Stdout, StringComparison.Ordinal);
        Assert.Equal((0, $"revoked {prefix}… (crm sync): it no longer opens anything\n"), (revoked.ExitCode, revoked.Stderr));
        Assert.Equal((0, $"{prefix}… (crm sync) was revoked already\n"), (again.ExitCode, again.Stderr));
        Assert.Equal(ExitCodes.UsageOrInput, unknown.ExitCode);
        Assert.Contains("no API key starts evk_nosuchkey", unknown.Stderr, StringComparison.Ordinal);
        await using var workspace = await Workspace.OpenAsync(StoreLocation.Resolve(db));
        var stored = Assert.Single(await new AccessStore(workspace).ListApiKeysAsync());
        Assert.NotNull(stored.RevokedAt);
        Assert.Equal(ApiKeys.HashOf(key), stored.KeyHash);
    }

    [Fact]
    public async Task Empty_lists_say_how_to_make_the_first_one()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(null, "init", "--db", db)).ExitCode);

        var keys = await CommandRunner.RunAsync(null, "apikey", "list", "--db", db);
        var users = await CommandRunner.RunAsync(null, "user", "list", "--db", db);

        Assert.Equal((0, "", "no API key yet: make one with `evident apikey add NAME --scope read|write`\n"), (keys.ExitCode, keys.Stdout, keys.Stderr));
        Assert.Equal((0, ""), (users.ExitCode, users.Stdout));
        Assert.Contains("no user yet: add the first admin with `evident user add EMAIL --role admin`", users.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_a_name_is_refused()
    {
        using var folder = new TempFolder();
        string db = Path.Combine(folder.Path, "w.db");

        var result = await CommandRunner.RunAsync(null, "apikey", "add", " ", "--scope", "read", "--db", db);

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("error: name the key", result.Stderr, StringComparison.Ordinal);
    }
}
