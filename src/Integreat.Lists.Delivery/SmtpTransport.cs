using System.Net.Security;
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
/// durable delivery queue's job (STYLE.md rule 9). TLS as <see cref="DeliveryOptions.SmartHostTls"/> says, the
/// certificate checked by <see cref="SmartHostCertificateCheck"/> whenever TLS is used (a refusal is a temporary
/// failure: the job is deferred, never bounced, never sent in plain text); AUTH when
/// <see cref="DeliveryOptions.SmartHostUser"/> is set.</remarks>
public sealed class SmtpTransport : IOutboundTransport
{
    readonly DeliveryOptions _options;
    readonly string _host;
    readonly int _port;
    readonly ResiliencePipeline _connect;
    readonly System.Net.NetworkCredential? _credentials;
    readonly SmartHostCertificateCheck? _check;

    /// <summary>Creates the transport for <see cref="DeliveryOptions.SmartHost"/>.</summary>
    /// <remarks>The quick reconnects run on the system clock on purpose: they pace real sockets for seconds,
    /// while the injected clock drives the durable schedule (and may be a test's fake).</remarks>
    public SmtpTransport(IOptions<DeliveryOptions> options)
    {
        _options = options.Value;
        var colon = _options.SmartHost.LastIndexOf(':');
        _host = _options.SmartHost[..colon].Trim('[', ']');
        _port = int.Parse(_options.SmartHost[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _credentials = SmartHostCredentials.Read(_options);
        _check = SmartHostCertificateCheck.For(_options);
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
                                       or SslHandshakeException or TimeoutException or AuthenticationException or NotSupportedException)
        {
            // MailKit's messages carry the server's reply, never the password.
            throw new TransportException($"cannot connect to {Relay}: {ex.Message}", ex);
        }
    }

    async ValueTask<ListSmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var tls = _options.SmartHostTls switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls-on-connect" => SecureSocketOptions.SslOnConnect,
            // Plain text only when the smarthost offers no STARTTLS; an offered TLS is verified like required TLS.
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        string? refusal = null;
        RemoteCertificateValidationCallback accept = _check is null ? static (_, _, _, _) => true
            : (_, certificate, chain, errors) => (refusal = _check.Refusal(certificate, chain, errors)) is null;
        ListSmtpClient client;
        try
        {
            client = await SmtpConnector.ConnectAsync(_host, null, _port, tls, accept, _options, cancellationToken).ConfigureAwait(false);
        }
        catch (SslHandshakeException ex) when (refusal is not null)
        {
            throw new TransportException($"cannot connect to {Relay}: TLS {refusal}; nothing sent in plain text (Delivery:SmartHostCaFile can trust it)", ex);
        }
        if (_credentials is null) return client;
        try
        {
            await client.AuthenticateAsync(_credentials, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
