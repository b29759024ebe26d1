using System.Text;
using System.Threading.Channels;

namespace Integreat.Lists.Testing;

/// <summary>A duplex stream that plays a client: each read returns the next scripted chunk (at most the reader's
/// buffer size; the rest on the following read), so a test decides exactly how the server's reads are split.
/// Everything written to it (the server's replies) is collected.</summary>
public sealed class ScriptedStream : Stream
{
    readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>();
    readonly StringBuilder _written = new();
    readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    ReadOnlyMemory<byte> _current;

    /// <summary>Queues <paramref name="chunk"/> for the server to read.</summary>
    public void Send(byte[] chunk) => _chunks.Writer.TryWrite(chunk);

    /// <summary>Queues ASCII text.</summary>
    public void Send(string text) => Send(Encoding.ASCII.GetBytes(text));

    /// <summary>Ends the client's side: reads return 0 once the queued chunks are read.</summary>
    public void EndOfInput() => _chunks.Writer.TryComplete();

    /// <summary>The next complete line the server wrote, without CRLF.</summary>
    /// <exception cref="TimeoutException">No line within <paramref name="timeout"/>.</exception>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No line from the server within {timeout.TotalSeconds:0.#} s.");
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_current.IsEmpty)
        {
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false)) return 0;
            _current = await _chunks.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }

    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_written)
        {
            _written.Append(Encoding.Latin1.GetString(buffer));
            int end;
            while ((end = _written.ToString().IndexOf("\r\n", StringComparison.Ordinal)) >= 0)
            {
                _lines.Writer.TryWrite(_written.ToString(0, end));
                _written.Remove(0, end + 2);
            }
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
}
