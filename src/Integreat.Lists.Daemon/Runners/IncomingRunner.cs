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
    /// <inheritdoc/>
    protected override void Process(string id) => processor.Process(id);
}
