using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dmarc;
using MimeKit;

namespace Integreat.Lists.Core.Authentication;

/// <summary>DMARC evaluation of one message (RFC 7489 §6.6.2): the From: domain's policy, and whether an authenticated
/// identifier is aligned with it (§3.1: DKIM <c>d=</c>, SPF's MAIL FROM domain; relaxed = same organisational domain,
/// strict = the same domain).</summary>
/// <remarks>A From: with mailboxes of several domains is evaluated per domain (§6.6.1 leaves it to the receiver), and
/// the worst result counts, so adding a second mailbox does not hide a forged first one.</remarks>
public sealed class DmarcEvaluator(IDmarcPolicyLookup policies, PublicSuffixList suffixes)
{
    /// <summary>The DMARC result for <paramref name="headers"/>' From: domain given the DKIM and SPF results.</summary>
    /// <param name="headers">The message header.</param>
    /// <param name="dkim">The DKIM results.</param>
    /// <param name="spf">The SPF result; only a MAIL FROM result counts (§3.1.2), not a HELO one.</param>
    /// <param name="cancellationToken">Cancels the policy lookups.</param>
    public async Task<DmarcCheck> EvaluateAsync(HeaderList headers, IReadOnlyList<DkimCheck> dkim, SpfCheck? spf,
        CancellationToken cancellationToken)
    {
        var domains = FromDomains(headers);
        if (domains.Count == 0) return new DmarcCheck(AuthResult.PermError, "", null);
        var results = new List<DmarcCheck>();
        foreach (var domain in domains)
            results.Add(await EvaluateAsync(domain, dkim, spf, cancellationToken).ConfigureAwait(false));
        return results.OrderBy(Severity).First();
    }

    async Task<DmarcCheck> EvaluateAsync(string domain, IReadOnlyList<DkimCheck> dkim, SpfCheck? spf, CancellationToken cancellationToken)
    {
        var lookup = await policies.LookupAsync(domain, cancellationToken).ConfigureAwait(false);
        if (lookup.Status == DmarcStatus.DnsFailure) return new DmarcCheck(AuthResult.TempError, lookup.Domain, null);
        if (lookup.Record is not { } record) return new DmarcCheck(AuthResult.None, lookup.Domain, null);
        var aligned = dkim.Any(d => d.Result == AuthResult.Pass && IsAligned(d.Domain, lookup, record.DkimAlignment))
                      || (spf is { Result: AuthResult.Pass, IsHelo: false } && IsAligned(spf.Domain, lookup, record.SpfAlignment));
        return new DmarcCheck(aligned ? AuthResult.Pass : AuthResult.Fail, lookup.Domain, lookup.Policy);
    }

    bool IsAligned(string authenticated, DmarcLookup lookup, DmarcAlignment mode)
    {
        var domain = PublicSuffixList.Normalise(authenticated);
        if (domain is null) return false;
        return mode == DmarcAlignment.Strict
            ? domain == lookup.Domain
            : suffixes.OrganisationalDomain(domain) == lookup.OrganisationalDomain;
    }

    /// <summary>Fail with reject first, then any fail, then the rest.</summary>
    static int Severity(DmarcCheck check) => check switch
    {
        { Result: AuthResult.Fail, Policy: DmarcPolicy.Reject } => 0,
        { Result: AuthResult.Fail } => 1,
        { Result: AuthResult.TempError } => 2,
        _ => 3,
    };

    /// <summary>The distinct domains of the From: mailboxes (RFC5322.From), lower-case; parsed from the raw value so an
    /// encoded display name cannot pose as an address.</summary>
    static List<string> FromDomains(HeaderList headers)
    {
        var domains = new List<string>();
        foreach (var from in headers.Where(h => h.Id == HeaderId.From))
            if (InternetAddressList.TryParse(ParserOptions.Default, from.RawValue, out var list))
                domains.AddRange(list.Mailboxes.Select(m => m.Domain).Select(PublicSuffixList.Normalise).OfType<string>());
        return domains.Distinct(StringComparer.Ordinal).ToList();
    }
}
