using System.Globalization;

namespace Integreat.Lists.Core.Dmarc;

/// <summary>One parsed DMARC policy record (RFC 7489 §6.3 tags, §6.4 grammar).</summary>
/// <param name="Policy">Tag <c>p</c>: the policy for the domain itself (required).</param>
/// <param name="SubdomainPolicy">Tag <c>sp</c>: the policy for subdomains when the record was found at the
/// organisational domain; null when absent (then <paramref name="Policy"/> applies).</param>
/// <param name="DkimAlignment">Tag <c>adkim</c>; default relaxed.</param>
/// <param name="SpfAlignment">Tag <c>aspf</c>; default relaxed.</param>
/// <param name="Percent">Tag <c>pct</c>: the share of failing mail the policy applies to, 0–100; default 100.</param>
public sealed record DmarcRecord(DmarcPolicy Policy, DmarcPolicy? SubdomainPolicy, DmarcAlignment DkimAlignment,
    DmarcAlignment SpfAlignment, int Percent)
{
    /// <summary>True when <paramref name="text"/> starts with the version tag <c>v=DMARC1</c> (RFC 7489 §6.3: it must
    /// be the first tag and match exactly; other TXT records at <c>_dmarc</c> are ignored).</summary>
    public static bool IsDmarcRecord(string text)
    {
        var first = text.Split(';', 2)[0].Split('=', 2);
        return first.Length == 2 && first[0].Trim() == "v" && first[1].Trim() == "DMARC1";
    }

    /// <summary>Parses a record that <see cref="IsDmarcRecord"/> accepted.</summary>
    /// <returns>The record, or null when <c>p</c> is missing or invalid or <c>sp</c> is invalid (RFC 7489 §6.6.3:
    /// no DMARC processing then). Unknown tags and invalid optional values fall back to the defaults (§6.3: "syntax
    /// errors in the remainder of the record SHOULD be discarded in favor of default values").</returns>
    public static DmarcRecord? Parse(string text)
    {
        if (!IsDmarcRecord(text)) return null;
        var tags = Tags(text);
        if (!tags.TryGetValue("p", out var p) || ParsePolicy(p) is not { } policy) return null;
        DmarcPolicy? subdomain = null;
        if (tags.TryGetValue("sp", out var sp) && (subdomain = ParsePolicy(sp)) is null) return null;
        return new DmarcRecord(policy, subdomain, Alignment(tags, "adkim"), Alignment(tags, "aspf"), PercentOf(tags));
    }

    /// <summary>The tag-value pairs; tag names are case-sensitive, a repeated tag keeps its first value.</summary>
    static Dictionary<string, string> Tags(string text)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';'))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2) tags.TryAdd(pair[0].Trim(), pair[1].Trim());
        }
        return tags;
    }

    /// <summary>Values are case-insensitive (RFC 7489 §6.4 ABNF literals).</summary>
    static DmarcPolicy? ParsePolicy(string value) => value.ToLowerInvariant() switch
    {
        "none" => DmarcPolicy.None,
        "quarantine" => DmarcPolicy.Quarantine,
        "reject" => DmarcPolicy.Reject,
        _ => null,
    };

    static DmarcAlignment Alignment(Dictionary<string, string> tags, string tag)
        => tags.TryGetValue(tag, out var value) && value.Equals("s", StringComparison.OrdinalIgnoreCase)
            ? DmarcAlignment.Strict : DmarcAlignment.Relaxed;

    static int PercentOf(Dictionary<string, string> tags)
        => tags.TryGetValue("pct", out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pct)
           && pct <= 100 ? pct : 100;
}
