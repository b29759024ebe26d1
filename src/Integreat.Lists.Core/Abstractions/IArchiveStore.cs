using Integreat.Lists.Core.Archiving;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The list archive: each archived post's raw bytes (durable before a call returns) and its metadata and
/// search words. Thread-safe. Lists are posting addresses, lower-case.</summary>
public interface IArchiveStore
{
    /// <summary>Keeps <paramref name="post"/>, its raw bytes and its search words, once per post id.</summary>
    /// <returns>False when a post with that id was archived already (nothing is changed: a rerun after a crash).</returns>
    bool Add(ArchivedPost post, byte[] raw, ArchiveSearchEntry search);

    /// <summary>Replaces an archived post's metadata, bytes and search words (pseudonymisation).</summary>
    void Replace(ArchivedPost post, byte[] raw, ArchiveSearchEntry search);

    /// <summary>The post <paramref name="id"/> of <paramref name="list"/>; null when there is none.</summary>
    ArchivedPost? Find(string list, string id);

    /// <summary>The raw bytes of an archived post (CRLF line ends).</summary>
    /// <exception cref="FileNotFoundException">The bytes are missing.</exception>
    byte[] Raw(ArchivedPost post);

    /// <summary>Every post of <paramref name="list"/> (metadata only), in no particular order.</summary>
    IReadOnlyList<ArchivedPost> ForList(string list);

    /// <summary>The posts of <paramref name="list"/> listed under <paramref name="month"/> (<c>yyyy-MM</c>).</summary>
    IReadOnlyList<ArchivedPost> InMonth(string list, string month);

    /// <summary>The posts of one thread.</summary>
    IReadOnlyList<ArchivedPost> InThread(string list, string threadId);

    /// <summary>The posts of <paramref name="list"/> with Message-ID <paramref name="messageId"/> (without brackets).</summary>
    IReadOnlyList<ArchivedPost> WithMessageId(string list, string messageId);

    /// <summary>The posts of <paramref name="list"/> whose <see cref="ArchivedPost.SubjectKey"/> is <paramref name="key"/>.</summary>
    IReadOnlyList<ArchivedPost> WithSubjectKey(string list, string key);

    /// <summary>The search entries of <paramref name="list"/>'s posts that contain a folded word beginning with
    /// <paramref name="prefix"/> (a whole word counts too).</summary>
    /// <param name="list">The list address.</param>
    /// <param name="prefix">A folded word (<see cref="Archiving.SearchWords"/>): letters and digits only.</param>
    IReadOnlyList<ArchiveSearchEntry> WithTermPrefix(string list, string prefix);

    /// <summary>Every post whose From: address is <paramref name="address"/> (normalised), on every list.</summary>
    IReadOnlyList<ArchivedPost> ByAuthor(string address);

    /// <summary>Deletes a post with its bytes and search words.</summary>
    void Delete(ArchivedPost post);

    /// <summary>The posts of <paramref name="list"/> archived before <paramref name="cutoffUtc"/>.</summary>
    IReadOnlyList<ArchivedPost> ArchivedBefore(string list, DateTime cutoffUtc);
}
