using System.Security.Cryptography;
using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Commands;

/// <summary>Issues and redeems single-use confirmation tokens: 160 random bits, shown as 40 lower-case hex
/// digits (an e-mail local part is case-insensitive in practice), stored only as their SHA-256.</summary>
public sealed class ConfirmationTokens(IPendingRequestStore store, IOptions<CommandOptions> options, TimeProvider time)
{
    const int TokenBytes = 20;

    /// <summary>Creates a token for <paramref name="action"/> on (<paramref name="list"/>, <paramref name="address"/>).</summary>
    /// <returns>The token, to be mailed to <paramref name="address"/> and then forgotten.</returns>
    /// <param name="list">The list.</param>
    /// <param name="address">The address concerned; the token is mailed there.</param>
    /// <param name="action">What the confirmation does.</param>
    /// <param name="commands">For <see cref="PendingAction.Admin"/>: the command lines to run; for
    /// <see cref="PendingAction.Moderation"/>: the held post's id, then its Subject.</param>
    /// <param name="lifetime">How long the token is valid; default <see cref="CommandOptions.ConfirmationLifetime"/>.</param>
    public string Issue(string list, string address, PendingAction action, IReadOnlyList<string>? commands = null,
        TimeSpan? lifetime = null)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow().UtcDateTime;
        // Tokens nobody answers would stay for ever; issuing is rare enough to sweep them here.
        store.RemoveExpired(now);
        store.Save(new PendingRequest
        {
            Id = Convert.ToHexStringLower(Hash(token)), List = list, Address = address, Action = action,
            Commands = commands?.ToList() ?? [], CreatedUtc = now, ExpiresUtc = now + (lifetime ?? options.Value.ConfirmationLifetime),
        });
        return token;
    }

    /// <summary>Redeems <paramref name="token"/> for <paramref name="list"/>: at most once, and only before it expires.</summary>
    /// <returns>The request, or null when the token is unknown, used, expired or for another list.</returns>
    /// <remarks>A moderation token is never redeemed here (<see cref="FindModeration"/> reads it; it lasts as long as
    /// its hold), so a token for a held post can never subscribe anybody.</remarks>
    public PendingRequest? Redeem(string list, string token)
        => Take(list, token, a => a is not (PendingAction.Approval or PendingAction.Moderation), remove: true);

    /// <summary>The valid moderation request of <paramref name="token"/> on <paramref name="list"/>; it is not used up
    /// (the hold it names is decided only once), and expires with the hold.</summary>
    /// <returns>The request (its <see cref="PendingRequest.Commands"/> hold the held post's id, then its Subject), or null.</returns>
    public PendingRequest? FindModeration(string list, string token)
        => Take(list, token, a => a == PendingAction.Moderation, remove: false);

    PendingRequest? Take(string list, string token, Func<PendingAction, bool> kind, bool remove)
    {
        var normalised = token.Trim().ToLowerInvariant();
        if (normalised.Length != TokenBytes * 2 || !normalised.All(char.IsAsciiHexDigitLower))
            return null;
        var hash = Hash(normalised);
        var request = store.Find(Convert.ToHexStringLower(hash));
        if (request is null || !kind(request.Action)) return null;
        // The lookup is by hash; comparing the hash again in constant time keeps any timing difference away
        // from the secret, whatever the storage engine's index does.
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(request.Id), hash)) return null;
        if (remove && !store.Remove(request.Id)) return null;
        if (request.List != list || time.GetUtcNow().UtcDateTime >= request.ExpiresUtc) return null;
        return request;
    }

    static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
