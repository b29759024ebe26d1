using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dns;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Integreat.Lists.Core.Dkim;

/// <summary>Finds DKIM public keys in DNS for MimeKit's verifiers: the TXT record at <c>SELECTOR._domainkey.DOMAIN</c>
/// (RFC 6376 §3.6.2.1), through <see cref="IDnsResolver"/>.</summary>
public sealed class DnsDkimKeyLocator(IDnsResolver dns) : DkimPublicKeyLocatorBase
{
    /// <inheritdoc />
    /// <exception cref="MimeKit.ParseException">No key record, several, or a record that is not a DKIM key.</exception>
    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default)
        => LocatePublicKeyAsync(methods, domain, selector, cancellationToken).GetAwaiter().GetResult();

    /// <inheritdoc />
    /// <exception cref="MimeKit.ParseException">No key record, several, or a record that is not a DKIM key.</exception>
    public override async Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector,
        CancellationToken cancellationToken = default)
    {
        var name = $"{selector}._domainkey.{domain}";
        var answer = await dns.GetTxtAsync(name, cancellationToken).ConfigureAwait(false);
        var keys = answer.Records.Where(r => r.Contains("p=", StringComparison.Ordinal)).ToList();
        if (answer.Status != DnsStatus.Found || keys.Count != 1)
            throw new MimeKit.ParseException($"No single DKIM key at {name} ({answer.Status}).", 0, 0);
        return GetPublicKey(keys[0]);
    }
}
