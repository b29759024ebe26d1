using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Delivery;
using Integreat.Lists.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Integreat.Lists.Bench;

/// <summary>The ceiling: how fast a plain client gets the same number of recipients into the same sink.</summary>
/// <param name="Recipients">Recipients the client sent (transactions × recipients per transaction).</param>
/// <param name="Transactions">SMTP transactions the client made.</param>
/// <param name="Elapsed">Wall time of the whole client run (connects included).</param>
/// <param name="SinkTransactions">Transactions the sink counted during the run (a cross-check).</param>
/// <param name="Tool">What produced it, for the log.</param>
sealed record Ceiling(long Recipients, long Transactions, TimeSpan Elapsed, long SinkTransactions, string Tool)
{
    public double RecipientsPerSecond => Recipients / Elapsed.TotalSeconds;
}

/// <summary>Where the daemon delivers to.</summary>
interface ISink : IAsyncDisposable
{
    /// <summary>"127.0.0.1:PORT".</summary>
    string HostPort { get; }

    /// <summary>Transactions (messages) the sink accepted so far.</summary>
    long Transactions { get; }

    /// <summary>Recipients the sink accepted so far, when it can tell (smtp-sink cannot).</summary>
    long? Recipients { get; }

    /// <summary>CPU time used by the sink when it is a process of its own, else null (inproc: part of ours).</summary>
    TimeSpan? ProcessCpu { get; }

    /// <summary>Completes with a <see cref="Stopwatch"/> timestamp once the sink has accepted at least
    /// <paramref name="count"/> transactions in total.</summary>
    Task<long> WhenTransactionsAsync(long count);

    /// <summary>Runs the ceiling client against the sink.</summary>
    Task<Ceiling> MeasureCeilingAsync(BenchOptions options, byte[] message);
}

/// <summary>Postfix's <c>smtp-sink</c> as a child process; counts transactions from its <c>-c</c> counter line
/// (<c>sess=N quit=N mesg=N</c>, rewritten with CR after every "." and session end, flushed each time).</summary>
sealed class SmtpSinkProcess : ISink
{
    const string SinkPath = "/usr/sbin/smtp-sink";
    const string SourcePath = "/usr/sbin/smtp-source";
    readonly Process _process;
    readonly Lock _gate = new();
    readonly List<(long Count, TaskCompletionSource<long> Done)> _waiters = [];
    readonly StringWriter _stderr = new();
    long _messages;

    SmtpSinkProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        var reader = new Thread(ReadCounters) { IsBackground = true, Name = "smtp-sink counters" };
        reader.Start();
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.WriteLine(e.Data); };
        _process.BeginErrorReadLine();
    }

    public int Port { get; }
    public string HostPort => $"127.0.0.1:{Port}";
    public long Transactions => Interlocked.Read(ref _messages);
    public long? Recipients => null;

    public TimeSpan? ProcessCpu
    {
        get
        {
            try { _process.Refresh(); return _process.TotalProcessorTime; }
            catch (InvalidOperationException) { return null; }
        }
    }

    /// <summary>Starts smtp-sink on a free loopback port (bind port 0, close, start; retried if the port was taken).</summary>
    public static async Task<SmtpSinkProcess> StartAsync()
    {
        if (!File.Exists(SinkPath)) throw new FileNotFoundException($"{SinkPath} is not installed (Debian: postfix)");
        var errors = new List<string>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var port = FreePort();
            var info = new ProcessStartInfo(SinkPath)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            // As root smtp-sink insists on dropping privileges.
            if (Environment.UserName == "root") { info.ArgumentList.Add("-u"); info.ArgumentList.Add("nobody"); }
            foreach (var arg in new[] { "-c", $"127.0.0.1:{port}", "1000" }) info.ArgumentList.Add(arg);
            var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start smtp-sink");
            var sink = new SmtpSinkProcess(process, port);
            if (await sink.AnswersAsync().ConfigureAwait(false)) return sink;
            errors.Add($"port {port}: {sink.StderrText().Trim()}");
            await sink.DisposeAsync().ConfigureAwait(false);
        }
        throw new InvalidOperationException("smtp-sink did not start: " + string.Join("; ", errors));
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>True once the sink greets with 220 (within 3 s) and is still running.</summary>
    async Task<bool> AnswersAsync()
    {
        var deadline = Stopwatch.GetTimestamp() + 3 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
                using var reader = new StreamReader(client.GetStream());
                var greeting = await reader.ReadLineAsync().ConfigureAwait(false);
                if (greeting?.StartsWith("220", StringComparison.Ordinal) == true)
                {
                    await client.GetStream().WriteAsync("QUIT\r\n"u8.ToArray()).ConfigureAwait(false);
                    return !_process.HasExited;
                }
            }
            catch (SocketException)
            {
            }
            catch (IOException)
            {
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
        return false;
    }

    string StderrText() { lock (_stderr) return _stderr.ToString(); }

    void ReadCounters()
    {
        var reader = _process.StandardOutput;
        var line = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] is '\r' or '\n')
                {
                    if (line.Length > 0) OnCounterLine(line.ToString());
                    line.Clear();
                }
                else line.Append(buffer[i]);
            }
        }
    }

    void OnCounterLine(string text)
    {
        var at = Stopwatch.GetTimestamp();
        var index = text.IndexOf("mesg=", StringComparison.Ordinal);
        if (index < 0 || !long.TryParse(text.AsSpan(index + 5), NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return;
        Interlocked.Exchange(ref _messages, count);
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (count < _waiters[i].Count) continue;
                _waiters[i].Done.TrySetResult(at);
                _waiters.RemoveAt(i);
            }
        }
    }

    public Task<long> WhenTransactionsAsync(long count)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Transactions >= count) done.TrySetResult(Stopwatch.GetTimestamp());
            else _waiters.Add((count, done));
        }
        return done.Task;
    }

    /// <summary><c>smtp-source -d -s C -m M -r R -l SIZE</c>: C sessions that stay connected, M transactions in all,
    /// R recipients each (1 = the VERP shape, 100 = the batched shape), SIZE payload bytes.</summary>
    /// <remarks>smtp-source does not pipeline: with -r 100 it waits for each RCPT reply, the daemon (MailKit) does not.</remarks>
    public async Task<Ceiling> MeasureCeilingAsync(BenchOptions options, byte[] message)
    {
        var before = Transactions;
        var info = new ProcessStartInfo(SourcePath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args =
        [
            "-d", "-s", Str(options.Connections), "-m", Str(options.Transactions), "-r", Str(options.RecipientsPerTransaction),
            "-l", Str(message.Length), "-M", "bench.example", "-f", "bench-bounces@lists.bench.example",
            "-t", "member@bench.example", HostPort,
        ];
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Console.Error.WriteLine("# ceiling: " + SourcePath + " " + string.Join(' ', args));
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start smtp-source");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"smtp-source failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        // The counter line for the last "." may trail the client's exit by a moment.
        await WhenTransactionsAsync(before + options.Transactions).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        return new Ceiling((long)options.Transactions * options.RecipientsPerTransaction, options.Transactions, elapsed,
            Transactions - before, "smtp-source");
    }

    static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
    }
}

/// <summary>The test suite's <see cref="FakeSmarthost"/> (SmtpServer) in this process. It keeps every message it
/// accepts in memory, so the bench's working set includes N copies with VERP on.</summary>
sealed class InprocSink(FakeSmarthost host) : ISink
{
    public static async Task<InprocSink> StartAsync() => new(await FakeSmarthost.StartAsync().ConfigureAwait(false));

    public string HostPort => host.HostPort;
    public long Transactions => host.Messages.Count;
    public long? Recipients => host.DeliveredTo.Count;
    public TimeSpan? ProcessCpu => null;

    public async Task<long> WhenTransactionsAsync(long count)
    {
        // The condition copies the capture list: fine for the first message, too costly to poll for the last.
        await host.WaitForAsync(h => h.Messages.Count >= count, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        return Stopwatch.GetTimestamp();
    }

    /// <summary>C MailKit clients (TCP_NODELAY, as the daemon's transport) share M transactions of the daemon's exact
    /// outgoing bytes, R recipients each, each client on one connection throughout.</summary>
    public async Task<Ceiling> MeasureCeilingAsync(BenchOptions options, byte[] message)
    {
        host.Reset();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        var next = -1;
        var perTransaction = options.RecipientsPerTransaction;
        Console.Error.WriteLine($"# ceiling: {options.Connections} MailKit clients, {options.Transactions} transactions x {perTransaction} recipients, {message.Length} bytes");
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
        {
            using var client = new SmtpClient();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, host.Port).ConfigureAwait(false);
            await client.ConnectAsync(socket, "127.0.0.1", host.Port, SecureSocketOptions.None).ConfigureAwait(false);
            var mime = new RawMimeMessage(message);
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Transactions)
            {
                var recipients = Enumerable.Range(i * perTransaction, perTransaction)
                    .Select(k => new MailboxAddress("", $"member{k:D7}@bench.example"));
                var sender = options.Verp
                    ? $"bench-bounces+member{i:D7}=bench.example@lists.bench.example"
                    : "bench-bounces@lists.bench.example";
                await client.SendAsync(format, mime, new MailboxAddress("", sender), recipients).ConfigureAwait(false);
            }
            await client.DisconnectAsync(true).ConfigureAwait(false);
        }))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var ceiling = new Ceiling(host.DeliveredTo.Count, options.Transactions, elapsed, host.Messages.Count, "MailKit loop");
        host.Reset();
        return ceiling;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
