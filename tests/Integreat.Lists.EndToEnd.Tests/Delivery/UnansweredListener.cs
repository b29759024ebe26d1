using System.Net;
using System.Net.Sockets;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>A port on 127.0.0.1 whose connects are never answered, like a host behind a firewall that drops them:
/// its accept queue is full, so Linux drops further SYNs.</summary>
sealed class UnansweredListener : IDisposable
{
    readonly Socket _listener = new(SocketType.Stream, ProtocolType.Tcp);
    readonly Socket _queued = new(SocketType.Stream, ProtocolType.Tcp);

    UnansweredListener() { }

    /// <summary>"127.0.0.1:port", the form smarthost settings take.</summary>
    public string HostPort => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";

    public static async Task<UnansweredListener> StartAsync()
    {
        var unanswered = new UnansweredListener();
        unanswered._listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        unanswered._listener.Listen(0);
        // Linux queues one connection more than the backlog (never accepted here) and drops the SYN of the next.
        await unanswered._queued.ConnectAsync(unanswered._listener.LocalEndPoint!).WaitAsync(TimeSpan.FromSeconds(30));
        return unanswered;
    }

    public void Dispose()
    {
        _queued.Dispose();
        _listener.Dispose();
    }
}
