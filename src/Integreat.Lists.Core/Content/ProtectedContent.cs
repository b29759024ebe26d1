using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Recognises posts whose body must not change: signed (S/MIME and PGP/MIME <c>multipart/signed</c>,
/// RFC 1847 §2.1, RFC 8551 §3.5; opaque <c>application/pkcs7-mime</c>) or encrypted (<c>multipart/encrypted</c>,
/// RFC 3156 §4). Any edit would break the signature, and an encrypted body cannot be read anyway.</summary>
public static class ProtectedContent
{
    /// <summary>True when the top-level body of <paramref name="message"/> is signed or encrypted.</summary>
    public static bool IsProtected(MimeMessage message) => message.Body is { } body && IsProtected(body.ContentType);

    /// <summary>True for a signed or encrypted content type.</summary>
    public static bool IsProtected(ContentType type)
        => type.IsMimeType("multipart", "signed") || type.IsMimeType("multipart", "encrypted")
           || type.IsMimeType("application", "pkcs7-mime") || type.IsMimeType("application", "x-pkcs7-mime");
}
