using System.Buffers;
using Integreat.Lists.Core.Messages;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The durable message spool: one entry per message per queue, raw bytes kept exactly.</summary>
/// <remarks>Every write returns only after the entry is on disk (fsync of the file and its directory), so an
/// SMTP 250 given after <see cref="Enqueue"/> survives a crash or power loss (RFC 5321 §6.1).</remarks>
public interface ISpool
{
    /// <summary>Writes a new entry to <paramref name="queue"/> durably.</summary>
    /// <param name="queue">A <see cref="Queues.QueueName"/>.</param>
    /// <param name="data">The metadata; <see cref="MessageData.Id"/> names the entry.</param>
    /// <param name="raw">The message bytes.</param>
    /// <exception cref="IOException">The entry could not be written; nothing is left behind.</exception>
    void Enqueue(string queue, MessageData data, ReadOnlySequence<byte> raw);

    /// <summary>The ids in <paramref name="queue"/>, oldest first.</summary>
    IReadOnlyList<string> List(string queue);

    /// <summary>Reads one entry.</summary>
    /// <exception cref="FileNotFoundException">No such entry.</exception>
    /// <exception cref="InvalidDataException">The entry's metadata cannot be read.</exception>
    SpoolEntry Read(string queue, string id);

    /// <summary>Moves an entry to another queue, replacing its metadata, durably; the source is removed last.</summary>
    void Move(string fromQueue, string id, string toQueue, MessageData data);

    /// <summary>Removes an entry (after its content is durably somewhere else, or on purpose).</summary>
    void Delete(string queue, string id);

    /// <summary>Where the entry's file is, for operators (<c>queue show</c>).</summary>
    string PathOf(string queue, string id);
}
