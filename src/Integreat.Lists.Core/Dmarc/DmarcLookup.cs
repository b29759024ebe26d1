namespace Integreat.Lists.Core.Dmarc;

/// <summary>The outcome of DMARC policy discovery for one From: domain (RFC 7489 §6.6.3).</summary>
/// <param name="Domain">The From: domain asked about (lower-case, no trailing dot).</param>
/// <param name="Status">Found, no policy, or DNS failure.</param>
/// <param name="Record">The record when <see cref="DmarcStatus.Found"/>, else null.</param>
/// <param name="RecordDomain">Where the record was found: <paramref name="Domain"/> or its organisational domain;
/// empty unless found.</param>
/// <param name="OrganisationalDomain">The organisational domain of <paramref name="Domain"/> (RFC 7489 §3.2).</param>
public sealed record DmarcLookup(string Domain, DmarcStatus Status, DmarcRecord? Record, string RecordDomain,
    string OrganisationalDomain)
{
    /// <summary>The policy that applies to mail from <see cref="Domain"/>: <c>sp</c> (else <c>p</c>) when the record
    /// came from the organisational domain of a subdomain, <c>p</c> otherwise (RFC 7489 §6.6.3 step 4, §6.3 "sp");
    /// null unless <see cref="DmarcStatus.Found"/>.</summary>
    public DmarcPolicy? Policy => Record is null ? null
        : RecordDomain != Domain ? Record.SubdomainPolicy ?? Record.Policy : Record.Policy;

    /// <summary>True when a receiver may reject or quarantine mail from <see cref="Domain"/> that fails DMARC, as a
    /// list's redistributed post does once a member's server checks it (RFC 7960 §3.2.3). <c>pct</c> is ignored on
    /// purpose: with <c>pct</c> below 100 some failing mail still meets the policy.</summary>
    public bool IsStrict => Policy is DmarcPolicy.Reject or DmarcPolicy.Quarantine;
}
