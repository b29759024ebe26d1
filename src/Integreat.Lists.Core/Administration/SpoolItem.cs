using Integreat.Lists.Core.Messages;

namespace Integreat.Lists.Core.Administration;

/// <summary>A spool entry as operators see it: where it is and what is known about it.</summary>
/// <param name="Queue">The queue it is in (<see cref="Queues.QueueName"/>).</param>
/// <param name="Data">Its metadata; for a shunted entry <see cref="MessageData.WhichQueue"/> and
/// <see cref="MessageData.Reason"/> say where it came from and why.</param>
/// <param name="Path">The entry's file.</param>
public sealed record SpoolItem(string Queue, MessageData Data, string Path);
