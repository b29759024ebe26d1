namespace Integreat.Lists.Core.Dmarc;

/// <summary>How DMARC policy discovery for one From: domain ended (RFC 7489 §6.6.3).</summary>
public enum DmarcStatus
{
    /// <summary>One valid DMARC record was found, at the From: domain or at its organisational domain.</summary>
    Found,

    /// <summary>No DMARC processing applies: no record at either name, several records at one name, or a record
    /// without a valid <c>p</c>/<c>sp</c> (RFC 7489 §6.6.3 steps 3 and 6). A final answer.</summary>
    NoPolicy,

    /// <summary>DNS gave no usable answer (timeout, SERVFAIL); nothing is known. Temporary; never cached.</summary>
    DnsFailure,
}
