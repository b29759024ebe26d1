using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>A raw TCP server on 127.0.0.1 that plays each accepted connection by a script, byte for byte: for the
/// faults a real SMTP server library never makes (silence, a hang-up mid-reply, a reply in many segments).</summary>
sealed class ScriptedSmtpServer : IAsyncDisposable
{
    readonly Socket _listener = new(SocketType.Stream, ProtocolType.Tcp);
    readonly CancellationTokenSource _stop = new();
    readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly List<Socket> _connections = [];
    readonly Task _accepting;

    /// <summary>Starts listening; <paramref name="script"/> plays each connection (the socket is closed after it).</summary>
    public ScriptedSmtpServer(Func<Connection, Task> script)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        _accepting = AcceptAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public string HostPort => $"127.0.0.1:{Port}";

    /// <summary>Completed when a connection's script has ended (it threw or returned).</summary>
    public TaskCompletionSource ScriptEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    async Task AcceptAsync(Func<Connection, Task> script)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            lock (_connections) _connections.Add(socket);
            _ = Task.Run(async () =>
            {
                try { await script(new Connection(socket, _release.Task, _stop.Token)); }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException) { }
                finally
                {
                    socket.Dispose();
                    ScriptEnded.TrySetResult();
                }
            });
        }
    }

    /// <summary>Ends <see cref="Connection.StallAsync"/>: the stalled connections read again.</summary>
    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _accepting;
        lock (_connections) foreach (var socket in _connections) socket.Dispose();
    }

    /// <summary>One accepted connection, seen from the server.</summary>
    public sealed class Connection(Socket socket, Task released, CancellationToken stop)
    {
        readonly StringBuilder _pending = new();
        Stream _stream = new NetworkStream(socket, ownsSocket: false);

        public Socket Socket => socket;

        /// <summary>Sends ASCII text as it is (CRLF must be in it).</summary>
        public Task SendAsync(string text) => _stream.WriteAsync(Encoding.ASCII.GetBytes(text), stop).AsTask();

        /// <summary>Greeting, EHLO offering STARTTLS, and <c>220</c> to the STARTTLS command.</summary>
        public async Task PlayUntilStartTlsAsync()
        {
            await SendAsync("220 scripted.test ESMTP\r\n");
            await ReadLineAsync();
            await SendAsync("250-scripted.test\r\n250 STARTTLS\r\n");
            await ReadLineAsync();
            await SendAsync("220 go ahead\r\n");
        }

        /// <summary>The server's side of a TLS handshake with <paramref name="certificate"/>; from then on all goes over TLS.</summary>
        public async Task StartTlsAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
        {
            var tls = new System.Net.Security.SslStream(_stream);
            await tls.AuthenticateAsServerAsync(certificate);
            _stream = tls;
        }

        /// <summary>The next line the client sent, without CRLF; null when it hung up.</summary>
        public async Task<string?> ReadLineAsync()
        {
            var buffer = new byte[1];
            while (true)
            {
                var text = _pending.ToString();
                var end = text.IndexOf("\r\n", StringComparison.Ordinal);
                if (end >= 0)
                {
                    _pending.Remove(0, end + 2);
                    return text[..end];
                }
                if (await _stream.ReadAsync(buffer, stop) == 0) return null;
                _pending.Append((char)buffer[0]);
            }
        }

        /// <summary>Reads lines until one equals <paramref name="line"/>; false when the client hung up first.</summary>
        public async Task<bool> ReadUntilAsync(string line)
        {
            while (await ReadLineAsync() is { } read)
                if (read == line) return true;
            return false;
        }

        /// <summary>Greeting (unless <paramref name="greet"/> is false), EHLO, MAIL and RCPTs answered with 250 until
        /// DATA (answered with 354).</summary>
        public async Task PlayUntilDataAsync(bool greet = true)
        {
            if (greet) await SendAsync("220 scripted.test ESMTP\r\n");
            while (await ReadLineAsync() is { } line)
            {
                if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase)) await SendAsync("250-scripted.test\r\n250 8BITMIME\r\n");
                else if (line.Equals("DATA", StringComparison.OrdinalIgnoreCase)) { await SendAsync("354 go ahead\r\n"); return; }
                else await SendAsync("250 OK\r\n");
            }
        }

        /// <summary>Neither reads nor writes until <see cref="Release"/>, so the client's sends fill the socket buffers;
        /// then reads until the client hangs up.</summary>
        public async Task StallAsync()
        {
            await released.WaitAsync(stop);
            await WaitForHangUpAsync();
        }

        /// <summary>Closes the connection with a TCP reset instead of a FIN.</summary>
        public void Reset()
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        /// <summary>Waits until the client hangs up (or the server stops).</summary>
        public async Task WaitForHangUpAsync()
        {
            var buffer = new byte[4096];
            while (await _stream.ReadAsync(buffer, stop) > 0) { }
        }
    }
}
