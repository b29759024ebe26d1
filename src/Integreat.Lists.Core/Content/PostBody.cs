using System.Buffers;
using Integreat.Lists.Core.Messages;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>The top level of a post under edit: its header block, with the <c>Content-*</c> fields that describe the
/// body, and the body bytes. Fields that are not replaced keep their raw bytes.</summary>
/// <remarks>The body is a view of the message it was read from until an edit replaces it, and the result is built
/// once at its exact size: a 10 MB post must not be copied per step (bench/README.md, memory).</remarks>
internal sealed class PostBody
{
    readonly RawMessage _raw;
    List<Header>? _contentFields;

    PostBody(RawMessage raw, int bodyOffset)
    {
        _raw = raw;
        BodyOffset = bodyOffset;
        Body = new ReadOnlySequence<byte>(raw.Body);
    }

    /// <summary>Where the body starts in the message it was read from.</summary>
    public int BodyOffset { get; }

    /// <summary>The body bytes (after the blank line).</summary>
    public ReadOnlySequence<byte> Body { get; private set; }

    /// <summary>True once the body or its content fields were replaced.</summary>
    public bool Changed { get; private set; }

    /// <summary>True once the body was replaced by another entity (<see cref="Replace"/>).</summary>
    public bool Replaced => _contentFields is not null;

    /// <summary>The fields that describe the body: <c>Content-*</c>, in order.</summary>
    public IReadOnlyList<Header> ContentFields => _contentFields ?? _raw.Headers.Where(IsContentField).ToList();

    /// <summary>Splits <paramref name="message"/>.</summary>
    /// <exception cref="FormatException">The header block cannot be parsed.</exception>
    public static PostBody Parse(byte[] message)
    {
        var raw = RawMessage.Parse(message);
        return new PostBody(raw, message.Length - raw.Body.Length);
    }

    /// <summary>The body as a MIME entity of its own: its content fields, a blank line, the body bytes.</summary>
    public byte[] AsEntity() => Concat(MimeBytes.Fields(ContentFields), Body);

    /// <summary>Replaces the body bytes and keeps the content fields.</summary>
    public void SetBody(ReadOnlySequence<byte> body)
    {
        Body = body;
        Changed = true;
    }

    /// <summary>Replaces the body by <paramref name="entity"/>: its header fields become the content fields.</summary>
    public void Replace(MimeEntity entity)
    {
        _contentFields = entity.Headers.ToList();
        Body = new ReadOnlySequence<byte>(MimeBytes.Content(entity));
        Changed = true;
    }

    /// <summary>The message: the header block (new content fields at its end, and <c>MIME-Version</c> when it had
    /// none), then the body.</summary>
    public byte[] ToBytes()
    {
        if (_contentFields is not null)
        {
            for (var i = _raw.Headers.Count - 1; i >= 0; i--)
                if (IsContentField(_raw.Headers[i])) _raw.Headers.RemoveAt(i);
            if (!_raw.Headers.Contains(HeaderId.MimeVersion)) _raw.Headers.Add(new Header(HeaderId.MimeVersion, "1.0"));
            foreach (var field in _contentFields) _raw.Headers.Add(field);
        }
        return Concat(MimeBytes.Fields(_raw.Headers), Body);
    }

    static byte[] Concat(byte[] head, ReadOnlySequence<byte> body)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked(head.Length + (int)body.Length));
        head.CopyTo(bytes, 0);
        body.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }

    static bool IsContentField(Header header) => header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);
}
