using System.Collections.Concurrent;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dns;

namespace Integreat.Lists.Core.Dmarc;

/// <summary>DMARC policy discovery (RFC 7489 §6.6.3) over <see cref="IDnsResolver"/>, with the answers cached for
/// their DNS TTL (at most <see cref="MaxCacheTime"/>) on the injected clock.</summary>
/// <remarks>Failed questions are not cached, so the next post asks again. The cache holds at most
/// <see cref="MaxCacheEntries"/> names; beyond that, expired entries go first, then all.</remarks>
public sealed class DmarcPolicyResolver(IDnsResolver dns, PublicSuffixList suffixes, TimeProvider time) : IDmarcPolicyLookup
{
    /// <summary>The longest time an answer is kept, whatever its TTL.</summary>
    public static readonly TimeSpan MaxCacheTime = TimeSpan.FromDays(1);

    /// <summary>The most names the cache holds.</summary>
    public const int MaxCacheEntries = 10_000;

    readonly ConcurrentDictionary<string, (DnsAnswer<string> Answer, DateTimeOffset Expires)> _cache =
        new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<DmarcLookup> LookupAsync(string domain, CancellationToken cancellationToken)
    {
        var name = PublicSuffixList.Normalise(domain);
        if (name is null) return new DmarcLookup(domain, DmarcStatus.NoPolicy, null, "", "");
        var organisational = suffixes.OrganisationalDomain(name);
        var own = await RecordsAtAsync(name, cancellationToken).ConfigureAwait(false);
        if (own.Status == DnsStatus.Failure) return Failed(name, organisational);
        var texts = DmarcTexts(own);
        if (texts.Count == 0 && organisational != name)
        {
            var org = await RecordsAtAsync(organisational, cancellationToken).ConfigureAwait(false);
            if (org.Status == DnsStatus.Failure) return Failed(name, organisational);
            return Result(name, organisational, DmarcTexts(org), organisational);
        }
        return Result(name, organisational, texts, name);
    }

    static List<string> DmarcTexts(DnsAnswer<string> answer)
        => answer.Status == DnsStatus.Found ? answer.Records.Where(DmarcRecord.IsDmarcRecord).ToList() : [];

    /// <summary>Exactly one record counts; several at one name mean no DMARC processing (§6.6.3 step 5).</summary>
    static DmarcLookup Result(string name, string organisational, List<string> texts, string at)
    {
        var record = texts.Count == 1 ? DmarcRecord.Parse(texts[0]) : null;
        return record is null
            ? new DmarcLookup(name, DmarcStatus.NoPolicy, null, "", organisational)
            : new DmarcLookup(name, DmarcStatus.Found, record, at, organisational);
    }

    static DmarcLookup Failed(string name, string organisational)
        => new(name, DmarcStatus.DnsFailure, null, "", organisational);

    async Task<DnsAnswer<string>> RecordsAtAsync(string domain, CancellationToken cancellationToken)
    {
        var name = "_dmarc." + domain;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && cached.Expires > now) return cached.Answer;
        var answer = await dns.GetTxtAsync(name, cancellationToken).ConfigureAwait(false);
        if (answer.Status != DnsStatus.Failure && answer.Ttl > TimeSpan.Zero)
        {
            Trim(now);
            _cache[name] = (answer, now + (answer.Ttl < MaxCacheTime ? answer.Ttl : MaxCacheTime));
        }
        return answer;
    }

    void Trim(DateTimeOffset now)
    {
        if (_cache.Count < MaxCacheEntries) return;
        foreach (var (key, entry) in _cache)
            if (entry.Expires <= now) _cache.TryRemove(key, out _);
        if (_cache.Count >= MaxCacheEntries) _cache.Clear();
    }
}
