using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Storage;

/// <summary>Outgoing messages as files <c>spool/out/POSTID.eml</c>, written once (tmp, fsync, rename).</summary>
/// <remarks>Every delivery job of a post (100 recipients each) reads the same message. The bytes of the posts read
/// last are kept (at most <see cref="CacheBytes"/>, at least one post), so a post is in memory once however many jobs
/// and connections send it; without this, 500 jobs of a 10 MB post allocated 5 GB on the large-object heap and the
/// working set grew with the list (bench/README.md).</remarks>
public sealed class FileOutgoingStore : IOutgoingStore
{
    /// <summary>The most message bytes kept in memory for reading, in bytes.</summary>
    public const long CacheBytes = 32L * 1024 * 1024;

    readonly string _dir;
    readonly Lock _gate = new();
    readonly LinkedList<(string PostId, byte[] Bytes)> _cache = new();
    long _cached;

    /// <summary>Creates the store under <c>SPOOL/out</c>.</summary>
    public FileOutgoingStore(string spoolRoot)
    {
        _dir = Path.Combine(spoolRoot, "out");
        Directory.CreateDirectory(_dir);
    }

    /// <inheritdoc/>
    /// <remarks>The array is kept for readers: the caller must not modify it afterwards.</remarks>
    public void Write(string postId, byte[] message)
    {
        Forget(postId);
        DiskSync.WriteAtomically(PathOf(postId), message);
        // The first delivery job reads the post at once: keep the written bytes rather than read a second copy.
        Remember(postId, message);
    }

    /// <inheritdoc/>
    /// <remarks>The returned array may be shared with other readers of the same post: never modify it.</remarks>
    public byte[] Read(string postId)
    {
        lock (_gate)
        {
            for (var node = _cache.First; node is not null; node = node.Next)
                if (node.Value.PostId == postId) return node.Value.Bytes;
        }
        var bytes = File.ReadAllBytes(PathOf(postId));
        Remember(postId, bytes);
        return bytes;
    }

    void Remember(string postId, byte[] bytes)
    {
        lock (_gate)
        {
            _cache.AddFirst((postId, bytes));
            _cached += bytes.Length;
            while (_cached > CacheBytes && _cache.Count > 1)
            {
                _cached -= _cache.Last!.Value.Bytes.Length;
                _cache.RemoveLast();
            }
        }
    }

    /// <inheritdoc/>
    public void Delete(string postId)
    {
        Forget(postId);
        File.Delete(PathOf(postId));
    }

    void Forget(string postId)
    {
        lock (_gate)
        {
            for (var node = _cache.First; node is not null; node = node.Next)
            {
                if (node.Value.PostId != postId) continue;
                _cached -= node.Value.Bytes.Length;
                _cache.Remove(node);
                return;
            }
        }
    }

    string PathOf(string postId) => Path.Combine(_dir, postId + ".eml");
}
