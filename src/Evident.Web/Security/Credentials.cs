using System.Security.Cryptography;
using Evident.Store.Access;
using Microsoft.AspNetCore.Identity;

namespace Evident.Web.Security;

/// <summary>Passwords: ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, 100,000 iterations, salted).</summary>
public static class Passwords
{
    public const int MinimumLength = 10;

    private static readonly PasswordHasher<UserRecord> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// A short fingerprint of a stored password hash, carried by a session's cookie: when the password is set anew
    /// (<c>evident user password</c>), the sessions signed in before no longer match and are ended. The cookie is
    /// encrypted besides; the fingerprint of a salted hash tells nothing of the password.
    /// </summary>
    public static string Stamp(string passwordHash) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(passwordHash)))[..16];

    /// <summary>Why a new password is refused, or null when it is acceptable.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "a password is required"
        : password.Length < MinimumLength ? $"a password needs at least {MinimumLength} characters"
        : null;

    /// <summary>A password for a generated account (the demo's first login): 16 letters and digits.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }
}

/// <summary>
/// API keys: <c>evk_</c> and 43 characters of base64url (32 random bytes). The first 12 characters are the key's
/// prefix, stored in clear to find it and to name it in lists; the whole key is stored only as its SHA-256.
/// </summary>
public static class ApiKeys
{
    public const string Marker = "evk_";
    public const int PrefixLength = 12;
    public static readonly string[] Scopes = ["read", "write"];

    public static (string Key, string Prefix, string Hash) Create()
    {
        string key = Marker + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, key[..PrefixLength], HashOf(key));
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(HashOf(key)), System.Text.Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
