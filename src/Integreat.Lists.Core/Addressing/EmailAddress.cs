using MimeKit;

namespace Integreat.Lists.Core.Addressing;

/// <summary>Parsing and normalisation of addr-specs (RFC 5322 §3.4.1) for rosters and envelopes.</summary>
public static class EmailAddress
{
    static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>The comparison form of an address: trimmed and lower-cased (invariant culture).</summary>
    /// <remarks>RFC 5321 §2.4 lets a host treat local parts case-sensitively, but no provider our users
    /// use does, and Mailman compares case-insensitively too.</remarks>
    public static string Normalise(string address) => address.Trim().Trim('<', '>').ToLowerInvariant();

    /// <summary>Parses one strict addr-spec (no display name, a domain with a dot, no whitespace).</summary>
    /// <param name="text">The candidate, e.g. <c>erika@example.org</c>.</param>
    /// <param name="normalised">The normalised address when valid.</param>
    /// <returns>True when <paramref name="text"/> is a usable member address.</returns>
    public static bool TryParse(string? text, out string normalised)
    {
        normalised = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (trimmed.Any(char.IsWhiteSpace) || trimmed.Contains('<') || trimmed.Contains('>')) return false;
        // MimeKit drops a trailing dot and accepts comments; neither belongs in a roster address.
        if (trimmed.EndsWith('.') || trimmed.Contains('(') || trimmed.Contains('"') || trimmed.Contains('[')) return false;
        // Without SMTPUTF8 (RFC 6531) end to end, a non-ASCII address can neither be delivered to nor bounce back.
        if (!trimmed.All(char.IsAscii)) return false;
        if (!MailboxAddress.TryParse(Strict, trimmed, out var mailbox)) return false;
        // MimeKit turns an IDN domain in ACE form (xn--…, RFC 5891) into Unicode; a roster keeps the ASCII form that
        // envelopes and DNS use, so municipalities with umlaut domains can be members.
        var address = mailbox.GetAddress(idnEncode: true);
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return false;
        var domain = address[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        // RFC 5321 §4.5.3.1: a server may refuse anything longer, and a bounce for such an address never returns.
        if (at > MaxLocalPart || address.Length > MaxAddress) return false;
        if (!domain.Split('.').All(IsHostLabel)) return false;
        normalised = Normalise(address);
        return true;
    }

    /// <summary>The longest local part, in octets (RFC 5321 §4.5.3.1.1).</summary>
    public const int MaxLocalPart = 64;

    /// <summary>The longest address, in octets: a 256-octet path (RFC 5321 §4.5.3.1.3) less its angle brackets.</summary>
    public const int MaxAddress = 254;

    /// <summary>The longest domain label, in octets (RFC 1035 §2.3.4).</summary>
    const int MaxLabel = 63;

    /// <summary>A host name label (RFC 1123 §2.1, RFC 5321 §4.1.2 <c>sub-domain</c>): letters, digits and
    /// hyphens, neither first nor last a hyphen, 1 to 63 octets.</summary>
    static bool IsHostLabel(string label)
        => label.Length is > 0 and <= MaxLabel && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The domain of an address (after the last '@'), lower-cased; empty when there is none.</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].ToLowerInvariant();
    }
}
