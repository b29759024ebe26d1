namespace Integreat.Lists.Core.Messages;

/// <summary>One spooled message: its metadata and its raw bytes exactly as received.</summary>
/// <param name="Queue">The queue it is in (<see cref="Queues.QueueName"/>).</param>
/// <param name="Data">The metadata.</param>
/// <param name="Raw">The message bytes (RFC 5322, CRLF line ends, ending in CRLF).</param>
public sealed record SpoolEntry(string Queue, MessageData Data, byte[] Raw);
