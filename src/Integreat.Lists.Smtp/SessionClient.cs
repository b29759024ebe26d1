using System.Net;
using SmtpServer;
using SmtpServer.Net;

namespace Integreat.Lists.Smtp;

/// <summary>What the SMTP session knows about its client and the spool keeps for authentication after the 250:
/// the connecting IP address and the EHLO/HELO name (RFC 7208 §4.1 "ip", §2.3 HELO identity).</summary>
public static class SessionClient
{
    /// <summary>The session property holding the EHLO/HELO argument.</summary>
    public const string HeloKey = "Integreat:Helo";

    /// <summary>Stores the client's EHLO/HELO name (the last one given wins, as after a STARTTLS).</summary>
    public static void RememberHelo(ISessionContext context, string domainOrAddress)
        => context.Properties[HeloKey] = domainOrAddress;

    /// <summary>The client's EHLO/HELO name, or null before either.</summary>
    public static string? Helo(ISessionContext context)
        => context.Properties.TryGetValue(HeloKey, out var helo) ? helo as string : null;

    /// <summary>The client's IP address as text (an IPv4-mapped IPv6 address as plain IPv4), or null when the
    /// listener did not record it.</summary>
    public static string? Address(ISessionContext context)
        => context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var remote) && remote is IPEndPoint endpoint
            ? (endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address).ToString()
            : null;
}
