using System.Security.Cryptography;

namespace Evident.Web.Security;

/// <summary>
/// While a workspace has no user, the one-time setup page creates the first admin, but only for whoever holds this
/// token, which the server prints at start (like a notebook server's token): reaching the port is not enough.
/// </summary>
public sealed class SetupToken
{
    public string Value { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(Value));
}
