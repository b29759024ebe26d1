using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmtpServer;

namespace Integreat.Lists.Smtp;

/// <summary>The STARTTLS certificate (RFC 3207) from a PEM certificate (chain) file and its PEM key file, reloaded
/// when either file changes, so a renewed certificate (certbot, ACME) is used from the next session on without a
/// restart.</summary>
/// <remarks>SmtpServer asks for the certificate at each STARTTLS; the files' modification times and lengths are
/// compared then (two <c>stat</c> calls, no watcher thread). A pair that does not load, e.g. while a renewal has
/// written the certificate but not yet the key, is logged and the previous certificate stays in use; it is tried
/// again at the next session.</remarks>
public sealed class ReloadingCertificateFactory : ICertificateFactory
{
    readonly string _certificatePath;
    readonly string _keyPath;
    readonly ILogger _logger;
    readonly Lock _lock = new();
    X509Certificate2 _current;
    (DateTime, long, DateTime, long) _stamp;

    /// <summary>Loads the pair once; a pair that does not load now stops the start.</summary>
    /// <exception cref="CryptographicException">The files are no PEM certificate with its private key.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public ReloadingCertificateFactory(string certificatePath, string keyPath, ILogger? logger = null)
    {
        _certificatePath = certificatePath;
        _keyPath = keyPath;
        _logger = logger ?? NullLogger.Instance;
        _stamp = Stamp();
        _current = Load(certificatePath, keyPath);
    }

    /// <summary>The certificate in use now (the one the next STARTTLS presents, unless the files changed).</summary>
    public X509Certificate2 Current
    {
        get { lock (_lock) return _current; }
    }

    /// <inheritdoc />
    public System.Security.Cryptography.X509Certificates.X509Certificate GetServerCertificate(ISessionContext sessionContext)
        => Refresh();

    /// <summary>Reloads the pair when a file changed since the last load; returns the certificate to present.</summary>
    public X509Certificate2 Refresh()
    {
        lock (_lock)
        {
            (DateTime, long, DateTime, long) stamp;
            try { stamp = Stamp(); }
            catch (IOException ex)
            {
                _logger.LogWarning("TLS certificate files cannot be read ({Reason}); the previous certificate stays in use", ex.Message);
                return _current;
            }
            if (stamp == _stamp) return _current;
            try
            {
                _current = Load(_certificatePath, _keyPath);
                _stamp = stamp;
                _logger.LogInformation("TLS certificate reloaded from {Path}: {Subject}, valid until {NotAfter:u}",
                    _certificatePath, _current.Subject, _current.NotAfter.ToUniversalTime());
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or ArgumentException)
            {
                _logger.LogWarning("TLS certificate {Path} changed but does not load ({Reason}); the previous certificate stays in use",
                    _certificatePath, ex.Message);
            }
            return _current;
        }
    }

    (DateTime, long, DateTime, long) Stamp()
    {
        var certificate = new FileInfo(_certificatePath);
        var key = new FileInfo(_keyPath);
        if (!certificate.Exists || !key.Exists) throw new IOException($"{_certificatePath} or {_keyPath} is missing");
        return (certificate.LastWriteTimeUtc, certificate.Length, key.LastWriteTimeUtc, key.Length);
    }

    /// <summary>Loads a PEM pair into a certificate whose key SslStream on Linux can use (not ephemeral).</summary>
    static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
