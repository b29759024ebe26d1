using System.Collections.Concurrent;
using Integreat.Lists.Core.Commands;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>Records every command mail the daemon finished, with how many mails it caused; no sleeping.</summary>
public sealed class CommandProbe : IDisposable
{
    readonly CommandProcessor _processor;
    readonly ConcurrentQueue<(string Id, int Mails)> _done = new();
    TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandProbe(CommandProcessor processor)
    {
        _processor = processor;
        _processor.Processed += OnProcessed;
    }

    public IReadOnlyList<(string Id, int Mails)> Done => _done.ToArray();

    /// <summary>Completes when at least <paramref name="count"/> command mails were processed.</summary>
    public async Task WaitAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (_done.Count >= count) return;
            try { await changed.WaitAsync(deadline.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"only {_done.Count} of {count} command mails were processed");
            }
        }
    }

    void OnProcessed(string id, int mails)
    {
        _done.Enqueue((id, mails));
        Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void Dispose() => _processor.Processed -= OnProcessed;
}
