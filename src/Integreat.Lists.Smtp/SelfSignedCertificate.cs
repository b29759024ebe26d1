using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Integreat.Lists.Smtp;

/// <summary>Writes a self-signed certificate and its key as PEM files for <see cref="SmtpIntakeOptions.CertificatePath"/>
/// and <see cref="SmtpIntakeOptions.CertificateKeyPath"/>: for tests and a first run before a real certificate exists.</summary>
/// <remarks>RSA 2048, SHA-256, the host as subject CN and as DNS name (or IP address) in subjectAltName (RFC 6125
/// §6.4.4: clients match the SAN), server-auth extended key usage. Sending MTAs accept a self-signed certificate for
/// opportunistic STARTTLS (RFC 7435); MTA-STS or DANE senders do not.</remarks>
public static class SelfSignedCertificate
{
    /// <summary>The certificate file name written into the output folder.</summary>
    public const string CertificateFile = "cert.pem";

    /// <summary>The key file name written into the output folder (mode 0600).</summary>
    public const string KeyFile = "key.pem";

    /// <summary>Creates the pair for <paramref name="host"/>, valid from an hour ago for <paramref name="validity"/>,
    /// and writes <see cref="CertificateFile"/> and <see cref="KeyFile"/> into <paramref name="directory"/>
    /// (created when missing; existing files are replaced).</summary>
    /// <returns>The paths of the certificate and the key.</returns>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static (string Certificate, string Key) Write(string host, string directory, TimeSpan validity)
    {
        Directory.CreateDirectory(directory);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(host, out var address)) names.AddIpAddress(address);
        else names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddHours(-1), now + validity);
        var certificatePath = Path.Combine(directory, CertificateFile);
        var keyPath = Path.Combine(directory, KeyFile);
        WriteAtomically(keyPath, rsa.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        WriteAtomically(certificatePath, certificate.ExportCertificatePem(),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return (certificatePath, keyPath);
    }

    /// <summary>Writes to a temporary file and renames it, so a running daemon never reads half a file.</summary>
    static void WriteAtomically(string path, string text, UnixFileMode mode)
    {
        var tmp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
        using (var stream = new FileStream(tmp, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(text.ReplaceLineEndings("\n") + "\n");
        File.Move(tmp, path, overwrite: true);
    }
}
