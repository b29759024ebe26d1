namespace Integreat.Lists.Core.Dns;

/// <summary>The answer to one DNS question.</summary>
/// <typeparam name="T">The record shape: <see cref="string"/> for TXT, <see cref="MxHost"/> for MX.</typeparam>
/// <param name="Status">How the question ended; <see cref="Records"/> is empty unless <see cref="DnsStatus.Found"/>.</param>
/// <param name="Records">The records in answer order.</param>
/// <param name="Ttl">How long the answer may be cached: the smallest record TTL, for negative answers the SOA minimum
/// (RFC 2308 §5); zero for <see cref="DnsStatus.Failure"/>.</param>
public sealed record DnsAnswer<T>(DnsStatus Status, IReadOnlyList<T> Records, TimeSpan Ttl)
{
    /// <summary>A failed question: nothing is known, nothing may be cached.</summary>
    public static DnsAnswer<T> Failed { get; } = new(DnsStatus.Failure, [], TimeSpan.Zero);
}
