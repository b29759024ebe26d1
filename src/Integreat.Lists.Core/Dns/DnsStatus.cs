namespace Integreat.Lists.Core.Dns;

/// <summary>How a DNS question ended (RFC 1035 §4.1.1 RCODE, RFC 2308 for the negative answers).</summary>
public enum DnsStatus
{
    /// <summary>The name exists and has records of the asked type (NOERROR with answers).</summary>
    Found,

    /// <summary>The name exists but has no records of the asked type (NOERROR, empty answer; RFC 2308 "NODATA").</summary>
    NoData,

    /// <summary>The name does not exist (NXDOMAIN, RCODE 3). A final answer, not a failure.</summary>
    NameNotFound,

    /// <summary>No usable answer: timeout, SERVFAIL, REFUSED, an unreachable server. Temporary; retry later.</summary>
    Failure,
}
