namespace Integreat.Lists.Core.Addressing;

/// <summary>Variable envelope return paths: the recipient encoded in the envelope sender,
/// <c>LIST-bounces+LOCAL=DOMAIN@LISTDOMAIN</c> (Postfix VERP_README; Mailman <c>verp_format</c>).</summary>
public static class VerpAddress
{
    /// <summary>Encodes <paramref name="recipient"/> into the bounces address.</summary>
    /// <param name="bouncesAddress">The list's bounces address, e.g. <c>bayern-bounces@lists.integreat.example</c>.</param>
    /// <param name="recipient">The member address, e.g. <c>erika@example.org</c>.</param>
    /// <returns><c>bayern-bounces+erika=example.org@lists.integreat.example</c>.</returns>
    /// <remarks>The 64-octet local-part limit (RFC 5321 §4.5.3.1.1) and odd local parts are handled by the
    /// bounce issue; until then a recipient that would break the limit gets the plain bounces address.</remarks>
    public static string Encode(string bouncesAddress, string recipient)
    {
        var at = bouncesAddress.LastIndexOf('@');
        var rat = recipient.LastIndexOf('@');
        if (at < 0 || rat < 0) return bouncesAddress;
        var local = $"{bouncesAddress[..at]}+{recipient[..rat]}={recipient[(rat + 1)..]}";
        if (local.Length > 64 || recipient.Contains('"') || recipient[..rat].Contains('@')) return bouncesAddress;
        return local + bouncesAddress[at..];
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
