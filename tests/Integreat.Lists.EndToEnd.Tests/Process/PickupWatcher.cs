using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>One <c>.eml</c> of the pickup directory, with its envelope lines.</summary>
/// <param name="Path">The file.</param>
/// <param name="ReturnPath">The envelope sender from <c>Return-Path: &lt;…&gt;</c> (without the brackets).</param>
/// <param name="EnvelopeTo">The envelope recipients from <c>X-Envelope-To:</c>.</param>
public sealed record PickupFile(string Path, string ReturnPath, IReadOnlyList<string> EnvelopeTo)
{
    /// <summary>Reads the envelope lines (the daemon writes them first, then the message).</summary>
    public static PickupFile Read(string path)
    {
        string? returnPath = null;
        string? envelopeTo = null;
        using var reader = new StreamReader(path);
        while (reader.ReadLine() is { Length: > 0 } line && (returnPath is null || envelopeTo is null))
        {
            if (line.StartsWith("Return-Path:", StringComparison.OrdinalIgnoreCase)) returnPath ??= line["Return-Path:".Length..].Trim().Trim('<', '>');
            else if (line.StartsWith("X-Envelope-To:", StringComparison.OrdinalIgnoreCase)) envelopeTo ??= line["X-Envelope-To:".Length..];
        }
        var recipients = (envelopeTo ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PickupFile(path, returnPath ?? "(no Return-Path)", recipients);
    }

    /// <summary>The whole message, parsed.</summary>
    public MimeMessage Load() => MimeMessage.Load(Path);

    public override string ToString() => $"{System.IO.Path.GetFileName(Path)}: Return-Path <{ReturnPath}>, X-Envelope-To {string.Join(", ", EnvelopeTo)}";
}

/// <summary>Waits for files in the pickup directory without polling: a <see cref="FileSystemWatcher"/> wakes a
/// rescan on every change (and on a watcher overflow), and a scan right after subscribing sees what was there.</summary>
/// <remarks>Only whole messages count: the daemon writes <c>NAME.eml.tmp</c> and renames it to <c>NAME.eml</c>.</remarks>
public sealed class PickupWatcher : IDisposable
{
    readonly string _directory;
    readonly FileSystemWatcher _watcher;
    readonly object _gate = new();
    readonly SortedDictionary<string, PickupFile> _files = new(StringComparer.Ordinal);
    readonly List<(Func<IReadOnlyList<PickupFile>, bool> Done, TaskCompletionSource<IReadOnlyList<PickupFile>> Result)> _waiters = [];

    public PickupWatcher(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _watcher = new FileSystemWatcher(directory)
        {
            NotifyFilter = NotifyFilters.FileName,
            IncludeSubdirectories = false,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += (_, _) => OnChange();
        _watcher.Renamed += (_, _) => OnChange();
        _watcher.Error += (_, _) => OnChange();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The whole messages now in the directory, oldest name first.</summary>
    public IReadOnlyList<PickupFile> Files
    {
        get
        {
            lock (_gate)
            {
                Scan();
                return _files.Values.ToList();
            }
        }
    }

    /// <summary>Waits until the files in the directory satisfy <paramref name="done"/>; returns them.</summary>
    /// <param name="done">The condition over all whole messages, oldest name first.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="what">What is awaited, for the timeout message.</param>
    /// <param name="context">More for the timeout message (e.g. the daemon's log).</param>
    /// <param name="atOnce">Runs synchronously on the watcher's thread the moment <paramref name="done"/> holds,
    /// before the caller resumes (e.g. to freeze the daemon within microseconds, not a thread hop later).</param>
    public async Task<IReadOnlyList<PickupFile>> WaitForAsync(Func<IReadOnlyList<PickupFile>, bool> done, TimeSpan timeout, string what,
        Func<string>? context = null, Action? atOnce = null)
    {
        var result = new TaskCompletionSource<IReadOnlyList<PickupFile>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var once = 0;
        Func<IReadOnlyList<PickupFile>, bool> check = atOnce is null ? done : files =>
        {
            if (!done(files)) return false;
            if (Interlocked.Exchange(ref once, 1) == 0)
            {
                try { atOnce(); }
                catch (Exception ex) { result.TrySetException(ex); }
            }
            return true;
        };
        var waiter = (check, result);
        lock (_gate) _waiters.Add(waiter);
        Check();
        try
        {
            return await result.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var files = Files;
            throw new TimeoutException($"The pickup directory {_directory} did not get {what} within {timeout.TotalSeconds:0} s; " +
                $"it holds {files.Count} message(s):\n{string.Join("\n", files.Take(20))}\n{context?.Invoke()}");
        }
        finally
        {
            lock (_gate) _waiters.Remove(waiter);
        }
    }

    /// <summary>Rescans on the watcher's thread; a failure goes to the waiters, as an exception there would end the test run.</summary>
    void OnChange()
    {
        try
        {
            Check();
        }
        catch (Exception ex)
        {
            List<TaskCompletionSource<IReadOnlyList<PickupFile>>> failed;
            lock (_gate) failed = _waiters.Select(w => w.Result).ToList();
            foreach (var result in failed) result.TrySetException(ex);
        }
    }

    void Check()
    {
        List<(TaskCompletionSource<IReadOnlyList<PickupFile>> Result, IReadOnlyList<PickupFile> Files)> satisfied;
        lock (_gate)
        {
            Scan();
            var snapshot = _files.Values.ToList();
            satisfied = _waiters.Where(w => w.Done(snapshot)).Select(w => (w.Result, (IReadOnlyList<PickupFile>)snapshot)).ToList();
        }
        foreach (var (result, files) in satisfied) result.TrySetResult(files);
    }

    void Scan()
    {
        foreach (var path in Directory.EnumerateFiles(_directory))
        {
            if (!path.EndsWith(".eml", StringComparison.Ordinal) || _files.ContainsKey(path)) continue;
            _files[path] = PickupFile.Read(path);
        }
    }

    public void Dispose() => _watcher.Dispose();
}
