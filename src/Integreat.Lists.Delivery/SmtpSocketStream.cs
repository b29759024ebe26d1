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
/// above this stream, so its records are gathered the same way.
/// </remarks>
public sealed class SmtpSocketStream : Stream
{
    /// <summary>Above this many buffered bytes a write goes out before the flush: larger than a 20 KB post and
    /// one TLS record (16 KB), below the large-object heap.</summary>
    const int BufferBytes = 64 * 1024;

    readonly Socket _socket;
    readonly byte[] _output = new byte[BufferBytes];
    readonly Timer _watchdog;
    int _outputLength;
    int _readTimeoutMs = Timeout.Infinite;
    int _writeTimeoutMs = Timeout.Infinite;
    long _busySinceMs;
    int _busyTimeoutMs;
    volatile bool _timedOut;
    bool _disposed;

    /// <summary>Wraps a connected socket, which the stream then owns.</summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="watchdogPeriod">How often the timeout is checked; an operation ends at most this much after its
    /// timeout.</param>
    public SmtpSocketStream(Socket socket, TimeSpan watchdogPeriod)
    {
        _socket = socket;
        _watchdog = new Timer(static state => ((SmtpSocketStream)state!).Check(), this, watchdogPeriod, watchdogPeriod);
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
        try { return await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false); }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw Failure(ex); }
        finally { End(); }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        Flush();
        Begin(_readTimeoutMs);
        try { return _socket.Receive(buffer, offset, count, SocketFlags.None); }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw Failure(ex); }
        finally { End(); }
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
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw Failure(ex); }
        finally { End(); }
    }

    void Send(ReadOnlySpan<byte> bytes)
    {
        Begin(_writeTimeoutMs);
        try
        {
            while (bytes.Length > 0) bytes = bytes[_socket.Send(bytes, SocketFlags.None)..];
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { throw Failure(ex); }
        finally { End(); }
    }

    void Begin(int timeoutMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _busyTimeoutMs = timeoutMs;
        Volatile.Write(ref _busySinceMs, Environment.TickCount64);
    }

    void End() => Volatile.Write(ref _busySinceMs, 0);

    /// <summary>The watchdog: closing the socket is the one way to end a pending socket operation that honours no
    /// token of ours.</summary>
    void Check()
    {
        var since = Volatile.Read(ref _busySinceMs);
        if (since == 0 || _busyTimeoutMs == Timeout.Infinite || Environment.TickCount64 - since <= _busyTimeoutMs) return;
        _timedOut = true;
        _socket.Dispose();
    }

    /// <summary>What MailKit's own stream throws: a timeout as <see cref="TimeoutException"/>, a broken connection
    /// as <see cref="IOException"/>.</summary>
    Exception Failure(Exception ex) => _timedOut
        ? new TimeoutException($"Operation timed out after {_busyTimeoutMs} milliseconds", ex)
        : new IOException(ex.Message, ex);

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
