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
    readonly Stream _network;
    Stream _stream;

    /// <summary>Wraps <paramref name="network"/>, which the pipe owns and disposes.</summary>
    public SocketPipe(Stream network)
    {
        _network = network;
        _stream = network;
        Input = PipeReader.Create(new DotTerminatorGuardStream(network), ReaderOptions);
        Output = PipeWriter.Create(network, WriterOptions);
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
        Input = PipeReader.Create(new DotTerminatorGuardStream(ssl), ReaderOptions);
        Output = PipeWriter.Create(ssl, WriterOptions);
        IsSecure = true;
        SslProtocol = ssl.SslProtocol;
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
