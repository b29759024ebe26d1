using System.Net.Sockets;

namespace Integreat.Lists.Delivery;

/// <summary>The one timer of a <see cref="SmtpSocketStream"/>: it closes the socket when the pending read or send has
/// run longer than its timeout, the one way to end a socket operation that honours no token of ours.</summary>
internal sealed class SocketWatchdog : IDisposable
{
    readonly Socket _socket;
    readonly Timer _timer;
    long _busySinceMs;
    int _busyTimeoutMs;
    volatile bool _timedOut;

    /// <summary>Starts checking <paramref name="socket"/> every <paramref name="period"/>: an operation ends at most
    /// this much after its timeout.</summary>
    public SocketWatchdog(Socket socket, TimeSpan period)
    {
        _socket = socket;
        _timer = new Timer(static state => ((SocketWatchdog)state!).Check(), this, period, period);
    }

    /// <summary>An operation starts that may take <paramref name="timeoutMs"/> milliseconds
    /// (<see cref="Timeout.Infinite"/>: no limit).</summary>
    public void Begin(int timeoutMs)
    {
        _busyTimeoutMs = timeoutMs;
        Volatile.Write(ref _busySinceMs, Environment.TickCount64);
    }

    /// <summary>The operation has ended, however it ended.</summary>
    public void End() => Volatile.Write(ref _busySinceMs, 0);

    void Check()
    {
        var since = Volatile.Read(ref _busySinceMs);
        if (since == 0 || _busyTimeoutMs == Timeout.Infinite || Environment.TickCount64 - since <= _busyTimeoutMs) return;
        _timedOut = true;
        _socket.Dispose();
    }

    /// <summary>What MailKit's own stream throws for the socket error <paramref name="ex"/>: a timeout as
    /// <see cref="TimeoutException"/>, a broken connection as <see cref="IOException"/>.</summary>
    public Exception Failure(Exception ex) => _timedOut
        ? new TimeoutException($"Operation timed out after {_busyTimeoutMs} milliseconds", ex)
        : new IOException(ex.Message, ex);

    /// <summary>Stops the timer; the socket is the stream's to close.</summary>
    public void Dispose() => _timer.Dispose();
}
