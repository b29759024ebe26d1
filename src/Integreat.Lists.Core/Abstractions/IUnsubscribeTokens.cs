namespace Integreat.Lists.Core.Abstractions;

/// <summary>The per-member tokens of one-click unsubscribe links (RFC 8058, <c>/u/{token}</c>).</summary>
/// <remarks>A token names one list and one member address; it is unguessable and cannot be forged, and reading it
/// needs no lookup in the store (the fan-out writes nothing per recipient).</remarks>
public interface IUnsubscribeTokens
{
    /// <summary>The token of <paramref name="address"/> on <paramref name="list"/>: URL-safe (base64url), the same
    /// for the same pair while the key is unchanged.</summary>
    /// <param name="list">The list's posting address.</param>
    /// <param name="address">The member's normalised address.</param>
    string Issue(string list, string address);

    /// <summary>The list and address a token names, or null when the token is malformed, forged or made with
    /// another key.</summary>
    (string List, string Address)? Read(string token);
}
