using System.Security.Cryptography;
using System.Text;

namespace Integreat.Lists.Core.Addressing;

/// <summary>Variable envelope return paths: the recipient encoded in the envelope sender,
/// <c>LIST-bounces+LOCAL=DOMAIN@LISTDOMAIN</c> (Postfix VERP_README; Mailman <c>verp_format</c>).</summary>
public static class VerpAddress
{
    /// <summary>Encodes <paramref name="recipient"/> into the bounces address.</summary>
    /// <param name="bouncesAddress">The list's bounces address, e.g. <c>bayern-bounces@lists.integreat.example</c>.</param>
    /// <param name="recipient">The member address, e.g. <c>erika@example.org</c>.</param>
    /// <returns><c>bayern-bounces+erika=example.org@lists.integreat.example</c>; when that local part would pass the
    /// 64-octet limit (RFC 5321 §4.5.3.1.1) or the recipient's local part is quoted or holds an '@', the short token
    /// form <c>bayern-bounces+t-TOKEN@…</c> (<see cref="TokenOf"/>); the plain bounces address only when even that is
    /// too long.</returns>
    public static string Encode(string bouncesAddress, string recipient)
    {
        var at = bouncesAddress.LastIndexOf('@');
        var rat = recipient.LastIndexOf('@');
        if (at < 0 || rat < 0) return bouncesAddress;
        var local = $"{bouncesAddress[..at]}+{recipient[..rat]}={recipient[(rat + 1)..]}";
        if (local.Length <= 64 && !recipient.Contains('"') && !recipient[..rat].Contains('@')) return local + bouncesAddress[at..];
        var tokenLocal = $"{bouncesAddress[..at]}+{TokenPrefix}{TokenOf(recipient)}";
        return tokenLocal.Length <= 64 ? tokenLocal + bouncesAddress[at..] : bouncesAddress;
    }

    /// <summary>What starts a token tag (no '=' in it, so it never decodes as a <c>LOCAL=DOMAIN</c> tag).</summary>
    public const string TokenPrefix = "t-";

    /// <summary>The short token that stands for <paramref name="recipient"/> in a VERP address too long for its
    /// recipient: 16 base-32 characters (80 bits) of the SHA-256 of the normalised address, the same on every
    /// delivery, so a bounce is matched by hashing the roster rather than by a stored table.</summary>
    public static string TokenOf(string recipient)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddress.Normalise(recipient)));
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var token = new StringBuilder(16);
        for (var i = 0; i < 16; i++)
        {
            var bit = i * 5;
            var value = ((hash[bit / 8] << 8 | hash[bit / 8 + 1]) >> (11 - bit % 8)) & 31;
            token.Append(alphabet[value]);
        }
        return token.ToString();
    }

    /// <summary>Reads a token tag (<c>t-TOKEN</c>) produced by <see cref="Encode"/>.</summary>
    /// <returns>False when <paramref name="tag"/> is no token tag.</returns>
    public static bool TryToken(string tag, out string token)
    {
        token = tag.StartsWith(TokenPrefix, StringComparison.OrdinalIgnoreCase) && tag.Length == TokenPrefix.Length + 16
            ? tag[TokenPrefix.Length..].ToLowerInvariant() : "";
        return token.Length > 0;
    }

    /// <summary>Decodes a tag produced by <see cref="Encode"/> (the part after '+').</summary>
    /// <param name="tag">e.g. <c>erika=example.org</c>.</param>
    /// <param name="recipient">The decoded address, e.g. <c>erika@example.org</c>.</param>
    /// <returns>False when the tag is not a VERP tag.</returns>
    public static bool TryDecode(string tag, out string recipient)
    {
        recipient = "";
        var eq = tag.LastIndexOf('=');
        if (eq <= 0 || eq == tag.Length - 1) return false;
        recipient = tag[..eq] + "@" + tag[(eq + 1)..];
        return true;
    }
}
