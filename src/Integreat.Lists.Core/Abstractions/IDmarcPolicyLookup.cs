using Integreat.Lists.Core.Dmarc;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The port for "what is the DMARC policy of this From: domain" (RFC 7489 §6.6.3 policy discovery).</summary>
/// <remarks>Implemented by <see cref="DmarcPolicyResolver"/> over <see cref="IDnsResolver"/>; used by outbound
/// mitigation (From rewriting) and inbound evaluation.</remarks>
public interface IDmarcPolicyLookup
{
    /// <summary>Finds the policy for <paramref name="domain"/>: the record at <c>_dmarc.DOMAIN</c>, else at
    /// <c>_dmarc.ORGDOMAIN</c> (the Public Suffix List's organisational domain, RFC 7489 §3.2).</summary>
    /// <param name="domain">The RFC5322.From domain, any case, optional trailing dot.</param>
    /// <param name="cancellationToken">Cancels the DNS questions; the only exception this throws.</param>
    /// <returns>Found, no policy, or DNS failure; never throws for DNS trouble.</returns>
    Task<DmarcLookup> LookupAsync(string domain, CancellationToken cancellationToken);
}
