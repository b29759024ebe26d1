using Integreat.Lists.Core.Messages;
using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.Core.Dkim;

/// <summary>What every DKIM signature over copies of one post has in common, computed once per post: the body hash
/// (<c>bh=</c>, relaxed body canonicalization, RFC 6376 §3.4.4 and §3.7) and the relaxed canonical form of each
/// header field of the shared bytes (§3.4.2).</summary>
/// <remarks>The body hash comes from MimeKit's own <see cref="DkimSigner"/> (one signature over the shared bytes, of
/// which only <c>bh=</c> is kept), so it is by construction what MimeKit would hash for each copy.</remarks>
public sealed class SharedSignedPart
{
    readonly Dictionary<string, int> _last = new(StringComparer.OrdinalIgnoreCase);

    SharedSignedPart(HeaderList headers, string bodyHash)
    {
        BodyHash = bodyHash;
        Canonical = new byte[headers.Count][];
        for (var i = 0; i < headers.Count; i++)
        {
            Canonical[i] = RelaxedHeader.Canonical(headers[i].Field, headers[i].RawValue);
            _last[headers[i].Field] = i;
        }
    }

    /// <summary>The body hash, base64 (the value of <c>bh=</c>).</summary>
    public string BodyHash { get; }

    /// <summary>The canonical form of each shared header field, in message order (CRLF ended).</summary>
    public byte[][] Canonical { get; }

    /// <summary>The names of the shared header fields, each once (any case).</summary>
    public IEnumerable<string> Names => _last.Keys;

    /// <summary>The canonical form of the last (bottom-most) shared field named <paramref name="field"/>, the one a
    /// signature naming it once covers (§5.4.2), or null when the shared bytes have none.</summary>
    public byte[]? Last(string field) => _last.TryGetValue(field, out var index) ? Canonical[index] : null;

    /// <summary>Parses the shared header block and hashes the body with <paramref name="key"/>'s signer.</summary>
    /// <param name="shared">The bytes shared by all copies (CRLF line ends).</param>
    /// <param name="key">Any key of the list domain (only the body hash is kept).</param>
    /// <exception cref="FormatException">The header block cannot be parsed.</exception>
    public static SharedSignedPart Create(byte[] shared, DkimKey key)
    {
        var mime = RawMimeMessage.ForSigning(shared);
        var signer = new DkimSigner(key.PrivateKey, key.Domain, key.Selector, DkimSignatureAlgorithm.RsaSha256)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        signer.Sign(mime, ["From"]);
        var tags = mime.Headers[0].Value.Split(';', StringSplitOptions.TrimEntries);
        var bodyHash = tags.Select(t => t.Split('=', 2)).First(t => t[0] == "bh")[1];
        return new SharedSignedPart(RawMessage.Parse(shared).Headers, string.Concat(bodyHash.Where(c => !char.IsWhiteSpace(c))));
    }
}
