using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Integreat.Lists.Core.Dns;
using OurResolver = Integreat.Lists.Core.Abstractions.IDnsResolver;

namespace Integreat.Lists.Smtp.Authentication;

/// <summary>ARSoft.Tools.Net's resolver interface over our <see cref="OurResolver"/>, for its SPF validator: TXT, MX,
/// A and AAAA. A DNS failure throws, which the validator turns into temperror (RFC 7208 §5: "a DNS error ... the
/// mechanism ... returns temperror"); NXDOMAIN and NODATA are an empty answer.</summary>
/// <remarks>PTR is not asked: the <c>ptr</c> mechanism and the <c>%{p}</c> macro are deprecated (RFC 7208 §5.5, §7.3)
/// and get an empty answer, so <c>ptr</c> never matches (what §5.5 prescribes for a failed PTR lookup).</remarks>
public sealed class ArSoftDnsResolver(OurResolver dns) : IDnsResolver
{
    const int Ttl = 0;

    /// <inheritdoc />
    public List<T> Resolve<T>(DomainName name, RecordType recordType = RecordType.A, RecordClass recordClass = RecordClass.INet)
        where T : DnsRecordBase
        => ResolveAsync<T>(name, recordType, recordClass).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task<List<T>> ResolveAsync<T>(DomainName name, RecordType recordType = RecordType.A,
        RecordClass recordClass = RecordClass.INet, CancellationToken token = default) where T : DnsRecordBase
    {
        var text = name.ToString().TrimEnd('.');
        IEnumerable<DnsRecordBase> records = recordType switch
        {
            RecordType.Txt => Found(await dns.GetTxtAsync(text, token).ConfigureAwait(false)).Select(t => new TxtRecord(name, Ttl, t)),
            RecordType.Mx => Found(await dns.GetMxAsync(text, token).ConfigureAwait(false))
                .Where(m => m.Exchange.Length > 0)
                .Select(m => new MxRecord(name, Ttl, (ushort)m.Preference, DomainName.Parse(m.Exchange))),
            RecordType.A => Found(await dns.GetAddressesAsync(text, AddressFamily.InterNetwork, token).ConfigureAwait(false))
                .Select(a => new ARecord(name, Ttl, a)),
            RecordType.Aaaa => Found(await dns.GetAddressesAsync(text, AddressFamily.InterNetworkV6, token).ConfigureAwait(false))
                .Select(a => new AaaaRecord(name, Ttl, a)),
            _ => [],
        };
        return records.OfType<T>().ToList();
    }

    /// <inheritdoc />
    public void ClearCache()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    static IReadOnlyList<TRecord> Found<TRecord>(DnsAnswer<TRecord> answer)
        => answer.Status == DnsStatus.Failure ? throw new DnsTemporaryFailureException() : answer.Records;

    /// <summary>Signals a failed question to the validator.</summary>
    sealed class DnsTemporaryFailureException() : Exception("DNS failure");
}
