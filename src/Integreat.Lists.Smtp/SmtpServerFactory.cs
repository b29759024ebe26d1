using System.Net;
using System.Security.Authentication;
using SmtpServer;

namespace Integreat.Lists.Smtp;

/// <summary>Builds the SmtpServer instance from <see cref="SmtpIntakeOptions"/>, avoiding the library's
/// dangerous defaults (LIBRARIES.md §0): strict size limit, long session timeout, TLS 1.2 and 1.3, neutral greeting.</summary>
public static class SmtpServerFactory
{
    /// <summary>How far past the advertised SIZE the library's own hard limit lies.</summary>
    /// <remarks>SmtpServer 11 counts the terminating dot and any pipelined commands against its limit, and at the
    /// limit it answers nothing until the client sends more (LIBRARIES.md §1.5). With the hard limit a little
    /// higher, a message over the advertised size reaches our store, which answers a clean 552 5.3.4.</remarks>
    public const int SizeSlackBytes = 64 * 1024;

    /// <summary>How much later than ours SmtpServer's own session and command timeouts fire.</summary>
    /// <remarks>Its session timeout answers a DATA in progress with a permanent 554 and its command timeout says 221;
    /// the listener's <see cref="SessionLimits"/> fire first and say 421 4.4.2 (RFC 5321 §4.2.2, §4.5.3.2.7).</remarks>
    public static readonly TimeSpan LibraryTimeoutSlack = TimeSpan.FromSeconds(30);

    /// <summary>Creates the server; <paramref name="services"/> must resolve the store, filter, authenticator,
    /// listener factory and command factory.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="services">The SmtpServer seams.</param>
    /// <param name="certificate">STARTTLS's certificate source; null offers no STARTTLS.</param>
    public static SmtpServer.SmtpServer Create(SmtpIntakeOptions options, IServiceProvider services, ICertificateFactory? certificate = null)
    {
        var builder = new SmtpServerOptionsBuilder()
            .ServerName(options.ServerName)
            .CustomSmtpGreeting(ctx => $"220 {ctx.ServerOptions.ServerName} ESMTP Integreat.Lists")
            .MaxMessageSize(checked(options.MaxMessageSizeKiB * 1024 + SizeSlackBytes), MaxMessageSizeHandling.Strict)
            .CommandWaitTimeout(options.CommandTimeout + LibraryTimeoutSlack)
            // Each refused RCPT counts as a "retry"; past the count SmtpServer drops the session without a reply, which
            // would abort a valid transaction whose client lists more than MaxRecipients recipients.
            .MaxRetryCount(options.MaxRecipients + 50);
        foreach (var listen in options.Listen)
        {
            var endpoint = ParseEndpoint(listen);
            builder.Endpoint(e =>
            {
                e.Endpoint(endpoint).SessionTimeout(options.SessionTimeout + LibraryTimeoutSlack).SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
                if (certificate is not null) e.Certificate(certificate);
            });
        }
        return new SmtpServer.SmtpServer(builder.Build(), services);
    }

    /// <summary>Parses <c>address:port</c> (<c>[v6]:port</c> for IPv6).</summary>
    /// <exception cref="FormatException">Not an address with a port.</exception>
    public static IPEndPoint ParseEndpoint(string text)
        => IPEndPoint.TryParse(text.Trim(), out var endpoint) && text.Contains(':') && endpoint.Port is >= 0 and <= 65535
            ? endpoint
            : throw new FormatException($"'{text}' is not address:port");
}
