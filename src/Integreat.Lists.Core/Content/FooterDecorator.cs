using System.Text;
using Integreat.Lists.Core.Messages;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Adds a list's footer to a post, MIME-correctly (Mailman's <c>handlers/decorate.py</c>): appended to the
/// text of a post that is one <c>text/plain</c> part, in that part's charset and transfer encoding; otherwise as an
/// extra <c>text/plain</c> part after the untouched body in a new <c>multipart/mixed</c> (RFC 2046 §5.1.3).</summary>
/// <remarks>The text is checked and extended as bytes, never as a string: a 10 MB text post would otherwise pass
/// through several 20 MB strings (bench/README.md, memory). Hence only charsets in which ASCII is ASCII are appended
/// to; text in others (UTF-16, EBCDIC, ISO-2022-JP) gets the footer as a part of its own.</remarks>
internal static class FooterDecorator
{
    static FooterDecorator() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Adds <paramref name="footer"/> (LF line ends) to <paramref name="body"/>.</summary>
    /// <param name="top">The post's top-level body as parsed, or null when it has none.</param>
    /// <param name="body">The top level, possibly already edited.</param>
    /// <param name="footer">The rendered footer text.</param>
    public static void Decorate(MimeEntity? top, PostBody body, string footer)
    {
        if (!body.Changed && top is TextPart { IsPlain: true, IsAttachment: false } part && TryAppend(part, body, footer)) return;
        var original = body.AsEntity();
        body.Replace(MimeBytes.Multipart("mixed", original, new VerbatimEntity(original), MimeBytes.Text(footer)));
    }

    /// <summary>Appends the footer to <paramref name="part"/>'s text and makes it <paramref name="body"/>; false (and
    /// nothing changed) when the text does not decode in its charset or the footer cannot be written in it.</summary>
    static bool TryAppend(TextPart part, PostBody body, string footer)
    {
        try
        {
            var encoding = Strict(part.ContentType);
            // Decoding uuencode drops its "begin 644 NAME" line, and with it the file name: such text stays as it is.
            if (!AsciiCompatible(encoding) || !body.Body.IsSingleSegment
                || part.ContentTransferEncoding == ContentEncoding.UUEncode) return false;
            // Without a transfer encoding the body bytes are the text; only quoted-printable and base64 are decoded.
            var identity = part.ContentTransferEncoding is ContentEncoding.Default or ContentEncoding.SevenBit
                or ContentEncoding.EightBit or ContentEncoding.Binary;
            using var decoded = identity ? null : Decoded(part, encoding.GetMaxByteCount(footer.Length * 2 + 4));
            var text = decoded is null ? body.Body.FirstSpan : decoded.GetBuffer().AsSpan(0, (int)decoded.Length);
            var original = encoding;
            if (encoding.CodePage == Encoding.ASCII.CodePage)
            {
                // Plain ASCII is also UTF-8, so the text stays byte for byte and the footer may carry umlauts.
                if (!System.Text.Ascii.IsValid(text)) return false;
                if (!footer.All(char.IsAscii)) encoding = Strict(Encoding.UTF8.CodePage);
            }
            // Throws as decoding would: text that is not valid in its charset is not appended to.
            encoding.GetCharCount(text);
            // The footer's line ends follow the text's (a base64 body may carry bare LF).
            var newline = text.IndexOf((byte)'\n') >= 0 && text.IndexOf("\r\n"u8) < 0 ? "\n" : "\r\n";
            var separator = text.Length == 0 || text[^1] == '\n' ? "" : newline;
            var tail = encoding.GetBytes(separator + footer.TrimEnd('\r', '\n').ReplaceLineEndings(newline) + newline);
            var transfer = Transfer(part.ContentTransferEncoding, text, tail);
            if (identity && ReferenceEquals(encoding, original) && transfer == part.ContentTransferEncoding && CrlfOnly(text))
            {
                // Nothing to re-encode: the fields stay as they are and the footer's bytes follow the body's.
                body.SetBody(ByteSequence.Append(body.Body, tail));
                return true;
            }
            // MimeKit's encoders turn a CR without LF into a line break: such text goes unchanged into its own part.
            if (BareCarriageReturn(text)) return false;
            var content = decoded ?? Copy(text, tail.Length);
            content.Write(tail);
            content.Position = 0;
            part.ContentTransferEncoding = transfer;
            part.ContentType.CharsetEncoding = encoding;
            part.Content = new MimeContent(content);
            body.Replace(part);
        }
        catch (Exception ex) when (ex is ArgumentException or DecoderFallbackException or EncoderFallbackException or NotSupportedException)
        {
            return false;
        }
        return true;
    }

    static MemoryStream Copy(ReadOnlySpan<byte> text, int spare)
    {
        var copy = new MemoryStream(text.Length + spare);
        copy.Write(text);
        return copy;
    }

    /// <summary>True when every LF follows a CR: MimeKit would write such text unchanged (it turns bare LF into CRLF).</summary>
    static bool CrlfOnly(ReadOnlySpan<byte> text)
    {
        for (var at = text.IndexOf((byte)'\n'); at >= 0; at = text.IndexOf((byte)'\n'))
        {
            if (at == 0 || text[at - 1] != '\r') return false;
            text = text[(at + 1)..];
        }
        return true;
    }

    /// <summary>True when a CR is not followed by LF (old Mac line ends, or a stray CR inside a line).</summary>
    static bool BareCarriageReturn(ReadOnlySpan<byte> text)
    {
        for (var at = text.IndexOf((byte)'\r'); at >= 0; at = text.IndexOf((byte)'\r'))
        {
            if (at + 1 >= text.Length || text[at + 1] != '\n') return true;
            text = text[(at + 2)..];
        }
        return false;
    }

    /// <summary>True when the charset writes line ends, '=' and letters and digits as ASCII does, so that the byte
    /// checks above mean what they say.</summary>
    static bool AsciiCompatible(Encoding encoding)
        => (encoding.IsSingleByte || encoding.CodePage == Encoding.UTF8.CodePage)
           && encoding.GetBytes("\r\n= Az09").AsSpan().SequenceEqual("\r\n= Az09"u8);

    /// <summary>The decoded text in a buffer with room for <paramref name="spare"/> more bytes. Decoding never makes
    /// text longer than its encoded form, so the buffer is allocated once.</summary>
    static MemoryStream Decoded(MimePart part, int spare)
    {
        var encoded = part.Content?.Stream?.Length ?? 0;
        var output = new MemoryStream(checked((int)encoded + spare));
        part.Content?.DecodeTo(output);
        return output;
    }

    /// <summary>The transfer encoding after the edit: 7bit stays unless the text now needs more (RFC 2045 §2.7:
    /// ASCII only, lines of at most 998 octets plus CRLF).</summary>
    static ContentEncoding Transfer(ContentEncoding current, ReadOnlySpan<byte> text, ReadOnlySpan<byte> tail)
    {
        if (current is not (ContentEncoding.Default or ContentEncoding.SevenBit)) return current;
        var lastLine = text.Length - 1 - text.LastIndexOf((byte)'\n');
        var firstLine = tail.IndexOf((byte)'\n') is var end and >= 0 ? end : tail.Length;
        var longest = Math.Max(Math.Max(LongestLine(text), LongestLine(tail)), lastLine + firstLine);
        return System.Text.Ascii.IsValid(text) && System.Text.Ascii.IsValid(tail) && longest <= 999 ? current : ContentEncoding.QuotedPrintable;
    }

    /// <summary>The length of the longest line, counting a CR before its LF.</summary>
    static int LongestLine(ReadOnlySpan<byte> bytes)
    {
        var longest = 0;
        while (true)
        {
            var end = bytes.IndexOf((byte)'\n');
            longest = Math.Max(longest, end < 0 ? bytes.Length : end);
            if (end < 0) return longest;
            bytes = bytes[(end + 1)..];
        }
    }

    /// <summary>The part's charset (us-ascii without one), failing on bytes or characters it cannot carry. MimeKit
    /// resolves the name, so the aliases mail programs write (<c>utf8</c>, <c>latin1</c>, <c>cp1252</c>) count.</summary>
    /// <exception cref="NotSupportedException">The charset is unknown.</exception>
    static Encoding Strict(ContentType type)
    {
        var encoding = type.Charset is null ? Encoding.ASCII
            : type.CharsetEncoding ?? throw new NotSupportedException($"unknown charset {type.Charset}");
        return Strict(encoding.CodePage);
    }

    static Encoding Strict(int codePage) => Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
