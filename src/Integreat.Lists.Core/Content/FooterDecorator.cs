using System.Text;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Adds a list's footer to a post, MIME-correctly (Mailman's <c>handlers/decorate.py</c>): appended to the
/// text of a post that is one <c>text/plain</c> part, in that part's charset and transfer encoding; otherwise as an
/// extra <c>text/plain</c> part after the untouched body in a new <c>multipart/mixed</c> (RFC 2046 §5.1.3).</summary>
internal static class FooterDecorator
{
    static FooterDecorator() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Adds <paramref name="footer"/> (LF line ends) to <paramref name="body"/>.</summary>
    /// <param name="top">The post's top-level body as parsed, or null when it has none.</param>
    /// <param name="body">The top level, possibly already edited.</param>
    /// <param name="footer">The rendered footer text.</param>
    public static void Decorate(MimeEntity? top, PostBody body, string footer)
    {
        if (!body.Changed && top is TextPart { IsPlain: true, IsAttachment: false } && TryAppend(body, footer)) return;
        var original = body.AsEntity();
        body.Replace(MimeBytes.Multipart("mixed", original, new VerbatimEntity(original), MimeBytes.Text(footer)));
    }

    /// <summary>Appends the footer to the single text part; false when its charset cannot carry the footer or its
    /// text cannot be decoded (then it is wrapped instead of guessed at).</summary>
    static bool TryAppend(PostBody body, string footer)
    {
        using var stream = new MemoryStream(body.AsEntity(), writable: false);
        if (MimeEntity.Load(stream) is not TextPart part) return false;
        var charset = part.ContentType.Charset ?? "us-ascii";
        var content = Decoded(part);
        Encoding encoding;
        try
        {
            encoding = Strict(charset);
            if (encoding.CodePage == Encoding.ASCII.CodePage)
            {
                // Plain ASCII is also UTF-8, so the text stays byte for byte and the footer may carry umlauts.
                if (content.Any(b => b >= 0x80)) return false;
                if (!footer.All(char.IsAscii)) encoding = Strict("utf-8");
            }
            var text = encoding.GetString(content);
            // The footer's line ends follow the text's (a base64 body may carry bare LF).
            var newline = text.Contains('\n') && !text.Contains("\r\n", StringComparison.Ordinal) ? "\n" : "\r\n";
            var separator = text.Length == 0 || text.EndsWith('\n') ? "" : newline;
            var bytes = encoding.GetBytes(text + separator + footer.ReplaceLineEndings(newline) + newline);
            part.SetText(encoding, encoding.GetString(bytes));
            part.ContentTransferEncoding = Transfer(part.ContentTransferEncoding, bytes);
        }
        catch (Exception ex) when (ex is ArgumentException or DecoderFallbackException or EncoderFallbackException or NotSupportedException)
        {
            return false;
        }
        body.Replace(part);
        return true;
    }

    /// <summary>The part's content bytes after undoing the transfer encoding.</summary>
    static byte[] Decoded(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content?.DecodeTo(output);
        return output.ToArray();
    }

    /// <summary>The same transfer encoding when it can carry the new text; 7bit becomes quoted-printable when the text
    /// is no longer 7-bit or has a line over 998 octets (RFC 5322 §2.1.1).</summary>
    static ContentEncoding Transfer(ContentEncoding current, byte[] bytes)
    {
        if (current is not (ContentEncoding.Default or ContentEncoding.SevenBit)) return current;
        var sevenBit = bytes.All(b => b < 0x80) && Encoding.ASCII.GetString(bytes).Split('\n').All(l => l.Length <= 999);
        return sevenBit ? current : ContentEncoding.QuotedPrintable;
    }

    static Encoding Strict(string charset)
        => Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
