using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Integreat.Lists.Daemon.Control;

/// <summary>The CLI's side of the control socket: sends one command line to the running daemon and returns its reply.</summary>
/// <remarks>The request is a JSON array of the argument strings and a LF; the reply one <see cref="ControlReply"/>
/// line. One command per connection.</remarks>
public static class ControlClient
{
    /// <summary>Forwards <paramref name="args"/> when a daemon listens on <paramref name="socketPath"/>.</summary>
    /// <returns>The reply; null when no daemon listens (no socket file, or a file left by a daemon that is gone),
    /// so the caller may open the store itself.</returns>
    /// <exception cref="SocketException">The socket exists but cannot be used (e.g. permission denied).</exception>
    /// <exception cref="IOException">The daemon closed the connection without a reply.</exception>
    /// <exception cref="JsonException">The reply is not a <see cref="ControlReply"/>.</exception>
    public static async Task<ControlReply?> TryForwardAsync(string socketPath, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath)) return null;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable)
        {
            // Nobody accepts: a crashed daemon's leftover file. It is left alone; the next daemon replaces it.
            return null;
        }
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(args) + "\n"), cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new IOException("the daemon closed the control connection without a reply");
        return ControlReply.Parse(line);
    }
}
