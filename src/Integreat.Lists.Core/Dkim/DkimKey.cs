using Org.BouncyCastle.Crypto;

namespace Integreat.Lists.Core.Dkim;

/// <summary>A domain's DKIM signing key (RFC 6376 §3.1: the selector names the TXT record at
/// <c>SELECTOR._domainkey.DOMAIN</c> that holds the public half).</summary>
/// <param name="Domain">The signing domain (<c>d=</c>), a list domain.</param>
/// <param name="Selector">The selector (<c>s=</c>).</param>
/// <param name="PrivateKey">The RSA private key.</param>
public sealed record DkimKey(string Domain, string Selector, AsymmetricKeyParameter PrivateKey);
