using System.Buffers;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Messages;

namespace Integreat.Lists.Core.Tests.Administration;

/// <summary>An <see cref="ISpool"/> in a dictionary keyed by (queue, id).</summary>
sealed class InMemorySpool : ISpool
{
    readonly SortedDictionary<(string Queue, string Id), SpoolEntry> _entries = new();

    public void Enqueue(string queue, MessageData data, ReadOnlySequence<byte> raw)
        => _entries[(queue, data.Id)] = new SpoolEntry(queue, data, raw.ToArray());

    public IReadOnlyList<string> List(string queue) => _entries.Keys.Where(k => k.Queue == queue).Select(k => k.Id).ToList();

    public SpoolEntry Read(string queue, string id)
        => _entries.TryGetValue((queue, id), out var entry) ? entry : throw new FileNotFoundException(id);

    public void Move(string fromQueue, string id, string toQueue, MessageData data)
    {
        var entry = Read(fromQueue, id);
        _entries.Remove((fromQueue, id));
        _entries[(toQueue, data.Id)] = new SpoolEntry(toQueue, data, entry.Raw);
    }

    public void Delete(string queue, string id) => _entries.Remove((queue, id));

    public string PathOf(string queue, string id) => $"/spool/{queue}/{id}.msg";
}
