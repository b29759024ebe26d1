using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Integreat.Lists.Core.Configuration;

namespace Integreat.Lists.Delivery;

/// <summary>Decides whether the smarthost's TLS certificate is accepted: valid for its name in the system trust store,
/// or trusted through <see cref="DeliveryOptions.SmartHostCaFile"/> (a CA that issued it, checked with the name, or the
/// server's own certificate, pinned, whatever its name: a self-signed Postfix "snakeoil" certificate).</summary>
/// <remarks>A refused certificate fails the TLS handshake, so nothing is sent in plain text after it.</remarks>
public sealed class SmartHostCertificateCheck
{
    readonly X509Certificate2Collection _trusted;

    /// <summary>Creates the check trusting <paramref name="trusted"/> besides the system trust store.</summary>
    public SmartHostCertificateCheck(X509Certificate2Collection trusted) => _trusted = trusted;

    /// <summary>The check <paramref name="options"/> ask for; null when <see cref="DeliveryOptions.SmartHostCheckCertificate"/>
    /// is off (any certificate is taken).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The CA file holds no PEM certificate.</exception>
    /// <exception cref="IOException">The CA file cannot be read.</exception>
    public static SmartHostCertificateCheck? For(DeliveryOptions options)
    {
        if (!options.SmartHostCheckCertificate) return null;
        return new SmartHostCertificateCheck(options.SmartHostCaFile.Length == 0 ? [] : LoadCaFile(options.SmartHostCaFile));
    }

    /// <summary>The certificates of a PEM file (one or more <c>BEGIN CERTIFICATE</c> blocks).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The file holds no PEM certificate.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static X509Certificate2Collection LoadCaFile(string path)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(path);
        if (certificates.Count == 0) throw new System.Security.Cryptography.CryptographicException($"{path} holds no PEM certificate");
        return certificates;
    }

    /// <summary>Why the certificate is refused, in a few words for the delivery log; null when it is accepted.</summary>
    /// <param name="certificate">The server's certificate as the TLS handshake presents it.</param>
    /// <param name="chain">The chain the platform built, with the intermediates the server sent.</param>
    /// <param name="errors">The platform's verdict against the system trust store and the host name.</param>
    public string? Refusal(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null) return "the server sent no certificate";
        if (errors == SslPolicyErrors.None) return null;
        if (_trusted.Count > 0)
        {
            var raw = certificate.GetRawCertData();
            if (_trusted.Any(t => t.RawData.AsSpan().SequenceEqual(raw))) return null;
            if (errors == SslPolicyErrors.RemoteCertificateChainErrors && ChainsToTrusted(certificate, chain)) return null;
        }
        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) reasons.Add("not issued for this host name");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
            reasons.Add("not trusted (" + string.Join(", ", chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct() ?? ["chain error"]) + ")");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) reasons.Add("not available");
        return $"certificate {certificate.Subject} {string.Join(" and ", reasons)}";
    }

    bool ChainsToTrusted(X509Certificate certificate, X509Chain? presented)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
            foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        return chain.Build(leaf);
    }
}
