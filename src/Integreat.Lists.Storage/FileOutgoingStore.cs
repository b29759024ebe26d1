using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Storage;

/// <summary>Outgoing messages as files <c>spool/out/POSTID.eml</c>, written once (tmp, fsync, rename).</summary>
public sealed class FileOutgoingStore : IOutgoingStore
{
    readonly string _dir;

    /// <summary>Creates the store under <c>SPOOL/out</c>.</summary>
    public FileOutgoingStore(string spoolRoot)
    {
        _dir = Path.Combine(spoolRoot, "out");
        Directory.CreateDirectory(_dir);
    }

    /// <inheritdoc/>
    public void Write(string postId, byte[] message)
    {
        var path = PathOf(postId);
        var tmp = path + ".tmp";
        using (var file = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            file.Write(message);
            file.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
        DiskSync.Directory(_dir);
    }

    /// <inheritdoc/>
    public byte[] Read(string postId) => File.ReadAllBytes(PathOf(postId));

    /// <inheritdoc/>
    public void Delete(string postId) => File.Delete(PathOf(postId));

    string PathOf(string postId) => Path.Combine(_dir, postId + ".eml");
}
