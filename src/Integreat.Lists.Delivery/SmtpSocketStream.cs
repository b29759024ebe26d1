using System.Net.Sockets;

namespace Integreat.Lists.Delivery;

/// <summary>The connected socket under MailKit's SMTP client: writes are gathered until MailKit flushes (end of a
/// command group, end of the message data), and every read or send is bounded by the client's timeout.</summary>
/// <remarks>
/// MailKit's own socket stream sends each 4,096-byte block of its buffer as it fills, so a 20 KB copy took about
/// eight <c>send</c> calls, each a trip through the loopback TCP stack and a wake-up of the server; and it makes two
/// cancellation sources, one of them a timer, a linked source and a task source for every read and write. Here a
/// transaction's message data leaves in one <c>send</c> at MailKit's flush (or before the next read, whichever
/// comes first), and one watchdog timer per connection
/// enforces the timeout: it closes the socket when an operation has run longer than the timeout, which ends that
/// operation with a <see cref="TimeoutException"/>, as MailKit's stream does. Under TLS the <c>SslStream</c> sits
/// above this stream, so its records are gathered the same way. A server that sends more than a reply's worth
/// without waiting for a command is cut off.
/// </remarks>
public sealed class SmtpSocketStream : Stream
{
    /// <summary>Above this many buffered bytes a write goes out before the flush: larger than a 20 KB post and
    /// one TLS record (16 KB), below the large-object heap.</summary>
    const int BufferBytes = 64 * 1024;

    /// <summary>More bytes than this read since our last send are no SMTP reply (the longest, an EHLO list, is a few
    /// KB): MailKit gathers a reply without limit, so a server sending one endlessly would fill the memory.</summary>
    const int MaxReplyBytes = 1024 * 1024;

    readonly Socket _socket;
    readonly byte[] _output = new byte[BufferBytes];
    readonly SocketWatchdog _watchdog;
    int _outputLength;
    long _readSinceSend;
    int _readTimeoutMs = Timeout.Infinite;
    int _writeTimeoutMs = Timeout.Infinite;
    bool _disposed;

    /// <summary>Wraps a connected socket, which the stream then owns.</summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="watchdogPeriod">How often the timeout is checked; an operation ends at most this much after its
    /// timeout.</param>
    public SmtpSocketStream(Socket socket, TimeSpan watchdogPeriod)
    {
        _socket = socket;
        _watchdog = new SocketWatchdog(socket, watchdogPeriod);
    }

    /// <inheritdoc/>
    public override bool CanRead => !_disposed;
    /// <inheritdoc/>
    public override bool CanWrite => !_disposed;
    /// <inheritdoc/>
    public override bool CanSeek => false;
    /// <inheritdoc/>
    public override bool CanTimeout => true;

    /// <summary>Milliseconds a read may take before the connection is closed (<see cref="Timeout.Infinite"/>: no limit).</summary>
    public override int ReadTimeout { get => _readTimeoutMs; set => _readTimeoutMs = value; }

    /// <summary>Milliseconds a send may take before the connection is closed (<see cref="Timeout.Infinite"/>: no limit).</summary>
    public override int WriteTimeout { get => _writeTimeoutMs; set => _writeTimeoutMs = value; }

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();
    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Whoever reads waits for an answer to what it wrote: that must be on its way even if no flush came first.
        if (_outputLength > 0) await FlushAsync(cancellationToken).ConfigureAwait(false);
        Begin(_readTimeoutMs);
        try { return Received(await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)); }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw _watchdog.Failure(ex); }
        finally { _watchdog.End(); }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        Flush();
        Begin(_readTimeoutMs);
        try { return Received(_socket.Receive(buffer, offset, count, SocketFlags.None)); }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw _watchdog.Failure(ex); }
        finally { _watchdog.End(); }
    }

    /// <inheritdoc/>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_outputLength + buffer.Length > BufferBytes) await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (buffer.Length > BufferBytes)
        {
            await SendAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }
        buffer.Span.CopyTo(_output.AsSpan(_outputLength));
        _outputLength += buffer.Length;
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_outputLength + count > BufferBytes) Flush();
        if (count > BufferBytes)
        {
            Send(buffer.AsSpan(offset, count));
            return;
        }
        Buffer.BlockCopy(buffer, offset, _output, _outputLength, count);
        _outputLength += count;
    }

    /// <summary>Sends what was gathered since the last flush, in one <c>send</c>.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_outputLength == 0) return;
        var length = _outputLength;
        _outputLength = 0;
        await SendAsync(_output.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        if (_outputLength == 0) return;
        var length = _outputLength;
        _outputLength = 0;
        Send(_output.AsSpan(0, length));
    }

    async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Begin(_writeTimeoutMs);
        try
        {
            while (bytes.Length > 0)
                bytes = bytes[await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false)..];
            _readSinceSend = 0;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw _watchdog.Failure(ex); }
        finally { _watchdog.End(); }
    }

    void Send(ReadOnlySpan<byte> bytes)
    {
        Begin(_writeTimeoutMs);
        try
        {
            while (bytes.Length > 0) bytes = bytes[_socket.Send(bytes, SocketFlags.None)..];
            _readSinceSend = 0;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw _watchdog.Failure(ex); }
        finally { _watchdog.End(); }
    }

    void Begin(int timeoutMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _watchdog.Begin(timeoutMs);
    }

    int Received(int count)
    {
        if ((_readSinceSend += count) <= MaxReplyBytes) return count;
        _socket.Dispose();
        throw new IOException($"the server sent more than {MaxReplyBytes / 1024} KB without waiting for a command");
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _watchdog.Dispose();
            _socket.Dispose();
        }
        base.Dispose(disposing);
    }
}
