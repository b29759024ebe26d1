using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Storage;

/// <summary>Recently distributed Message-IDs in LiteDB collection <c>recent_posts</c>.</summary>
/// <remarks>Message-IDs are compared as written but for case: some relays change the case of the domain part.</remarks>
public sealed class LiteRecentPostStore(LiteStore store) : IRecentPostStore
{
    /// <inheritdoc/>
    public void Record(string list, string messageId, IReadOnlyList<string> recipients, DateTime postedUtc)
    {
        var key = messageId.Trim().ToLowerInvariant();
        store.Recent.Upsert(new RecentPost { Id = list + "|" + key, List = list, MessageId = key, Recipients = [.. recipients], PostedUtc = postedUtc });
        store.Sync();
    }

    /// <inheritdoc/>
    public bool Posted(string list, string messageId, DateTime sinceUtc)
        => store.Recent.FindById(list + "|" + messageId.Trim().ToLowerInvariant()) is { } post && post.PostedUtc >= sinceUtc;

    /// <inheritdoc/>
    public IReadOnlySet<string> Recipients(string messageId, DateTime sinceUtc, string except)
    {
        var key = messageId.Trim().ToLowerInvariant();
        return store.Recent.Find(p => p.MessageId == key).Where(p => p.List != except && p.PostedUtc >= sinceUtc)
            .SelectMany(p => p.Recipients).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public int Forget(DateTime beforeUtc)
    {
        var removed = store.Recent.DeleteMany(p => p.PostedUtc < beforeUtc);
        if (removed > 0) store.Sync();
        return removed;
    }
}
