using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Integreat.Lists.Core.Configuration;
using MailKit.Security;

namespace Integreat.Lists.Delivery;

/// <summary>Opens one SMTP client connection (MailKit) for the smarthost and the MX transports.</summary>
public static class SmtpConnector
{
    /// <summary>Connects to <paramref name="address"/> (or resolves <paramref name="host"/> when null) and reads
    /// the greeting and EHLO reply, negotiating TLS as <paramref name="tls"/> says.</summary>
    /// <param name="host">The server's name: for the TLS certificate check and SNI.</param>
    /// <param name="address">The address to connect to; null connects to <paramref name="host"/> by name.</param>
    /// <param name="port">The TCP port.</param>
    /// <param name="tls">How TLS is negotiated.</param>
    /// <param name="checkCertificate">False accepts any certificate (opportunistic TLS: better than plain text).</param>
    /// <param name="options">Timeouts and the EHLO name.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <exception cref="SocketException">Refused or unreachable.</exception>
    /// <exception cref="TimeoutException">No answer to the connect, or to a later step, within the command timeout.</exception>
    /// <exception cref="IOException">The connection broke.</exception>
    /// <exception cref="MailKit.Net.Smtp.SmtpCommandException">The server refused the session (e.g. 421 or 554 greeting).</exception>
    /// <exception cref="SslHandshakeException">TLS failed, or the certificate did not validate.</exception>
    public static Task<ListSmtpClient> ConnectAsync(string host, IPAddress? address, int port, SecureSocketOptions tls,
        bool checkCertificate, DeliveryOptions options, CancellationToken cancellationToken)
        => ConnectAsync(host, address, port, tls, checkCertificate ? null : AcceptAny, options, cancellationToken);

    /// <summary>Like the other overload, with the server certificate decided by <paramref name="certificateCheck"/>
    /// (null: valid for <paramref name="host"/> in the system trust store); a refusal fails the TLS handshake.</summary>
    /// <exception cref="SslHandshakeException">TLS failed, or <paramref name="certificateCheck"/> refused the certificate.</exception>
    public static async Task<ListSmtpClient> ConnectAsync(string host, IPAddress? address, int port, SecureSocketOptions tls,
        RemoteCertificateValidationCallback? certificateCheck, DeliveryOptions options, CancellationToken cancellationToken)
    {
        var client = new ListSmtpClient
        {
            Timeout = (int)options.CommandTimeout.TotalMilliseconds,
            CheckCertificateRevocation = false,
        };
        if (certificateCheck is not null) client.ServerCertificateValidationCallback = certificateCheck;
        if (options.HeloName.Length > 0) client.LocalDomain = options.HeloName;
        try
        {
            // MailKit leaves Nagle on: its small writes (".", RSET) then wait for the server's delayed ACK,
            // about 40 ms per transaction. A socket of our own with TCP_NODELAY avoids that.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(options.CommandTimeout);
                try
                {
                    if (address is null) await socket.ConnectAsync(host, port, connect.Token).ConfigureAwait(false);
                    else await socket.ConnectAsync(address, port, connect.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // A server that never answers the SYN (a firewall's drop) is a timeout like any later silence: a
                    // cancellation would pass every handler below as the daemon's own shutdown.
                    socket.Dispose();
                    throw new TimeoutException($"connect to {host}:{port} timed out after {options.CommandTimeout.TotalSeconds:0.###} s", ex);
                }
                catch { socket.Dispose(); throw; }
            }
            // MailKit sets the stream's timeouts only after a tls-on-connect handshake: set here, a server silent in
            // the handshake is cut off like one silent at any later step.
            var stream = new SmtpSocketStream(socket, WatchdogPeriod(options.CommandTimeout))
            {
                ReadTimeout = client.Timeout, WriteTimeout = client.Timeout,
            };
            await client.ConnectAsync(stream, host, port, tls, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A quarter of the timeout, within 50 ms and 1 s: a stuck server is cut off at most that late.</summary>
    static TimeSpan WatchdogPeriod(TimeSpan timeout)
        => TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 4, 50, 1000));

    static bool AcceptAny(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors) => true;
}
