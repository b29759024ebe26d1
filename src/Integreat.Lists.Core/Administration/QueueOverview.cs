using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Administration;

/// <summary>What waits in the spool and in delivery, for <c>queue list</c>.</summary>
/// <param name="Counts">The number of entries in each spool queue, keyed by <see cref="Queues.QueueName"/>.</param>
/// <param name="Shunted">The entries of the <c>shunt</c> queue, oldest first.</param>
/// <param name="Jobs">Every delivery job (due, deferred or shunted), earliest next attempt first.</param>
public sealed record QueueOverview(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<SpoolItem> Shunted, IReadOnlyList<DeliveryJob> Jobs);
