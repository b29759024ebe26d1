using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Drains the <c>command</c> queue through <see cref="CommandProcessor"/>.</summary>
public sealed class CommandRunner(
    ISpool spool,
    CommandProcessor processor,
    CommandSignal signal,
    TimeProvider time,
    ILogger<CommandRunner> logger,
    ProcessingGate gate) : SpoolRunner(QueueName.Command, spool, signal.Signal, time, logger, gate)
{
    /// <inheritdoc/>
    protected override void Process(string id) => processor.Process(id);
}
