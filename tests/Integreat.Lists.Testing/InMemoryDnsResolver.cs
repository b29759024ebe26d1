using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dns;

namespace Integreat.Lists.Testing;

/// <summary>A DNS zone in a dictionary, for tests: a name without records answers NXDOMAIN, a name with records of
/// another type answers NODATA, and <see cref="Fail"/> makes a name answer SERVFAIL-like failure.</summary>
public sealed class InMemoryDnsResolver : IDnsResolver
{
    readonly ConcurrentDictionary<string, List<string>> _txt = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, List<MxHost>> _mx = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, List<IPAddress>> _addresses = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.OrdinalIgnoreCase);
    int _queries;

    /// <summary>The TTL every found answer carries.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many questions were asked so far (to prove caching).</summary>
    public int Queries => _queries;

    /// <summary>Adds a TXT record to <paramref name="name"/>.</summary>
    public InMemoryDnsResolver AddTxt(string name, string text)
    {
        _txt.GetOrAdd(name.TrimEnd('.'), _ => []).Add(text);
        return this;
    }

    /// <summary>Adds an MX record to <paramref name="domain"/>.</summary>
    public InMemoryDnsResolver AddMx(string domain, int preference, string exchange)
    {
        _mx.GetOrAdd(domain.TrimEnd('.'), _ => []).Add(new MxHost(preference, exchange));
        return this;
    }

    /// <summary>Adds an A or AAAA record to <paramref name="host"/>.</summary>
    public InMemoryDnsResolver AddAddress(string host, string address)
    {
        _addresses.GetOrAdd(host.TrimEnd('.'), _ => []).Add(IPAddress.Parse(address));
        return this;
    }

    /// <summary>Every question about <paramref name="name"/> fails from now on.</summary>
    public InMemoryDnsResolver Fail(string name)
    {
        _failing[name.TrimEnd('.')] = true;
        return this;
    }

    /// <inheritdoc />
    public Task<DnsAnswer<string>> GetTxtAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(Answer(name, _txt));

    /// <inheritdoc />
    public Task<DnsAnswer<MxHost>> GetMxAsync(string domain, CancellationToken cancellationToken)
        => Task.FromResult(Answer(domain, _mx));

    /// <inheritdoc />
    public Task<DnsAnswer<IPAddress>> GetAddressesAsync(string host, CancellationToken cancellationToken)
        => Task.FromResult(Answer(host, _addresses));

    /// <inheritdoc />
    public Task<DnsAnswer<IPAddress>> GetAddressesAsync(string name, AddressFamily family, CancellationToken cancellationToken)
    {
        var answer = Answer(name, _addresses);
        var records = answer.Records.Where(a => a.AddressFamily == family).ToList();
        return Task.FromResult(answer.Status == DnsStatus.Found && records.Count == 0
            ? new DnsAnswer<IPAddress>(DnsStatus.NoData, [], answer.Ttl)
            : answer with { Records = records });
    }

    DnsAnswer<T> Answer<T>(string name, ConcurrentDictionary<string, List<T>> records)
    {
        Interlocked.Increment(ref _queries);
        name = name.TrimEnd('.');
        if (_failing.ContainsKey(name)) return DnsAnswer<T>.Failed;
        if (records.TryGetValue(name, out var found)) return new(DnsStatus.Found, found.ToList(), Ttl);
        var exists = _txt.ContainsKey(name) || _mx.ContainsKey(name) || _addresses.ContainsKey(name);
        return new(exists ? DnsStatus.NoData : DnsStatus.NameNotFound, [], TimeSpan.FromMinutes(5));
    }
}
