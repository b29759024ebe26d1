using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace Integreat.Lists.Smtp;

/// <summary>A duplex pipe over one accepted socket's stream, upgradable to TLS (STARTTLS, RFC 3207).</summary>
/// <remarks>After the upgrade new readers and writers are created over the TLS stream, so plain-text bytes a client
/// pipelined after STARTTLS are dropped with the old reader (RFC 3207 §6, command injection). Reads go through
/// <see cref="DotTerminatorGuardStream"/>, without which SmtpServer 11 can miss the end of DATA.</remarks>
public sealed class SocketPipe : ISecurableDuplexPipe
{
    static readonly StreamPipeReaderOptions ReaderOptions = new(leaveOpen: true);
    static readonly StreamPipeWriterOptions WriterOptions = new(leaveOpen: true);
    static readonly byte[] TimeoutReply = "421 4.4.2 timeout, closing connection\r\n"u8.ToArray();
    readonly Stream _network;
    readonly SessionLimits? _limits;
    readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();
    Stream _stream;

    /// <summary>Wraps <paramref name="network"/>, which the pipe owns and disposes; with <paramref name="limits"/>, a
    /// client idle or connected for too long gets <c>421 4.4.2</c> and is cut off.</summary>
    public SocketPipe(Stream network, SessionLimits? limits = null)
    {
        _network = network;
        _stream = network;
        _limits = limits;
        (Input, Output) = CreatePipes(network);
    }

    /// <inheritdoc/>
    public PipeReader Input { get; private set; }

    /// <inheritdoc/>
    public PipeWriter Output { get; private set; }

    /// <inheritdoc/>
    public bool IsSecure { get; private set; }

    /// <inheritdoc/>
    public SslProtocols SslProtocol { get; private set; }

    /// <inheritdoc/>
    public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
    {
        var ssl = new SslStream(_network, leaveInnerStreamOpen: true);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            EnabledSslProtocols = protocols,
            ClientCertificateRequired = false,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        }, cancellationToken).ConfigureAwait(false);
        _stream = ssl;
        (Input, Output) = CreatePipes(ssl);
        IsSecure = true;
        SslProtocol = ssl.SslProtocol;
    }

    (PipeReader, PipeWriter) CreatePipes(Stream stream)
    {
        var guard = new DotTerminatorGuardStream(_limits is null ? stream : new TimedReadStream(stream, _limits, _started, TimedOutAsync));
        return (PipeReader.Create(guard, ReaderOptions), PipeWriter.Create(new DataReplyWatchStream(stream, guard.DataFollows), WriterOptions));
    }

    /// <summary>Tells the client and shuts the socket, so the session's own replies after this (SmtpServer answers
    /// the end of input in DATA with 554) cannot reach the client.</summary>
    async ValueTask TimedOutAsync()
    {
        try
        {
            await _stream.WriteAsync(TimeoutReply).ConfigureAwait(false);
            await _stream.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The client is gone already.
        }
        if (_network is System.Net.Sockets.NetworkStream network) Quietly(() => network.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Both));
        else Quietly(_network.Dispose);
    }

    /// <inheritdoc/>
    /// <remarks>Never throws: completing the writer flushes what is buffered, which fails on a connection the
    /// client already reset, and a throw here would skip releasing the socket and the caller's connection slot.</remarks>
    public void Dispose()
    {
        Quietly(() => Input.Complete());
        Quietly(() => Output.Complete());
        if (!ReferenceEquals(_stream, _network)) Quietly(_stream.Dispose);
        Quietly(_network.Dispose);
    }

    static void Quietly(Action action)
    {
        try { action(); }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException
                                       or System.Net.Sockets.SocketException)
        {
            // The peer is gone; there is nothing left to flush or close cleanly.
        }
    }
}
