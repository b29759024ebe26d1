using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Moderation;

namespace Integreat.Lists.Storage;

/// <summary>Records of held posts in LiteDB collection <c>held_posts</c>; their bytes are in spool queue <c>hold</c>.</summary>
public sealed class LiteHeldPostStore(LiteStore store) : IHeldPostStore
{
    /// <inheritdoc/>
    public void Save(HeldPost post)
    {
        store.Held.Upsert(post);
        store.Sync();
    }

    /// <inheritdoc/>
    public HeldPost? Find(string id) => store.Held.FindById(id);

    /// <inheritdoc/>
    public IReadOnlyList<HeldPost> List(string? list = null)
        => (list is null ? store.Held.FindAll() : store.Held.Find(p => p.List == list)).OrderBy(p => p.HeldUtc).ThenBy(p => p.Id).ToList();

    /// <inheritdoc/>
    /// <remarks>LiteDB's delete is atomic, so of two moderators deciding at once exactly one sees true.</remarks>
    public bool Remove(string id)
    {
        var removed = store.Held.Delete(id);
        store.Sync();
        return removed;
    }
}
