using System.Net;
using System.Net.Sockets;
using Integreat.Lists.Core.Dns;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The one port to DNS. Never throws for DNS trouble: a timeout or SERVFAIL is
/// <see cref="DnsStatus.Failure"/>; only cancellation throws.</summary>
public interface IDnsResolver
{
    /// <summary>The TXT records of <paramref name="name"/> (e.g. <c>_dmarc.example.org</c>), each record's
    /// character-strings joined without a separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2).</summary>
    Task<DnsAnswer<string>> GetTxtAsync(string name, CancellationToken cancellationToken);

    /// <summary>The MX records of <paramref name="domain"/>, unsorted, as the server gave them.</summary>
    Task<DnsAnswer<MxHost>> GetMxAsync(string domain, CancellationToken cancellationToken);

    /// <summary>The IPv4 (A) and IPv6 (AAAA) addresses of <paramref name="host"/>, IPv4 first (RFC 5321 §5.1: the
    /// addresses of an MX host, or of the domain itself as the implicit MX). Found when either type has records;
    /// a failure of both questions is <see cref="DnsStatus.Failure"/>.</summary>
    Task<DnsAnswer<System.Net.IPAddress>> GetAddressesAsync(string host, CancellationToken cancellationToken);

    /// <summary>The A (<see cref="AddressFamily.InterNetwork"/>) or AAAA (<see cref="AddressFamily.InterNetworkV6"/>)
    /// records of <paramref name="name"/> (RFC 1035 §3.4.1, RFC 3596), e.g. for SPF's <c>a</c> and <c>mx</c>
    /// mechanisms (RFC 7208 §5.3, §5.4).</summary>
    Task<DnsAnswer<IPAddress>> GetAddressesAsync(string name, AddressFamily family, CancellationToken cancellationToken);
}
