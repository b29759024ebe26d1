using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Integreat.Lists.Testing;

/// <summary>Self-signed certificates for TLS in tests.</summary>
public static class TestCertificates
{
    /// <summary>A new self-signed RSA certificate for <paramref name="host"/>, valid for a day, with a private key
    /// that SslStream on Linux can use (loaded from PKCS#12, not ephemeral).</summary>
    public static X509Certificate2 SelfSigned(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
