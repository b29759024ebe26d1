using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Storage;

/// <summary>One-click unsubscribe tokens as sealed boxes: the list and the address, encrypted and authenticated with
/// AES-256-GCM under a key kept in the storage directory (<c>keys/unsubscribe.key</c>, 64 random bytes, mode 0600, made on
/// first use).</summary>
/// <remarks>Why sealed and not stored: the fan-out of a post to 10,000 members then writes nothing per recipient,
/// members subscribed before one-click existed get a link without a migration, and <c>person forget</c> leaves no
/// token behind. Revocation: a member's link stops working when the member leaves; deleting the key file revokes
/// every link at once. The nonce is an HMAC of the plaintext (a deterministic, SIV-like construction), so the same
/// member gets the same link in every post and two different plaintexts never share a nonce.</remarks>
public sealed class SealedUnsubscribeTokens(string keyPath) : IUnsubscribeTokens
{
    const int NonceBytes = 12, TagBytes = 16;
    readonly Lazy<byte[]> _key = new(() => KeyFile.LoadOrCreate(keyPath, 64));

    /// <inheritdoc/>
    public string Issue(string list, string address)
    {
        var plain = Encoding.UTF8.GetBytes(list.ToLowerInvariant() + "\n" + address);
        var key = _key.Value;
        var nonce = HMACSHA256.HashData(key.AsSpan(32), plain).AsSpan(0, NonceBytes).ToArray();
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        nonce.CopyTo(sealedBytes, 0);
        using var aes = new AesGcm(key.AsSpan(0, 32), TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <inheritdoc/>
    public (string List, string Address)? Read(string token)
    {
        if (token.Length is 0 or > 2048) return null;
        byte[] sealedBytes;
        try { sealedBytes = Base64Url.DecodeFromChars(token); }
        catch (FormatException) { return null; }
        if (sealedBytes.Length <= NonceBytes + TagBytes) return null;
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key.Value.AsSpan(0, 32), TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length),
                sealedBytes.AsSpan(NonceBytes + plain.Length), plain);
        }
        catch (AuthenticationTagMismatchException) { return null; }
        var parts = Encoding.UTF8.GetString(plain).Split('\n');
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }
}
