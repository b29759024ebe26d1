using System.Text;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Writes new MIME parts with CRLF line ends: plain-text parts and multiparts around untouched parts.</summary>
internal static class MimeBytes
{
    static readonly FormatOptions Format = CreateFormat();

    static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    /// <summary>A new inline <c>text/plain; charset=utf-8</c> part, quoted-printable when it is not plain ASCII; the
    /// text gets a final line end.</summary>
    public static TextPart Text(string text)
    {
        text = text.TrimEnd('\r', '\n') + "\n";
        var part = new TextPart("plain") { ContentDisposition = new ContentDisposition(ContentDisposition.Inline) };
        part.SetText(Encoding.UTF8, Crlf(text));
        part.ContentTransferEncoding = text.All(char.IsAscii) && text.Split('\n').All(l => l.Length <= 998)
            ? ContentEncoding.SevenBit : ContentEncoding.QuotedPrintable;
        return part;
    }

    /// <summary>A <c>multipart/SUBTYPE</c> holding <paramref name="parts"/> in order, with a boundary made from
    /// <paramref name="seed"/>, the bytes it wraps (the same post gives the same bytes on a rerun after a crash).</summary>
    public static Multipart Multipart(string subtype, byte[] seed, params MimeEntity[] parts)
    {
        var multipart = new Multipart(subtype) { Boundary = Boundary(seed, subtype) };
        foreach (var part in parts) multipart.Add(part);
        return multipart;
    }

    /// <summary>A boundary from a hash of <paramref name="seed"/>: "=_il_" and 32 hex digits, which no line of
    /// the parts it separates is likely to start with (RFC 2046 §5.1.1).</summary>
    static string Boundary(byte[] seed, string subtype)
        => "=_il_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. seed, .. Encoding.ASCII.GetBytes(subtype)]))[..32];

    /// <summary>The whole entity: header fields, blank line, content.</summary>
    public static byte[] Entity(MimeEntity entity)
    {
        using var output = new MemoryStream();
        entity.WriteTo(Format, output);
        return output.ToArray();
    }

    /// <summary>The content of the entity only, without its header fields.</summary>
    public static byte[] Content(MimeEntity entity)
    {
        // Blocks instead of a doubling buffer: a 10 MB body would otherwise leave 16 MB of halves on the large-object heap.
        using var output = new MimeKit.IO.MemoryBlockStream();
        entity.WriteTo(Format, output, contentOnly: true);
        return output.ToArray();
    }

    /// <summary><paramref name="headers"/> as raw bytes, ending with the blank line.</summary>
    public static byte[] Fields(IEnumerable<Header> headers)
    {
        var list = new HeaderList();
        foreach (var header in headers) list.Add(header);
        using var output = new MemoryStream();
        list.WriteTo(Format, output);
        return output.ToArray();
    }

    /// <summary>The text with CRLF line ends.</summary>
    public static string Crlf(string text) => text.ReplaceLineEndings("\r\n");
}
