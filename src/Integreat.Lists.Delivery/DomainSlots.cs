using System.Collections.Concurrent;

namespace Integreat.Lists.Delivery;

/// <summary>Caps the connections to the hosts of one recipient domain across all delivery workers
/// (<see cref="Integreat.Lists.Core.Configuration.DeliveryOptions.MxConnectionsPerDomain"/>).</summary>
/// <remarks>One semaphore per domain ever seen; a few thousand domains cost a few hundred KiB.</remarks>
public sealed class DomainSlots(int perDomain)
{
    readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes a slot for <paramref name="domain"/> at once, or returns null when all are taken.</summary>
    public IDisposable? TryTake(string domain)
    {
        var slot = _slots.GetOrAdd(domain, _ => new SemaphoreSlim(perDomain, perDomain));
        return slot.Wait(0) ? new Slot(slot) : null;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a slot; null when none came free.</summary>
    public async Task<IDisposable?> TakeAsync(string domain, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(domain, _ => new SemaphoreSlim(perDomain, perDomain));
        return await slot.WaitAsync(timeout, cancellationToken).ConfigureAwait(false) ? new Slot(slot) : null;
    }

    sealed class Slot(SemaphoreSlim semaphore) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}
