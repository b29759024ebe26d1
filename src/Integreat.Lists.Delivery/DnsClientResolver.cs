using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Dns;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Delivery;

/// <summary><see cref="IDnsResolver"/> over DnsClient's <see cref="LookupClient"/> (one instance, its own TTL cache).</summary>
/// <remarks>DnsClient reports NXDOMAIN and SERVFAIL in the response but throws for timeouts and unreachable servers
/// (LIBRARIES.md §6.3); both become <see cref="DnsStatus"/> values here.</remarks>
public sealed class DnsClientResolver : IDnsResolver
{
    /// <summary>Negative answers without an SOA are cached this long (RFC 2308 §5 leaves it to the resolver).</summary>
    static readonly TimeSpan NegativeTtl = TimeSpan.FromMinutes(5);

    readonly LookupClient _client;

    /// <summary>Uses <see cref="DnsOptions.Servers"/>, or the system's resolvers when it is empty.</summary>
    /// <exception cref="FormatException">A server is not <c>address:port</c> (the settings validator catches this first).</exception>
    public DnsClientResolver(IOptions<DnsOptions> options)
    {
        var servers = options.Value.Servers.Select(IPEndPoint.Parse).ToArray();
        var lookup = servers.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(servers);
        lookup.Timeout = options.Value.Timeout;
        lookup.Retries = 1;
        lookup.UseCache = true;
        lookup.ThrowDnsErrors = false;
        lookup.ContinueOnDnsError = true;
        lookup.UseTcpFallback = true;
        _client = new LookupClient(lookup);
    }

    /// <inheritdoc />
    public async Task<DnsAnswer<string>> GetTxtAsync(string name, CancellationToken cancellationToken)
        => await QueryAsync(name, QueryType.TXT, r => r.Answers.TxtRecords().Select(t => string.Concat(t.Text)), cancellationToken);

    /// <inheritdoc />
    public async Task<DnsAnswer<MxHost>> GetMxAsync(string domain, CancellationToken cancellationToken)
        => await QueryAsync(domain, QueryType.MX,
            r => r.Answers.MxRecords().Select(m => new MxHost(m.Preference, m.Exchange.Value.TrimEnd('.'))), cancellationToken);

    /// <inheritdoc />
    public async Task<DnsAnswer<IPAddress>> GetAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var v4 = await QueryAsync(host, QueryType.A, r => r.Answers.ARecords().Select(a => a.Address), cancellationToken);
        var v6 = await QueryAsync(host, QueryType.AAAA, r => r.Answers.AaaaRecords().Select(a => a.Address), cancellationToken);
        return AddressAnswer.Combine(v4, v6);
    }

    /// <inheritdoc />
    public async Task<DnsAnswer<IPAddress>> GetAddressesAsync(string name, System.Net.Sockets.AddressFamily family, CancellationToken cancellationToken)
        => family == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? await QueryAsync(name, QueryType.AAAA, r => r.Answers.AaaaRecords().Select(a => a.Address), cancellationToken)
            : await QueryAsync(name, QueryType.A, r => r.Answers.ARecords().Select(a => a.Address), cancellationToken);

    async Task<DnsAnswer<T>> QueryAsync<T>(string name, QueryType type, Func<IDnsQueryResponse, IEnumerable<T>> select,
        CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, type, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException)
        {
            return DnsAnswer<T>.Failed;
        }
        var code = response.Header.ResponseCode;
        if (code == DnsHeaderResponseCode.NotExistentDomain) return new(DnsStatus.NameNotFound, [], NegativeTtlOf(response));
        if (code != DnsHeaderResponseCode.NoError) return DnsAnswer<T>.Failed;
        var records = select(response).ToList();
        if (records.Count == 0) return new(DnsStatus.NoData, [], NegativeTtlOf(response));
        var ttl = response.Answers.Where(a => a.RecordType == (ResourceRecordType)type).Min(a => a.InitialTimeToLive);
        return new(DnsStatus.Found, records, TimeSpan.FromSeconds(ttl));
    }

    static TimeSpan NegativeTtlOf(IDnsQueryResponse response)
    {
        var soa = response.Authorities.SoaRecords().FirstOrDefault();
        return soa is null ? NegativeTtl : TimeSpan.FromSeconds(Math.Min(soa.InitialTimeToLive, soa.Minimum));
    }
}
