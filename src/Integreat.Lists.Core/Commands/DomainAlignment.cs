namespace Integreat.Lists.Core.Commands;

/// <summary>Whether a DKIM signing domain (<c>header.d</c>) is aligned with the From: domain for admin mode (b).</summary>
/// <remarks>The rule: the two domains are equal, or one is a parent of the other by whole labels, and the shorter
/// one has at least two labels. So <c>kreis-xy.de</c> aligns with <c>mail.kreis-xy.de</c> and the other way round,
/// but <c>evil.co.uk</c> never aligns with <c>victim.co.uk</c>, and <c>de</c> aligns with nothing. This is stricter
/// than DMARC's relaxed alignment (RFC 7489 §3.1.1, organisational domains from the Public Suffix List): two sibling
/// sub-domains (<c>a.stadt.de</c>, <c>b.stadt.de</c>) do not align. No Public Suffix List is needed, because a
/// parent can only sign if it holds its own DKIM key, and nobody holds one for a public suffix such as <c>co.uk</c>;
/// a list owner whose address sits directly at a public suffix does not exist in practice.</remarks>
public static class DomainAlignment
{
    /// <summary>True when <paramref name="signingDomain"/> is aligned with <paramref name="fromDomain"/> (ASCII or
    /// IDN A-labels, any case, an optional trailing dot).</summary>
    public static bool IsAligned(string signingDomain, string fromDomain)
    {
        var d = Normalise(signingDomain);
        var from = Normalise(fromDomain);
        if (d.Length == 0 || from.Length == 0) return false;
        var (shorter, longer) = d.Length <= from.Length ? (d, from) : (from, d);
        if (shorter.Split('.').Length < 2) return false;
        return longer == shorter || longer.EndsWith("." + shorter, StringComparison.Ordinal);
    }

    static string Normalise(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
