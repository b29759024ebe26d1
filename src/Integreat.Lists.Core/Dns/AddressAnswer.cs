using System.Net;

namespace Integreat.Lists.Core.Dns;

/// <summary>Joins the A and AAAA answers of one host into one answer (for <see cref="Abstractions.IDnsResolver.GetAddressesAsync(string, CancellationToken)"/>).</summary>
public static class AddressAnswer
{
    /// <summary>IPv4 first, then IPv6. Found when either has records; NXDOMAIN when both say so; a failure only when
    /// neither gave a usable answer (an AAAA timeout does not hide a good A record).</summary>
    public static DnsAnswer<IPAddress> Combine(DnsAnswer<IPAddress> v4, DnsAnswer<IPAddress> v6)
    {
        var found = new[] { v4, v6 }.Where(a => a.Status == DnsStatus.Found).ToList();
        if (found.Count > 0) return new(DnsStatus.Found, found.SelectMany(a => a.Records).ToList(), found.Min(a => a.Ttl));
        if (v4.Status == DnsStatus.Failure && v6.Status == DnsStatus.Failure) return DnsAnswer<IPAddress>.Failed;
        var status = v4.Status == DnsStatus.NameNotFound && v6.Status == DnsStatus.NameNotFound ? DnsStatus.NameNotFound
            : v4.Status == DnsStatus.Failure || v6.Status == DnsStatus.Failure ? DnsStatus.Failure : DnsStatus.NoData;
        return new(status, [], status == DnsStatus.Failure ? TimeSpan.Zero : TimeSpan.FromMinutes(5));
    }
}
