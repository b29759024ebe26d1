using MimeKit;

namespace Integreat.Lists.Core.Messages;

/// <summary>A message split into a parsed, editable header block and the untouched bytes of its body.</summary>
/// <remarks>A list edits headers only; the body goes out byte for byte (MimeKit's re-serialisation is not
/// byte-exact on malformed input, LIBRARIES.md §2.2), so the body is never parsed here.</remarks>
public sealed class RawMessage
{
    static readonly ParserOptions Options = new() { MaxMimeDepth = 64 };

    RawMessage(HeaderList headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    /// <summary>The header fields, in order, with unedited fields keeping their raw bytes.</summary>
    public HeaderList Headers { get; }

    /// <summary>The body bytes after the blank line that ends the header block (may be empty).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Splits <paramref name="raw"/> at its first empty line and parses the header block.</summary>
    /// <exception cref="FormatException">The header block cannot be parsed at all.</exception>
    public static RawMessage Parse(byte[] raw)
    {
        var (headerEnd, bodyStart) = FindBodyStart(raw);
        var headerStart = MboxFromLineLength(raw, headerEnd);
        using var stream = new MemoryStream(raw, headerStart, headerEnd - headerStart, writable: false);
        HeaderList headers;
        try
        {
            headers = new MimeParser(Options, stream, MimeFormat.Entity).ParseHeaders();
        }
        catch (ParseException ex)
        {
            throw new FormatException("The header block cannot be parsed: " + ex.Message, ex);
        }
        return new RawMessage(headers, raw.AsMemory(bodyStart));
    }

    /// <summary>The message bytes: the headers (CRLF), a blank line, then the original body bytes.</summary>
    /// <remarks><see cref="HeaderList.WriteTo(FormatOptions, Stream, CancellationToken)"/> ends with the blank line itself.
    /// The result is allocated once at its exact size: a 10 MB post must not pass through a growing buffer and a
    /// copy of it (bench/README.md, memory).</remarks>
    public byte[] ToBytes()
    {
        using var headers = new MemoryStream(4096);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        Headers.WriteTo(format, headers);
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)headers.Length + Body.Length));
        headers.GetBuffer().AsSpan(0, (int)headers.Length).CopyTo(bytes);
        Body.Span.CopyTo(bytes.AsSpan((int)headers.Length));
        return bytes;
    }

    /// <summary>The length of a leading mbox <c>From </c> line (RFC 4155), which is an envelope marker, not a
    /// header; leaked into SMTP by some clients, it is dropped rather than failing the whole header block.</summary>
    static int MboxFromLineLength(byte[] raw, int headerEnd)
    {
        if (headerEnd < 5 || !raw.AsSpan(0, 5).SequenceEqual("From "u8)) return 0;
        var newline = Array.IndexOf(raw, (byte)'\n', 0, headerEnd);
        return newline < 0 ? 0 : newline + 1;
    }

    /// <summary>Returns (end of the header block including its last line end, start of the body).</summary>
    static (int HeaderEnd, int BodyStart) FindBodyStart(byte[] raw)
    {
        // No header fields at all: the message starts with the blank line.
        if (raw.AsSpan().StartsWith("\r\n"u8)) return (0, 2);
        if (raw.AsSpan().StartsWith("\n"u8)) return (0, 1);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\n') continue;
            if (i + 1 < raw.Length && raw[i + 1] == '\n') return (i + 1, i + 2);
            if (i + 2 < raw.Length && raw[i + 1] == '\r' && raw[i + 2] == '\n') return (i + 1, i + 3);
        }
        return (raw.Length, raw.Length);
    }
}
