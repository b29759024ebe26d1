using Integreat.Lists.Core.Addressing;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The member a bounce was sent for, read from the envelope recipient it came back to:
/// <c>LIST-bounces+LOCAL=DOMAIN@LISTDOMAIN</c> (VERP; Postfix VERP_README, Mailman <c>StandardVERP</c>).</summary>
/// <remarks>The VERP address is what the list itself put on the envelope, so it identifies the member even when the
/// report names a forwarded, rewritten or unrecognisable address; it therefore wins over what parsing found.</remarks>
public static class VerpBounce
{
    const string BouncesTag = "-bounces+";

    /// <summary>Decodes the member from <paramref name="envelopeRecipient"/>.</summary>
    /// <param name="envelopeRecipient">The SMTP RCPT TO of the bounce, e.g.
    /// <c>bayern-bounces+erika=example.org@lists.integreat.example</c>; may be null.</param>
    /// <param name="member">The member, lower-cased, e.g. <c>erika@example.org</c>; empty when false is returned.</param>
    /// <returns>False when the address is not a list's bounces address with a VERP tag.</returns>
    public static bool TryMember(string? envelopeRecipient, out string member)
    {
        member = "";
        if (string.IsNullOrWhiteSpace(envelopeRecipient)) return false;
        var local = AddressText.LocalPart(envelopeRecipient.Trim().Trim('<', '>'));
        var tagAt = local.IndexOf(BouncesTag, StringComparison.OrdinalIgnoreCase);
        if (tagAt <= 0 || !VerpAddress.TryDecode(local[(tagAt + BouncesTag.Length)..], out var decoded)) return false;
        member = decoded.ToLowerInvariant();
        return true;
    }

    /// <summary>Resolves the short token form <c>LIST-bounces+t-TOKEN@</c> (<see cref="VerpAddress.TokenOf"/>, used
    /// when the member's address does not fit the 64-octet local part) against <paramref name="roster"/>.</summary>
    /// <param name="envelopeRecipient">The SMTP RCPT TO of the bounce; may be null.</param>
    /// <param name="roster">The addresses on the list's roster.</param>
    /// <param name="member">The roster address whose token it is; empty when false is returned.</param>
    /// <returns>False when the address carries no token or no roster address has it.</returns>
    public static bool TryTokenMember(string? envelopeRecipient, IEnumerable<string> roster, out string member)
        => TryTokenMember(envelopeRecipient, () => roster, out member);

    /// <summary>As <see cref="TryTokenMember(string?, IEnumerable{string}, out string)"/>, reading the roster only when
    /// the address carries a token (a whole roster is a store round trip, and most bounces carry a LOCAL=DOMAIN tag).</summary>
    public static bool TryTokenMember(string? envelopeRecipient, Func<IEnumerable<string>> roster, out string member)
    {
        member = "";
        if (string.IsNullOrWhiteSpace(envelopeRecipient)) return false;
        var local = AddressText.LocalPart(envelopeRecipient.Trim().Trim('<', '>'));
        var tagAt = local.IndexOf(BouncesTag, StringComparison.OrdinalIgnoreCase);
        if (tagAt <= 0 || !VerpAddress.TryToken(local[(tagAt + BouncesTag.Length)..], out var token)) return false;
        member = roster().FirstOrDefault(a => VerpAddress.TokenOf(a) == token) ?? "";
        return member.Length > 0;
    }

    /// <summary>The envelope recipient with a token tag replaced by the <c>LOCAL=DOMAIN</c> tag of the member it stands
    /// for, so that <see cref="TryMember"/> and <see cref="BounceParser"/> see the member; otherwise unchanged.</summary>
    public static string WithTokenResolved(string envelopeRecipient, IEnumerable<string> roster)
        => WithTokenResolved(envelopeRecipient, () => roster);

    /// <summary>As <see cref="WithTokenResolved(string, IEnumerable{string})"/>, reading the roster only for a token.</summary>
    public static string WithTokenResolved(string envelopeRecipient, Func<IEnumerable<string>> roster)
    {
        if (!TryTokenMember(envelopeRecipient, roster, out var member)) return envelopeRecipient;
        var bare = envelopeRecipient.Trim().Trim('<', '>');
        var local = AddressText.LocalPart(bare);
        var prefix = local[..(local.IndexOf(BouncesTag, StringComparison.OrdinalIgnoreCase) + BouncesTag.Length)];
        var at = member.LastIndexOf('@');
        return $"{prefix}{member[..at]}={member[(at + 1)..]}@{AddressText.Domain(bare)}";
    }
}
