namespace Integreat.Lists.Smtp;

/// <summary>A write-only view of the client connection that calls <paramref name="dataFollows"/> when the server
/// writes a <c>354</c> reply (RFC 5321 §4.1.1.4: the client now sends the message content).</summary>
/// <remarks>SmtpServer writes and flushes each reply on its own, so a reply starts a write.</remarks>
public sealed class DataReplyWatchStream(Stream inner, Action dataFollows) : Stream
{
    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Watch(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count)
    {
        Watch(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <inheritdoc/>
    public override void Flush() => inner.Flush();

    void Watch(ReadOnlySpan<byte> written)
    {
        if (written.StartsWith("354 "u8) || written.IndexOf("\n354 "u8) >= 0) dataFollows();
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
}
