using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>An entity that writes given bytes (its header fields, the blank line and its content) exactly as they
/// are, so an untouched part can sit inside a new multipart without MimeKit re-serialising it.</summary>
internal sealed class VerbatimEntity : MimeEntity
{
    readonly byte[] _bytes;

    /// <summary>Wraps <paramref name="bytes"/>: a whole MIME entity, header fields first.</summary>
    public VerbatimEntity(byte[] bytes) : base(new ContentType("application", "octet-stream"))
    {
        _bytes = bytes;
        Headers.Clear();
    }

    public override void Accept(MimeVisitor visitor)
    {
    }

    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        => stream.Write(_bytes);

    public override Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        => stream.WriteAsync(_bytes, cancellationToken).AsTask();
}
