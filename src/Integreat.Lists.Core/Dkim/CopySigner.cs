using System.Globalization;
using System.Security.Cryptography;
using Integreat.Lists.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Integreat.Lists.Core.Dkim;

/// <summary>Signs the copies of one post that differ only in a few header fields of their member above the shared
/// bytes (RFC 8058 §4: the one-click <c>List-Unsubscribe</c> must be signed). Made once per delivery job; per copy it
/// canonicalizes only the member's fields and makes one signature (rsa-sha256 or ed25519-sha256, relaxed/relaxed,
/// RFC 6376 and 8463): the
/// body hash and the shared fields' canonical forms come from <see cref="SharedSignedPart"/>, computed once per post.</summary>
/// <remarks>Produces the same DKIM-Signature field as MimeKit's <c>DkimSigner</c> over the whole copy would at the
/// same <c>t=</c> (same tags in the same order, same folding, same field selection; PKCS#1 v1.5 signatures are
/// deterministic), so what MimeKit, OpenDKIM and receivers verify is unchanged; only the work per copy is less.
/// Not thread-safe: one per job.</remarks>
public sealed class CopySigner : IDisposable
{
    readonly DkimKey _key = null!;
    readonly SharedSignedPart _shared = null!;
    readonly RSA? _rsa;
    readonly Ed25519PrivateKeyParameters? _ed25519;
    readonly string _timestamp = "";
    readonly Func<byte[], byte[]>? _fallback;
    readonly IDisposable? _inner;
    readonly ILogger _logger = NullLogger.Instance;
    string _lastNames = "";
    string[] _fields = [];

    /// <summary>Creates the signer of one job's copies.</summary>
    /// <param name="key">The list domain's key; an RSA key.</param>
    /// <param name="shared">The post's shared part.</param>
    /// <param name="rsa">The same private key as <paramref name="key"/>, for the system's RSA; disposed with this.</param>
    /// <param name="timestamp">The signature time (<c>t=</c>), seconds since 1970 UTC.</param>
    /// <param name="logger">Where a failed signature is reported (the copy then goes out unsigned).</param>
    public CopySigner(DkimKey key, SharedSignedPart shared, RSA rsa, long timestamp, ILogger? logger = null)
    {
        _key = key;
        _shared = shared;
        _rsa = rsa;
        _timestamp = timestamp.ToString(CultureInfo.InvariantCulture);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>A signer that signs each copy with <paramref name="sign"/> (a key that is not RSA, no signing, or an
    /// Ed25519 signature above <paramref name="inner"/>'s, which is disposed with this).</summary>
    internal CopySigner(Func<byte[], byte[]> sign, IDisposable? inner = null) => (_fallback, _inner) = (sign, inner);

    /// <summary>Creates the signer of one job's copies with an Ed25519 key (ed25519-sha256, RFC 8463 §3: PureEdDSA
    /// over the SHA-256 hash of the signed fields); the body hash is the same as RSA's.</summary>
    /// <param name="key">The list domain's Ed25519 key.</param>
    /// <param name="shared">The post's shared part.</param>
    /// <param name="timestamp">The signature time (<c>t=</c>), seconds since 1970 UTC.</param>
    /// <param name="logger">Where a failed signature is reported.</param>
    public CopySigner(DkimKey key, SharedSignedPart shared, long timestamp, ILogger? logger = null)
    {
        _key = key;
        _shared = shared;
        _ed25519 = key.PrivateKey as Ed25519PrivateKeyParameters ?? throw new ArgumentException("not an Ed25519 key", nameof(key));
        _timestamp = timestamp.ToString(CultureInfo.InvariantCulture);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Returns the DKIM-Signature field followed by <paramref name="prefix"/>, to be sent before the shared
    /// bytes; the signature covers the prefix's fields and the usual fields of the shared bytes.</summary>
    /// <param name="prefix">The member's complete header fields (CRLF line ends).</param>
    /// <returns>The signed prefix, or <paramref name="prefix"/> unchanged when signing failed (logged; unsigned mail
    /// is still mail).</returns>
    public byte[] Sign(byte[] prefix)
    {
        if (_fallback is not null) return _fallback(prefix);
        return [.. Field(prefix) ?? [], .. prefix];
    }

    /// <summary>The DKIM-Signature field alone (CRLF line ends), or null when signing failed (logged).</summary>
    /// <param name="prefix">The member's complete header fields (CRLF line ends).</param>
    internal byte[]? Field(byte[] prefix)
    {
        try
        {
            return SignatureField(prefix);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            _logger.DkimSigningFailed(_key.Domain, ex.Message);
            return null;
        }
    }

    byte[] SignatureField(byte[] prefix)
    {
        var own = RawMimeMessage.ParseFields(prefix);
        var fields = FieldsFor(own);
        var signature = new Header(HeaderId.DkimSignature,
            $"v=1; a={(_ed25519 is null ? "rsa-sha256" : "ed25519-sha256")}; d={_key.Domain}; s={_key.Selector}; c=relaxed/relaxed; t={_timestamp}; " +
            $"h={string.Join(':', fields)}; bh={_shared.BodyHash}; b=");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in fields)
        {
            // The bottom-most field of that name: the shared bytes are below the member's fields.
            var canonical = _shared.Last(field) ?? LastOwn(own, field);
            if (canonical is not null) hash.AppendData(canonical);
        }
        hash.AppendData(RelaxedHeader.Canonical(signature.Field, signature.RawValue, lineEnd: false));
        var digest = hash.GetHashAndReset();
        signature.Value += Convert.ToBase64String(_ed25519 is null
            ? _rsa!.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : SignEd25519(digest));
        return MessageSigner.Field(signature);
    }

    /// <summary>The <c>h=</c> list (lower case) for a copy with these own fields; the same for every copy of a job
    /// in practice, so computed once.</summary>
    string[] FieldsFor(IReadOnlyList<Header> own)
    {
        var names = string.Join('\n', own.Select(h => h.Field));
        if (names == _lastNames && _fields.Length > 0) return _fields;
        _fields = MessageSigner.FieldsToSign(own.Select(h => h.Field).Concat(_shared.Names)).Select(f => f.ToLowerInvariant()).ToArray();
        _lastNames = names;
        return _fields;
    }

    byte[] SignEd25519(byte[] digest)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _ed25519);
        signer.BlockUpdate(digest, 0, digest.Length);
        return signer.GenerateSignature();
    }

    static byte[]? LastOwn(IReadOnlyList<Header> own, string field)
    {
        for (var i = own.Count - 1; i >= 0; i--)
            if (own[i].Field.Equals(field, StringComparison.OrdinalIgnoreCase)) return RelaxedHeader.Canonical(own[i].Field, own[i].RawValue);
        return null;
    }

    /// <summary>Releases the RSA key.</summary>
    public void Dispose()
    {
        _rsa?.Dispose();
        _inner?.Dispose();
    }
}
