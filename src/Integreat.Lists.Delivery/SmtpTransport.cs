using System.Net.Sockets;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Integreat.Lists.Delivery;

/// <summary>Delivers through the smarthost by SMTP (MailKit), with a few seconds of quick reconnects (Polly).</summary>
/// <remarks>Polly covers only the seconds-long retry inside one attempt; retries over minutes to days are the
/// durable delivery queue's job (STYLE.md rule 9). TLS is opportunistic (STARTTLS when offered).</remarks>
public sealed class SmtpTransport : IOutboundTransport
{
    readonly DeliveryOptions _options;
    readonly string _host;
    readonly int _port;
    readonly ResiliencePipeline _connect;

    /// <summary>Creates the transport for <see cref="DeliveryOptions.SmartHost"/>.</summary>
    /// <remarks>The quick reconnects run on the system clock on purpose: they pace real sockets for seconds,
    /// while the injected clock drives the durable schedule (and may be a test's fake).</remarks>
    public SmtpTransport(IOptions<DeliveryOptions> options)
    {
        _options = options.Value;
        var colon = _options.SmartHost.LastIndexOf(':');
        _host = _options.SmartHost[..colon].Trim('[', ']');
        _port = int.Parse(_options.SmartHost[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _connect = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SocketException>().Handle<IOException>()
                    .Handle<SmtpProtocolException>().Handle<SmtpCommandException>(e => (int)e.StatusCode is >= 400 and < 500),
                MaxRetryAttempts = Math.Max(_options.ConnectRetries, 1),
                Delay = _options.ConnectRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
    }

    /// <inheritdoc/>
    public string Relay => $"{_host}:{_port}";

    /// <inheritdoc/>
    public async Task<IOutboundSession> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var client = await _connect.ExecuteAsync(ConnectAsync, cancellationToken).ConfigureAwait(false);
            return new SmtpOutboundSession(client);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException
                                       or SslHandshakeException or TimeoutException)
        {
            throw new TransportException($"cannot connect to {Relay}: {ex.Message}", ex);
        }
    }

    async ValueTask<ListSmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new ListSmtpClient
        {
            Timeout = (int)_options.CommandTimeout.TotalMilliseconds,
            CheckCertificateRevocation = false,
            // Opportunistic TLS to a smarthost of our own: an unverifiable certificate beats plain text.
            ServerCertificateValidationCallback = (_, _, _, _) => true,
        };
        if (_options.HeloName.Length > 0) client.LocalDomain = _options.HeloName;
        try
        {
            // MailKit leaves Nagle on: its small writes (".", RSET) then wait for the server's delayed ACK,
            // about 40 ms per transaction. A socket of our own with TCP_NODELAY avoids that.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(_options.CommandTimeout);
                try { await socket.ConnectAsync(_host, _port, connect.Token).ConfigureAwait(false); }
                catch { socket.Dispose(); throw; }
            }
            await client.ConnectAsync(socket, _host, _port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
