using System.Net;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dns;

namespace Integreat.Lists.Core.Delivering;

/// <summary>Finds where mail for a domain goes (RFC 5321 §5.1): its MX hosts by preference, the domain itself when
/// it has no MX (the implicit MX), nowhere for a null MX (RFC 7505) or a domain that does not exist.</summary>
/// <remarks>The failure policy of routing lives here: NXDOMAIN and null MX are permanent (5xx, bounce processing),
/// a DNS failure is temporary (4xx, retried with the job's back-off).</remarks>
public sealed class MxRouter(IDnsResolver dns)
{
    /// <summary>Routes <paramref name="domain"/>; never throws for DNS trouble.</summary>
    public async Task<MxRoute> RouteAsync(string domain, CancellationToken cancellationToken)
    {
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        var answer = await dns.GetMxAsync(domain, cancellationToken).ConfigureAwait(false);
        switch (answer.Status)
        {
            case DnsStatus.Failure:
                return new MxRoute(domain, [], 451, $"4.4.3 DNS lookup of the MX of {domain} failed");
            case DnsStatus.NameNotFound:
                return new MxRoute(domain, [], 550, $"5.1.2 the domain {domain} does not exist (NXDOMAIN)");
            case DnsStatus.NoData:
                return new MxRoute(domain, [domain]);
        }
        var hosts = answer.Records.Where(r => r.Exchange.Length > 0).ToList();
        if (hosts.Count == 0) return new MxRoute(domain, [], 556, $"5.1.10 the domain {domain} accepts no mail (null MX, RFC 7505)");
        // Equal preferences are tried in random order, spreading load as RFC 5321 §5.1 asks.
        return new MxRoute(domain, hosts.OrderBy(h => h.Preference).ThenBy(_ => Random.Shared.Next())
            .Select(h => h.Exchange.ToLowerInvariant()).Distinct().ToList());
    }

    /// <summary>The addresses of one MX host, IPv4 first; empty when it has none or DNS failed (the caller then
    /// tries the next host), with the reason and whether "none" is a final answer (not a DNS failure).</summary>
    public async Task<(IReadOnlyList<IPAddress> Addresses, bool NoneFinal, string Error)> AddressesAsync(string host,
        CancellationToken cancellationToken)
    {
        var answer = await dns.GetAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return answer.Status == DnsStatus.Found
            ? (answer.Records, false, "")
            : ([], answer.Status != DnsStatus.Failure, $"no address for {host} ({answer.Status})");
    }
}
