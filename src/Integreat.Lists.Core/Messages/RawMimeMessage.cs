using MimeKit;

namespace Integreat.Lists.Core.Messages;

/// <summary>A <see cref="MimeMessage"/> that MailKit serialises to exactly the stored bytes: the parsed header
/// fields (which keep their raw bytes) and the body as an opaque entity.</summary>
/// <remarks>Also what the DKIM signer hashes, so the signature covers exactly the bytes sent. MailKit only sends <see cref="MimeMessage"/>s and would otherwise re-serialise the MIME tree and
/// <c>Prepare</c> (re-encode) it; re-serialisation is not byte-exact on malformed input (LIBRARIES.md §2.2).
/// Built once per delivery attempt and reused for every transaction of the job.</remarks>
public sealed class RawMimeMessage : MimeMessage
{
    /// <summary>Wraps a complete message (CRLF line ends).</summary>
    /// <exception cref="FormatException">The header block cannot be parsed.</exception>
    public RawMimeMessage(byte[] bytes)
    {
        var raw = RawMessage.Parse(bytes);
        Headers.Clear();
        foreach (var header in raw.Headers) Headers.Add(header);
        // MimeKit's DKIM signer reads the Content-* fields from the body entity; a copy there is never written.
        Body = new OpaqueBody(raw.Body, raw.Headers.Where(h => h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Does nothing: the stored bytes go out as they are.</summary>
    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    /// <summary>The body bytes as one entity; its header list holds copies of the content fields for readers such as
    /// the DKIM signer, but only the message's header block (where they stay in their original place) is written.</summary>
    sealed class OpaqueBody : MimeEntity
    {
        readonly ReadOnlyMemory<byte> _bytes;

        public OpaqueBody(ReadOnlyMemory<byte> bytes, IEnumerable<Header> contentFields) : base(new ContentType("application", "octet-stream"))
        {
            _bytes = bytes;
            Headers.Clear();
            foreach (var field in contentFields) Headers.Add(field.Clone());
        }

        public override void Accept(MimeVisitor visitor)
        {
        }

        public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
        {
        }

        public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
            => stream.Write(_bytes.Span);

        public override Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
            => stream.WriteAsync(_bytes, cancellationToken).AsTask();
    }
}
