using Integreat.Lists.Core.Moderation;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The records of held posts (the raw bytes are in spool queue <c>hold</c>). Thread-safe; each call is
/// atomic and durable when it returns.</summary>
public interface IHeldPostStore
{
    /// <summary>Adds or replaces the record with the same <see cref="HeldPost.Id"/>.</summary>
    void Save(HeldPost post);

    /// <summary>The record <paramref name="id"/>, or null.</summary>
    HeldPost? Find(string id);

    /// <summary>The held posts of <paramref name="list"/>, or of every list when null; oldest first.</summary>
    IReadOnlyList<HeldPost> List(string? list = null);

    /// <summary>Removes the record <paramref name="id"/>.</summary>
    /// <returns>False when there was none (another moderator acted first), so a hold is decided at most once.</returns>
    bool Remove(string id);
}
