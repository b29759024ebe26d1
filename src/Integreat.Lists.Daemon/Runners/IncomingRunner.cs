using System.Runtime;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Drains the <c>in</c> queue through <see cref="IncomingProcessor"/>.</summary>
public sealed class IncomingRunner(
    ISpool spool,
    IncomingProcessor processor,
    IncomingSignal signal,
    TimeProvider time,
    ILogger<IncomingRunner> logger,
    ProcessingGate gate) : SpoolRunner(QueueName.In, spool, signal.Signal, time, logger, gate)
{
    /// <summary>Entries from this size on are preceded and followed by a full, compacting garbage collection.</summary>
    public const long LargeEntryBytes = 1024 * 1024;

    /// <inheritdoc/>
    protected override void Process(string id)
    {
        var large = new FileInfo(Spool.PathOf(QueueName.In, id)) is { Exists: true, Length: >= LargeEntryBytes };
        if (large) Collect();
        processor.Process(id);
        if (large) Collect();
    }

    /// <summary>Before: the intake's buffers of a large post are garbage in generation 2 once it is spooled; after: its
    /// copies (the spool read, the cooked post) and its roster are. The GC collects them only when its budgets are spent,
    /// so the process grows instead: a 10 MB post to 50,000 members peaked at 257 MB without these two collections and at
    /// 228 MB with them (bench/README.md, memory). Large posts are rare, and a full collection of a heap this size takes
    /// milliseconds.</summary>
    static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
