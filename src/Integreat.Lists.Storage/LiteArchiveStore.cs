using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Archiving;

namespace Integreat.Lists.Storage;

/// <summary><see cref="IArchiveStore"/>: bytes as files <c>archive/LIST/ID.eml</c> (tmp, fsync, rename, directory
/// fsync), metadata and search words in LiteDB (synced), written in that order so metadata never points at
/// missing bytes.</summary>
public sealed class LiteArchiveStore(LiteStore store, string directory) : IArchiveStore
{
    readonly Lock _gate = new();

    /// <inheritdoc/>
    public bool Add(ArchivedPost post, byte[] raw, ArchiveSearchEntry search)
    {
        lock (_gate)
        {
            if (store.ArchivePosts.FindById(post.Id) is not null) return false;
            WriteBytes(post, raw);
            store.ArchiveSearch.Upsert(search);
            store.ArchivePosts.Insert(post);
            store.Sync();
            return true;
        }
    }

    /// <inheritdoc/>
    public void Replace(ArchivedPost post, byte[] raw, ArchiveSearchEntry search)
    {
        lock (_gate)
        {
            WriteBytes(post, raw);
            store.ArchiveSearch.Upsert(search);
            store.ArchivePosts.Upsert(post);
            store.Sync();
        }
    }

    /// <inheritdoc/>
    public ArchivedPost? Find(string list, string id) => store.ArchivePosts.FindById(id) is { } post && post.List == list ? post : null;

    /// <inheritdoc/>
    public byte[] Raw(ArchivedPost post) => File.ReadAllBytes(PathOf(post));

    /// <inheritdoc/>
    public IReadOnlyList<ArchivedPost> ForList(string list) => store.ArchivePosts.Find(p => p.List == list).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<ArchivedPost> InMonth(string list, string month)
        => store.ArchivePosts.Find(p => p.List == list).Where(p => p.Month == month).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<ArchivedPost> InThread(string list, string threadId)
        => store.ArchivePosts.Find(p => p.ThreadId == threadId).Where(p => p.List == list).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<ArchivedPost> WithMessageId(string list, string messageId)
        => store.ArchivePosts.Find(p => p.MessageId == messageId).Where(p => p.List == list).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<ArchivedPost> WithSubjectKey(string list, string key)
        => store.ArchivePosts.Find(p => p.SubjectKey == key).Where(p => p.List == list).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<ArchiveSearchEntry> WithTermPrefix(string list, string prefix)
        // Folded words hold neither '%' nor '_', so the pattern is the prefix and one wildcard.
        => store.ArchiveSearch.Find(LiteDB.BsonExpression.Create("$.Terms[*] ANY LIKE @0", new LiteDB.BsonValue(prefix + "%")))
            .Where(e => e.List == list).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<ArchivedPost> ByAuthor(string address) => store.ArchivePosts.Find(p => p.SenderAddress == address).ToList();

    /// <inheritdoc/>
    public void Delete(ArchivedPost post)
    {
        lock (_gate)
        {
            store.ArchivePosts.Delete(post.Id);
            store.ArchiveSearch.Delete(post.Id);
            store.Sync();
            File.Delete(PathOf(post));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ArchivedPost> ArchivedBefore(string list, DateTime cutoffUtc)
        => store.ArchivePosts.Find(p => p.List == list).Where(p => p.ArchivedUtc < cutoffUtc).ToList();

    void WriteBytes(ArchivedPost post, byte[] raw)
    {
        var path = PathOf(post);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DiskSync.WriteAtomically(path, raw);
    }

    /// <summary>List and id are checked to be single path segments: both come from our own store, but a page's URL
    /// carries them too.</summary>
    string PathOf(ArchivedPost post)
    {
        if (post.List.IndexOfAny(['/', '\\']) >= 0 || post.Id.IndexOfAny(['/', '\\']) >= 0 || post.Id.StartsWith('.') || post.List.StartsWith('.'))
            throw new ArgumentException($"'{post.List}/{post.Id}' is not an archive path", nameof(post));
        return Path.Combine(directory, post.List, post.Id + ".eml");
    }
}
