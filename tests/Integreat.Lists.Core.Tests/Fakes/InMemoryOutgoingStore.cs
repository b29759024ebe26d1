using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Core.Tests.Fakes;

/// <summary>An in-memory <see cref="IOutgoingStore"/>.</summary>
public sealed class InMemoryOutgoingStore : IOutgoingStore
{
    readonly Dictionary<string, byte[]> _messages = new(StringComparer.Ordinal);

    /// <summary>The post ids passed to <see cref="Delete"/>, in order.</summary>
    public List<string> Deleted { get; } = [];

    public void Write(string postId, byte[] message) => _messages[postId] = message.ToArray();

    public byte[] Read(string postId) => _messages.TryGetValue(postId, out var bytes)
        ? bytes.ToArray()
        : throw new FileNotFoundException($"no outgoing message {postId}");

    public void Delete(string postId)
    {
        _messages.Remove(postId);
        Deleted.Add(postId);
    }

    public bool Contains(string postId) => _messages.ContainsKey(postId);
}
