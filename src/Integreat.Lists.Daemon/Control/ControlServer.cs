using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Integreat.Lists.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Daemon.Control;

/// <summary>The daemon's side of the control socket: runs forwarded <c>lists</c>, <c>members</c> and <c>queue</c>
/// commands in-process, against the running host's services, and replies with their output and exit code.</summary>
/// <remarks>Only one process may use the LiteDB store at a time (each keeps its own cache; see <see cref="StoreLock"/>),
/// so while the daemon runs the CLI asks it instead of opening the store. The socket is <c>control.sock</c> in the
/// data directory, mode 0600 (only the daemon's user may administer). Connections are served concurrently, and
/// a client has <see cref="RequestTimeout"/> to send its request line, so an idle or slow client holds up nobody;
/// the commands themselves run one at a time, so two of them never race.</remarks>
public sealed class ControlServer(IServiceProvider services, IOptions<StorageOptions> storage, ILogger<ControlServer> logger)
    : BackgroundService
{
    /// <summary>How long a client may take to send its request line before it is dropped.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    readonly string _path = ControlSocket.PathFor(storage.Value);
    /// <summary>Lets one command run at a time; reading requests and writing replies happen outside it.</summary>
    readonly SemaphoreSlim _commandGate = new(1, 1);
    readonly object _connectionsGate = new();
    readonly HashSet<Task> _connections = [];
    Socket? _listener;

    /// <summary>The socket's path.</summary>
    public string SocketPath => _path;

    /// <summary>Binds the socket before the host reports started, so the CLI can rely on it once the daemon is ready.</summary>
    /// <remarks>When the socket cannot be bound (a path too long for a Unix socket, a directory that is not
    /// writable), the daemon still takes mail and logs the error; the CLI then reports that the store is in use.</remarks>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _listener = Bind(_path);
            logger.LogInformation("control socket listening on {Path}", _path);
        }
        catch (Exception ex) when (ex is IOException or SocketException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "no control socket at {Path}: {Reason}; the CLI cannot change the store while the daemon runs", _path, ex.Message);
        }
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await AcceptLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // Every connection ends soon after the stop: its read and its command watch the stopping token.
            Task[] open;
            lock (_connectionsGate) open = [.. _connections];
            await Task.WhenAll(open).ConfigureAwait(false);
        }
    }

    async Task AcceptLoopAsync(CancellationToken stoppingToken)
    {
        while (_listener is not null && !stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener!.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Mail keeps flowing without the control socket; the CLI then reports that the store is in use.
                logger.LogError(ex, "the control socket stopped accepting: {Reason}", ex.Message);
                return;
            }
            Track(ServeAndCloseAsync(client, stoppingToken));
        }
    }

    void Track(Task connection)
    {
        lock (_connectionsGate) _connections.Add(connection);
        connection.ContinueWith(done => { lock (_connectionsGate) _connections.Remove(done); },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    async Task ServeAndCloseAsync(Socket client, CancellationToken stoppingToken)
    {
        // Off the accept loop at once: the next client is accepted while this one is still being read.
        await Task.Yield();
        using (client)
        {
            try
            {
                await ServeAsync(client, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // A connection must never take the control socket down with it.
                logger.LogError(ex, "control connection failed: {Reason}", ex.Message);
            }
        }
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Close();
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        Close();
        _commandGate.Dispose();
        base.Dispose();
    }

    static Socket Bind(string path)
    {
        if (Encoding.UTF8.GetByteCount(path) > 107)
            throw new IOException($"the control socket path {path} is longer than the 107 bytes a Unix socket allows; shorten Storage:Directory");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A file left by a daemon that crashed refuses every connection. This process holds the store's lock by
        // now, so no other daemon uses this data directory and the file is safe to replace.
        File.Delete(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            // Restrict before Listen: until then every connection attempt is refused, so none slips in with wider rights.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            socket.Listen(16);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: false);
            var args = await ReadRequestAsync(stream, stoppingToken).ConfigureAwait(false);
            if (args is null) return;
            ControlReply reply;
            await _commandGate.WaitAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                reply = await RunAsync(args, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                _commandGate.Release();
            }
            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply.ToJson() + "\n"), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            logger.LogWarning("control connection dropped: {Reason}", ex.Message);
        }
    }

    /// <summary>Reads the request line; null when the client sent nothing usable (it gets no reply).</summary>
    async Task<string[]?> ReadRequestAsync(Stream stream, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(RequestTimeout);
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        string? line;
        try
        {
            line = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("control client sent no request within {Seconds} s; connection dropped", RequestTimeout.TotalSeconds);
            return null;
        }
        try
        {
            return line is null ? null : JsonSerializer.Deserialize<string[]>(line);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("control request is not a JSON array of strings: {Reason}", ex.Message);
            return null;
        }
    }

    async Task<ControlReply> RunAsync(string[] args, CancellationToken stoppingToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code;
        try
        {
            code = await Cli.Cli.RunInDaemonAsync(args, services, output, error, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The daemon keeps running; the operator sees one line, the log the whole story.
            logger.LogError(ex, "control command {Command} failed", string.Join(' ', args));
            await error.WriteLineAsync("error: the daemon could not run the command: " + ex.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            code = 1;
        }
        logger.LogInformation("control command {Command} exited {Code}", string.Join(' ', args), code);
        return new ControlReply(code, output.ToString(), error.ToString());
    }

    void Close()
    {
        // Only the instance that bound the socket removes it: a daemon that failed to start must not take the
        // socket of the one that runs.
        if (_listener is null) return;
        _listener.Dispose();
        _listener = null;
        // Disposing a bound Unix socket in .NET also removes its file; the delete covers platforms that do not.
        File.Delete(_path);
    }
}
