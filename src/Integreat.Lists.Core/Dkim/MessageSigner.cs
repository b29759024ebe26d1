using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Integreat.Lists.Core.Dkim;

/// <summary>Adds a DKIM-Signature (RFC 6376; rsa-sha256, relaxed/relaxed) of the list domain to a finished outgoing
/// message, as its last edit. Only the signature line is prepended; every other byte stays as it was, and the
/// signature is computed over exactly those bytes (<see cref="RawMimeMessage"/>), so what is sent verifies.</summary>
/// <remarks>The logger is optional because the CLI hands mail off (welcome notices) without the daemon's logging.</remarks>
public sealed class MessageSigner(IDkimKeyStore keys, ILogger<MessageSigner>? logger = null)
{
    readonly ILogger _logger = logger ?? NullLogger<MessageSigner>.Instance;
    readonly ConditionalWeakTable<byte[], SharedSignedPart> _shared = new();

    /// <summary>The fields signed when present (RFC 6376 §5.4.1's recommendations, the MIME fields and RFC 2369/2919/8058's
    /// List-* fields). From is always signed (§5.4: it is required).</summary>
    static readonly string[] Signed =
        ["From", "Subject", "Date", "Message-ID", "To", "Cc", "Reply-To", "In-Reply-To", "References", "MIME-Version",
         "Content-Type", "Content-Transfer-Encoding"];

    static readonly FormatOptions Dos = CreateFormat();

    /// <summary>Returns <paramref name="message"/> signed for <paramref name="domain"/>, or unchanged when the domain
    /// has no key or the message cannot be signed (logged; unsigned mail is still mail).</summary>
    /// <param name="domain">The list domain (<c>d=</c>).</param>
    /// <param name="message">The complete message, CRLF line ends.</param>
    public byte[] Sign(string domain, byte[] message) => Signatures(domain, [], message) is { Length: > 0 } fields ? [.. fields, .. message] : message;

    /// <summary>Signs one recipient's header fields together with the message shared by all recipients: returns the
    /// DKIM-Signature field followed by <paramref name="prefix"/>, to be sent before <paramref name="message"/>
    /// (which is neither copied nor changed). The signature covers the prefix's fields (e.g. a per-member
    /// <c>List-Unsubscribe</c>, which RFC 8058 §4 requires to be signed) and the usual fields of the message.</summary>
    /// <param name="domain">The list domain (<c>d=</c>).</param>
    /// <param name="prefix">Complete header fields (CRLF line ends).</param>
    /// <param name="message">The shared message, CRLF line ends.</param>
    /// <returns>The prefix, signed when the domain has a key and signing works (else unchanged).</returns>
    public byte[] SignWithPrefix(string domain, byte[] prefix, byte[] message)
        => Signatures(domain, prefix, message) is { Length: > 0 } fields ? [.. fields, .. prefix] : prefix;

    /// <summary>The signer of the copies of one post, each with its member's own fields above the shared
    /// <paramref name="message"/> (see <see cref="SignWithPrefix"/>): made once per delivery job, so that per copy only
    /// the member's fields are canonicalized and one RSA signature is made (and one Ed25519 signature above it when
    /// the domain also has such a key, RFC 8463); the body hash and the shared fields are
    /// computed once per post (kept while <paramref name="message"/>, the outgoing store's shared array, lives).</summary>
    /// <param name="domain">The list domain (<c>d=</c>).</param>
    /// <param name="message">The shared message, CRLF line ends.</param>
    /// <param name="now">The signature time; the current time when null.</param>
    /// <returns>Null when the domain has no key; for a key that is not RSA a signer that calls
    /// <see cref="SignWithPrefix"/> per copy; one that leaves the copies unsigned (logged once) when the shared bytes
    /// cannot be prepared. Dispose it after the job.</returns>
    public CopySigner? ForCopies(string domain, byte[] message, DateTimeOffset? now = null)
    {
        var key = keys.Find(domain);
        if (key is null) return null;
        var timestamp = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var shared = Shared(key, message);
        var copies = RsaCopies(key, shared, message, timestamp);
        if (keys.FindEd25519(domain) is not { } ed) return copies;
        // The Ed25519 signature (RFC 8463) goes above the RSA one, made the same way (body hash once per post).
        var edCopies = shared is not null && ed.PrivateKey is Ed25519PrivateKeyParameters ? new CopySigner(ed, shared, timestamp, _logger) : null;
        return new CopySigner(prefix => [.. (edCopies is null ? Signature(ed, prefix, message) : edCopies.Field(prefix)) ?? [], .. copies.Sign(prefix)],
            copies);
    }

    /// <summary>The post's shared part (made once per shared array), or null when it cannot be made (logged) or the
    /// key is not RSA (MimeKit's signer then signs each copy whole).</summary>
    SharedSignedPart? Shared(DkimKey key, byte[] message)
    {
        if (key.PrivateKey is not RsaPrivateCrtKeyParameters) return null;
        try
        {
            return _shared.GetValue(message, m => SharedSignedPart.Create(m, key));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            _logger.DkimSigningFailed(key.Domain, ex.Message);
            return null;
        }
    }

    CopySigner RsaCopies(DkimKey key, SharedSignedPart? shared, byte[] message, long timestamp)
    {
        if (key.PrivateKey is not RsaPrivateCrtKeyParameters rsaKey) return new CopySigner(prefix => [.. Signature(key, prefix, message) ?? [], .. prefix]);
        if (shared is null) return new CopySigner(prefix => prefix);
        return new CopySigner(key, shared, RSA.Create(DotNetUtilities.ToRSAParameters(rsaKey)), timestamp, _logger);
    }

    /// <summary>The DKIM-Signature fields (CRLF line ends) over the prefix's fields and the message: the Ed25519 one
    /// when the domain has such a key, then the RSA one; empty without an RSA key.</summary>
    byte[] Signatures(string domain, byte[] prefix, byte[] message)
    {
        if (keys.Find(domain) is not { } key) return [];
        var ed = keys.FindEd25519(domain) is { } edKey ? Signature(edKey, prefix, message) : null;
        return [.. ed ?? [], .. Signature(key, prefix, message) ?? []];
    }

    /// <summary>The DKIM-Signature field with <paramref name="key"/> (rsa-sha256, or ed25519-sha256 for an Ed25519
    /// key), or null when signing failed (logged).</summary>
    byte[]? Signature(DkimKey key, byte[] prefix, byte[] message)
    {
        var algorithm = key.PrivateKey is Ed25519PrivateKeyParameters ? DkimSignatureAlgorithm.Ed25519Sha256 : DkimSignatureAlgorithm.RsaSha256;
        try
        {
            var mime = RawMimeMessage.ForSigning(prefix, message);
            var signer = new DkimSigner(key.PrivateKey, key.Domain, key.Selector, algorithm)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
            signer.Sign(Dos, mime, FieldsToSign(mime.Headers.Concat(mime.Body!.Headers).Select(h => h.Field)));
            return Field(mime.Headers[0]);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            _logger.DkimSigningFailed(key.Domain, ex.Message);
            return null;
        }
    }

    /// <summary>The names of the fields to sign that the message has, once each.</summary>
    /// <param name="names">The names of the message's header fields.</param>
    internal static List<string> FieldsToSign(IEnumerable<string> names)
    {
        var present = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fields = Signed.Where(f => f == "From" || present.Contains(f)).ToList();
        fields.AddRange(present.Where(f => f.StartsWith("List-", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase));
        return fields;
    }

    /// <summary>The signature field's bytes (CRLF line ends).</summary>
    internal static byte[] Field(Header signature)
    {
        if (!signature.Field.Equals("DKIM-Signature", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("The signer did not put DKIM-Signature first.");
        var raw = Encoding.ASCII.GetString(signature.RawValue).ReplaceLineEndings("\r\n");
        var field = Encoding.ASCII.GetBytes(signature.Field + ":" + (raw.EndsWith("\r\n", StringComparison.Ordinal) ? raw : raw + "\r\n"));
        return field;
    }

    static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
