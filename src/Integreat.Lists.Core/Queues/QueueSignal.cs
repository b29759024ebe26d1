namespace Integreat.Lists.Core.Queues;

/// <summary>A coalescing wake-up for a runner: producers <see cref="Notify"/>, the runner awaits
/// <see cref="WaitAsync"/>. Many notifications before a wait count as one.</summary>
public sealed class QueueSignal
{
    readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Wakes the runner (no-op when it is already woken).</summary>
    public void Notify()
    {
        try { _semaphore.Release(); }
        catch (SemaphoreFullException) { /* already signalled: one wake-up covers all work */ }
    }

    /// <summary>Waits for a notification or the timeout, whichever is first.</summary>
    /// <returns>True when notified.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
        => WaitCoreAsync(timeout, time, cancellationToken);

    async Task<bool> WaitCoreAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        var signal = _semaphore.WaitAsync(cts.Token);
        var first = await Task.WhenAny(delay, signal).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first == signal) return true;
        // The delay won; the semaphore wait was cancelled and consumed nothing, unless it finished at once.
        return signal.IsCompletedSuccessfully;
    }
}

/// <summary>The signal that wakes the incoming runner after intake spooled a message.</summary>
public sealed class IncomingSignal
{
    /// <summary>The underlying signal.</summary>
    public QueueSignal Signal { get; } = new();
}

/// <summary>The signal that wakes the outgoing runner after new delivery jobs were queued.</summary>
public sealed class DeliverySignal
{
    /// <summary>The underlying signal.</summary>
    public QueueSignal Signal { get; } = new();
}

/// <summary>The signal that wakes the command runner after an entry was kept in the <c>command</c> queue.</summary>
public sealed class CommandSignal
{
    /// <summary>The underlying signal.</summary>
    public QueueSignal Signal { get; } = new();
}

/// <summary>The signal that wakes the bounce runner after an entry was kept in the <c>bounces</c> queue.</summary>
public sealed class BounceSignal
{
    /// <summary>The underlying signal.</summary>
    public QueueSignal Signal { get; } = new();
}
