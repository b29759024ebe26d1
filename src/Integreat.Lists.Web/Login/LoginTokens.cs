using System.Security.Cryptography;
using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;

namespace Integreat.Lists.Web.Login;

/// <summary>Issues and redeems single-use sign-in tokens: 256 random bits as 64 lower-case hex digits, stored only
/// as their SHA-256 (in the pending request store, action <see cref="PendingAction.Login"/>), valid until they expire.</summary>
/// <remarks>A sign-in token is longer than a confirmation token (40 digits), so it can never be redeemed as one.</remarks>
public sealed class LoginTokens(IPendingRequestStore store, TimeProvider time)
{
    const int TokenBytes = 32;

    /// <summary>Creates a token for <paramref name="address"/> that returns to <paramref name="returnPath"/>.</summary>
    /// <returns>The token, to be mailed and then forgotten.</returns>
    public string Issue(string address, string returnPath, TimeSpan lifetime)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow().UtcDateTime;
        store.RemoveExpired(now);
        store.Save(new PendingRequest
        {
            Id = Hash(token), List = "", Address = address, Action = PendingAction.Login, Commands = [returnPath],
            CreatedUtc = now, ExpiresUtc = now + lifetime,
        });
        return token;
    }

    /// <summary>The valid, unused request of <paramref name="token"/>, without using it up (for the confirm page).</summary>
    public PendingRequest? Find(string token) => Take(token, remove: false);

    /// <summary>Uses <paramref name="token"/> up: at most once, and only before it expires.</summary>
    /// <returns>The request (address and return path), or null.</returns>
    public PendingRequest? Redeem(string token) => Take(token, remove: true);

    PendingRequest? Take(string token, bool remove)
    {
        if (token.Length != TokenBytes * 2 || !token.All(char.IsAsciiHexDigitLower)) return null;
        var hash = Hash(token);
        var request = store.Find(hash);
        if (request is null || request.Action != PendingAction.Login) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(request.Id), Encoding.ASCII.GetBytes(hash))) return null;
        if (time.GetUtcNow().UtcDateTime >= request.ExpiresUtc) return null;
        if (remove && !store.Remove(request.Id)) return null;
        return request;
    }

    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
