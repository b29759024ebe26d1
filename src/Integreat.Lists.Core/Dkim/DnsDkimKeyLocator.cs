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
        var (status, key) = await FindAsync(domain, selector, cancellationToken).ConfigureAwait(false);
        return key ?? throw new MimeKit.ParseException($"No single DKIM key at {selector}._domainkey.{domain} ({status}).", 0, 0);
    }

    /// <summary>Looks the key up without throwing: the DNS status, and the key when exactly one key record was found
    /// (a DNS failure is a temporary error, anything else a permanent one, RFC 6376 §6.1.2).</summary>
    /// <exception cref="FormatException">The record is not a usable key (from MimeKit's parser).</exception>
    public async Task<(DnsStatus Status, AsymmetricKeyParameter? Key)> FindAsync(string domain, string selector, CancellationToken cancellationToken)
    {
        var answer = await dns.GetTxtAsync($"{selector}._domainkey.{domain}", cancellationToken).ConfigureAwait(false);
        var keys = answer.Records.Where(r => r.Contains("p=", StringComparison.Ordinal)).ToList();
        return answer.Status != DnsStatus.Found || keys.Count != 1 ? (answer.Status, null) : (answer.Status, GetPublicKey(keys[0]));
    }
}
