using System.Security.Cryptography;
using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Api;

/// <summary>Creating, checking and revoking REST API tokens. The bearer string is <c>ilt_ID_SECRET</c>: the id finds
/// the record, the secret (256 random bits, base64url) is compared by its SHA-256 in fixed time. Only the hash is
/// stored; the bearer string is shown once, at creation.</summary>
public sealed class ApiTokens(IApiTokenStore store, IAuditLog audit, TimeProvider time)
{
    const string Prefix = "ilt_";

    /// <summary>Makes a token; audited on its list (or <c>*</c> for a site-wide token) with channel <c>cli</c>.</summary>
    /// <param name="name">A name for people, or empty.</param>
    /// <param name="list">The list's posting address (normalised by the caller), or empty for every list.</param>
    /// <returns>The record and the bearer string, which cannot be recovered later.</returns>
    public (ApiToken Token, string Bearer) Create(string name, string list)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)), Name = name.Trim(), List = list,
            SecretHash = Hash(secret), CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        store.Save(token);
        Audit(token, "api-token create " + token.Id, "created");
        return (token, $"{Prefix}{token.Id}_{secret}");
    }

    /// <summary>The token a bearer string stands for, or null when it is malformed, unknown or its secret is wrong.</summary>
    public ApiToken? Authenticate(string bearer)
    {
        if (!bearer.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = bearer[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || store.Find(parts[0]) is not { } token) return null;
        var presented = Encoding.ASCII.GetBytes(Hash(parts[1]));
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(token.SecretHash)) ? token : null;
    }

    /// <summary>Every token, oldest first (no secrets: they are not kept).</summary>
    public IReadOnlyList<ApiToken> All() => store.All();

    /// <summary>Deletes a token; requests with it fail from then on. Audited with channel <c>cli</c>.</summary>
    /// <returns>False when there is no such token.</returns>
    public bool Revoke(string id)
    {
        if (store.Find(id.Trim()) is not { } token || !store.Remove(token.Id)) return false;
        Audit(token, "api-token revoke " + token.Id, "revoked");
        return true;
    }

    void Audit(ApiToken token, string command, string result)
        => audit.Add(AuditEntry.Create(token.List.Length == 0 ? "*" : token.List, time.GetUtcNow().UtcDateTime, "cli", "cli", command, result));

    static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
