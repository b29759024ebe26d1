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
    public RawMimeMessage(byte[] bytes) : this([], bytes, contentFieldsInBody: false)
    {
    }

    /// <summary>Wraps a message shared by many recipients with header fields of one recipient above it; the shared
    /// bytes are not copied.</summary>
    /// <param name="prefix">Complete header fields (CRLF line ends), written first; may be empty.</param>
    /// <param name="bytes">The shared message (CRLF line ends).</param>
    /// <exception cref="FormatException">A header block cannot be parsed.</exception>
    public RawMimeMessage(byte[] prefix, byte[] bytes) : this(prefix, bytes, contentFieldsInBody: false)
    {
    }

    RawMimeMessage(byte[] prefix, byte[] bytes, bool contentFieldsInBody)
    {
        _sharedLength = bytes.Length;
        Length = prefix.Length + bytes.Length;
        var raw = RawMessage.Parse(bytes);
        Headers.Clear();
        var content = new List<Header>();
        var fields = prefix.Length == 0 ? raw.Headers : ParseFields(prefix).Concat(raw.Headers);
        foreach (var header in fields)
        {
            if (contentFieldsInBody && header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) content.Add(header);
            else Headers.Add(header);
        }
        Body = new OpaqueBody(raw.Body, content);
    }

    /// <summary>The view MimeKit's DKIM signer needs: it reads the Content-* fields from the body entity, so they
    /// move there. Only for hashing; <see cref="MimeMessage.WriteTo(Stream, CancellationToken)"/> of it would put
    /// them below the other fields.</summary>
    /// <exception cref="FormatException">The header block cannot be parsed.</exception>
    public static RawMimeMessage ForSigning(byte[] bytes) => new([], bytes, contentFieldsInBody: true);

    /// <summary>The signing view of <paramref name="prefix"/>'s fields above the shared <paramref name="bytes"/>.</summary>
    /// <exception cref="FormatException">A header block cannot be parsed.</exception>
    public static RawMimeMessage ForSigning(byte[] prefix, byte[] bytes) => new(prefix, bytes, contentFieldsInBody: true);

    /// <summary>The length of the wrapped message in bytes: what a SIZE parameter (RFC 1870) announces, known
    /// without serialising the message once more just to count it.</summary>
    public long Length { get; private set; }

    readonly long _sharedLength;
    int _prefixFields;

    /// <summary>Puts one recipient's header fields above the shared ones, in place of the previous recipient's
    /// (empty: none), so one wrapper (one parse of the shared header block) serves every copy of a job.</summary>
    /// <param name="prefix">Complete header fields (CRLF line ends), or empty.</param>
    /// <exception cref="FormatException">A field of <paramref name="prefix"/> cannot be parsed.</exception>
    public void SetPrefix(byte[] prefix)
    {
        var fields = prefix.Length == 0 ? [] : ParseFields(prefix);
        for (; _prefixFields > 0; _prefixFields--) Headers.RemoveAt(0);
        for (var i = 0; i < fields.Count; i++) Headers.Insert(i, fields[i]);
        _prefixFields = fields.Count;
        Length = _sharedLength + prefix.Length;
    }

    /// <summary>Parses complete header fields (CRLF line ends, folded lines continue a field) keeping their raw bytes,
    /// without a parser for a whole header block.</summary>
    /// <exception cref="FormatException">A field has no colon.</exception>
    public static List<Header> ParseFields(byte[] fields)
    {
        var parsed = new List<Header>(4);
        var start = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] != '\n' || (i + 1 < fields.Length && fields[i + 1] is (byte)' ' or (byte)'\t')) continue;
            if (!Header.TryParse(fields, start, i + 1 - start, out var header))
                throw new FormatException("A header field cannot be parsed: " + System.Text.Encoding.ASCII.GetString(fields, start, i + 1 - start));
            parsed.Add(header);
            start = i + 1;
        }
        if (start < fields.Length) throw new FormatException("The header fields do not end with a line end.");
        return parsed;
    }

    /// <summary>Does nothing: the stored bytes go out as they are.</summary>
    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    /// <summary>The body bytes as one entity, without header fields of its own except in the signing view (the
    /// content fields normally stay in the message's header block, in their original place).</summary>
    sealed class OpaqueBody : MimeEntity
    {
        readonly ReadOnlyMemory<byte> _bytes;

        public OpaqueBody(ReadOnlyMemory<byte> bytes, IEnumerable<Header> contentFields) : base(new ContentType("application", "octet-stream"))
        {
            _bytes = bytes;
            Headers.Clear();
            foreach (var field in contentFields) Headers.Add(field);
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
