using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>The real executable as an operator runs it: <c>dotnet integreat-lists.dll serve --config FILE</c> as a
/// separate process. The SMTP port is learnt from the log line <c>SMTP listening on 127.0.0.1:PORT</c>; stdout and
/// stderr are kept for failure messages (and written to the test output on dispose); dispose kills the process tree.</summary>
public sealed partial class DaemonProcess : IAsyncDisposable
{
    /// <summary>How long a start (a cold <c>dotnet</c> start included) may take to reach "SMTP listening".</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a stop (kill or SIGTERM) may take.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    // Linux signal numbers (the process tests run on Linux: swaks, Unix sockets).
    const int Sigterm = 15;
    const int Sigstop = 19;

    readonly System.Diagnostics.Process _process;
    readonly ITestOutputHelper? _log;
    readonly object _gate = new();
    readonly StringBuilder _stdout = new();
    readonly StringBuilder _stderr = new();
    readonly List<string> _lines = [];
    readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    bool _disposed;
    string? _final;

    DaemonProcess(string workingDirectory, string configFile, ITestOutputHelper? log, IReadOnlyDictionary<string, string>? environment)
    {
        _log = log;
        var info = ProcessRunner.StartInfo(ProcessRunner.DotnetHost, [ProcessRunner.DaemonDll, "serve", "--config", configFile], workingDirectory);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        _process = new System.Diagnostics.Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) OnStdout(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _stderr.Append(e.Data).Append('\n'); };
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("the daemon exited before it listened for SMTP"));
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Pid = _process.Id;
    }

    /// <summary>The SMTP port the daemon bound (its settings say port 0).</summary>
    public int Port { get; private set; }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the daemon wrote to stdout so far (its log).</summary>
    public string Stdout { get { lock (_gate) return _stdout.ToString(); } }

    /// <summary>Everything the daemon wrote to stderr so far.</summary>
    public string Stderr { get { lock (_gate) return _stderr.ToString(); } }

    /// <summary>The log lines so far.</summary>
    public IReadOnlyList<string> Lines { get { lock (_gate) return _lines.ToList(); } }

    /// <summary>Starts the daemon in <paramref name="workingDirectory"/> and waits for "SMTP listening on".</summary>
    public static async Task<DaemonProcess> StartAsync(string workingDirectory, string configFile, ITestOutputHelper? log,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var daemon = new DaemonProcess(workingDirectory, configFile, log, environment);
        try
        {
            daemon.Port = await daemon._listening.Task.WaitAsync(StartTimeout);
            return daemon;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // Dispose waits for the exit, so the message below holds all the daemon printed.
            await daemon.DisposeAsync();
            throw new InvalidOperationException($"The daemon did not log 'SMTP listening on 127.0.0.1:PORT' within " +
                $"{StartTimeout.TotalSeconds:0} s: {ex.Message}\n{daemon.Describe()}", ex);
        }
    }

    /// <summary>Waits for a log line (already written or still to come) that <paramref name="match"/> accepts.</summary>
    public async Task<string> WaitForLogAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (match, found);
        lock (_gate)
        {
            var line = _lines.FirstOrDefault(match);
            if (line is not null) return line;
            _waiters.Add(waiter);
        }
        try
        {
            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The daemon did not log {what} within {timeout.TotalSeconds:0} s.\n{Describe()}");
        }
        finally
        {
            lock (_gate) _waiters.Remove(waiter);
        }
    }

    /// <summary><c>kill -9</c> of the daemon's process tree; returns when it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await WaitForExitAsync();
    }

    /// <summary>Sends SIGSTOP (synchronously): the daemon runs no further instruction until it is killed or continued.
    /// A <see cref="KillAsync"/> after it is a <c>kill -9</c> at the moment of the freeze.</summary>
    public void Freeze()
    {
        if (Kill(_process.Id, Sigstop) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIGSTOP) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> or systemd would, and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (Kill(_process.Id, Sigterm) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}");
        await WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>Waits for the daemon to exit on its own and returns the exit code.</summary>
    /// <exception cref="TimeoutException">It still ran after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The daemon did not exit within {timeout.TotalSeconds:0} s.\n{Describe()}");
        }
        return _process.ExitCode;
    }

    /// <summary>The daemon's state and everything it printed, for failure messages.</summary>
    public string Describe()
    {
        if (_final is not null) return _final;
        var state = _process.HasExited ? $"exited with code {_process.ExitCode}" : "running";
        lock (_gate) return $"daemon pid {Pid} ({state}), SMTP port {Port}\n--- daemon stdout ---\n{_stdout}--- daemon stderr ---\n{_stderr}";
    }

    async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            // Also waits until both redirected streams reached end of file.
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The daemon did not exit within {StopTimeout.TotalSeconds:0} s.\n{Describe()}");
        }
    }

    void OnStdout(string line)
    {
        List<TaskCompletionSource<string>> matched;
        lock (_gate)
        {
            _stdout.Append(line).Append('\n');
            _lines.Add(line);
            matched = _waiters.Where(w => w.Match(line)).Select(w => w.Found).ToList();
        }
        if (ListeningLine().Match(line) is { Success: true } listening) _listening.TrySetResult(int.Parse(listening.Groups[1].Value));
        foreach (var found in matched) found.TrySetResult(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await WaitForExitAsync();
        }
        finally
        {
            _final = Describe();
            try { _log?.WriteLine(_final); }
            catch (InvalidOperationException) { /* the test is over; its output is closed */ }
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"SMTP listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);
}
