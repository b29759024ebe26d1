using System.Net.Sockets;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>Posts one small numbered message after another to whichever daemon is up, at most two posts ahead of the
/// smarthost, and remembers which posts got a 250. A post cut off by a kill is not sent again.</summary>
internal sealed class CrashPoster(FakeSmarthost sink, Func<int> delivered, int members)
{
    const string Sender = "m000@example.org";
    const string Bayern = "bayern@lists.integreat.example";
    readonly Lock _gate = new();
    readonly List<int> _acknowledged = [];
    readonly CancellationTokenSource _stop = new();
    TaskCompletionSource<int> _port = NewPort();
    TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The numbers of the posts that got <c>250</c>, in order.</summary>
    public IReadOnlyList<int> Acknowledged { get { lock (_gate) return _acknowledged.ToList(); } }

    /// <summary>Posts go to <paramref name="port"/> from now on; null: no daemon is up, wait for the next.</summary>
    public void Target(int? port)
    {
        lock (_gate)
        {
            if (_port.Task.IsCompleted) _port = NewPort();
            if (port is { } up) _port.SetResult(up);
        }
    }

    /// <summary>Posts until <see cref="StopAsync"/>.</summary>
    public async Task RunAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = _stop.Token.Register(() => stop.TrySetResult());
        var stopped = stop.Task;
        for (var post = 1; !_stop.IsCancellationRequested; post++)
        {
            var ahead = (Acknowledged.Count - 2) * members;
            await Task.WhenAny(sink.WaitForAsync(_ => delivered() >= ahead, TimeSpan.FromMinutes(5)), stopped);
            Task<int> port;
            lock (_gate) port = _port.Task;
            if (await Task.WhenAny(port, stopped) != port) return;
            if (await PostAsync(await port, post)) Acknowledge(post);
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> posts are acknowledged.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_acknowledged.Count >= count) return;
                changed = _changed.Task;
            }
            try { await changed.WaitAsync(deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"fewer than {count} posts acknowledged within {timeout.TotalSeconds:0} s"); }
        }
    }

    /// <summary>Stops posting (again harmlessly) and returns the acknowledged posts.</summary>
    public async Task<IReadOnlyList<int>> StopAsync(Task running)
    {
        await _stop.CancelAsync();
        await running;
        return Acknowledged;
    }

    static async Task<bool> PostAsync(int port, int post)
    {
        try
        {
            await using var client = new RawSmtpClient();
            await client.ConnectAsync("127.0.0.1", port);
            if (!(await client.StartDataAsync(Sender, Bayern)).StartsWith("354", StringComparison.Ordinal)) return false;
            var message = $"From: {Sender}\r\nTo: {Bayern}\r\nSubject: crash-{post}\r\nMessage-ID: <crash-{post}@example.org>\r\n\r\nPost {post}\r\n";
            return (await client.SendDataAsync(System.Text.Encoding.ASCII.GetBytes(message))).StartsWith("250", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException)
        {
            // Killed mid-transaction: this post may or may not have been spooled; either way it was not acknowledged.
            return false;
        }
    }

    void Acknowledge(int post)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _acknowledged.Add(post);
            (changed, _changed) = (_changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        changed.TrySetResult();
    }

    static TaskCompletionSource<int> NewPort() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
