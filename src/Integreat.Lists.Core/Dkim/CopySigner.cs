using System.Globalization;
using System.Security.Cryptography;
using Integreat.Lists.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Integreat.Lists.Core.Dkim;

/// <summary>Signs the copies of one post that differ only in a few header fields of their member above the shared
/// bytes (RFC 8058 §4: the one-click <c>List-Unsubscribe</c> must be signed). Made once per delivery job; per copy it
/// canonicalizes only the member's fields and makes one RSA signature (rsa-sha256, relaxed/relaxed, RFC 6376): the
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

    /// <summary>Returns the DKIM-Signature field followed by <paramref name="prefix"/>, to be sent before the shared
    /// bytes; the signature covers the prefix's fields and the usual fields of the shared bytes.</summary>
    /// <param name="prefix">The member's complete header fields (CRLF line ends).</param>
    /// <returns>The signed prefix, or <paramref name="prefix"/> unchanged when signing failed (logged; unsigned mail
    /// is still mail).</returns>
    public byte[] Sign(byte[] prefix)
    {
        if (_fallback is not null) return _fallback(prefix);
        try
        {
            return SignWithRsa(prefix);
        }
        catch (CryptographicException ex)
        {
            _logger.DkimSigningFailed(_key.Domain, ex.Message);
            return prefix;
        }
    }

    byte[] SignWithRsa(byte[] prefix)
    {
        var own = RawMimeMessage.ParseFields(prefix);
        var fields = FieldsFor(own);
        var signature = new Header(HeaderId.DkimSignature,
            $"v=1; a=rsa-sha256; d={_key.Domain}; s={_key.Selector}; c=relaxed/relaxed; t={_timestamp}; " +
            $"h={string.Join(':', fields)}; bh={_shared.BodyHash}; b=");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in fields)
        {
            // The bottom-most field of that name: the shared bytes are below the member's fields.
            var canonical = _shared.Last(field) ?? LastOwn(own, field);
            if (canonical is not null) hash.AppendData(canonical);
        }
        hash.AppendData(RelaxedHeader.Canonical(signature.Field, signature.RawValue, lineEnd: false));
        var signed = _rsa!.SignHash(hash.GetHashAndReset(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signature.Value += Convert.ToBase64String(signed);
        return [.. MessageSigner.Field(signature), .. prefix];
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
