using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Archiving;

/// <summary>Archives a distributed post once: its bytes as distributed (before DKIM signing), its metadata and its
/// thread (the thread of the post it answers by In-Reply-To or References, else by subject within
/// <see cref="ArchiveOptions.SubjectThreadWindow"/>, else a new thread).</summary>
/// <remarks>Idempotent per post id, so the rerun of a post after a crash archives nothing twice. A store failure
/// (disk full) propagates: the runner shunts the post rather than distribute it unarchived.</remarks>
public sealed class ArchiveRecorder(IArchiveStore archive, IOptions<ArchiveOptions> options, ILogger<ArchiveRecorder> logger)
{
    /// <summary>Archives <paramref name="bytes"/> as post <paramref name="postId"/> of <paramref name="list"/>, unless the
    /// list's archive is off.</summary>
    /// <returns>The archived post (also when it was archived before); null when the archive is off or the bytes cannot
    /// be parsed (logged).</returns>
    public ArchivedPost? Record(string postId, MailingList list, byte[] bytes, DateTime nowUtc)
    {
        if (list.Archive == ArchivePolicy.Off) return null;
        if (archive.Find(list.Address, postId) is { } existing) return existing;
        ArchivedPost post;
        ArchiveSearchEntry search;
        try
        {
            (post, search) = ArchivedPostReader.Read(postId, list.Address, bytes, nowUtc);
        }
        catch (FormatException ex)
        {
            logger.LogWarning("post {PostId} of {List} is not archived: {Reason}", postId, list.Address, ex.Message);
            return null;
        }
        post.SubjectKey = ThreadSubject.Key(post.Subject);
        post.ThreadId = Parent(post)?.ThreadId ?? SameSubject(post)?.ThreadId ?? post.Id;
        archive.Add(post, bytes, search);
        return post;
    }

    /// <summary>The nearest archived ancestor: In-Reply-To first, then References from the newest.</summary>
    ArchivedPost? Parent(ArchivedPost post)
    {
        var ids = new List<string>();
        if (post.InReplyTo.Length > 0) ids.Add(post.InReplyTo);
        ids.AddRange(Enumerable.Reverse(post.References));
        return ids.Where(id => id != post.MessageId)
            .Select(id => archive.WithMessageId(post.List, id).MinBy(p => p.ArchivedUtc)).FirstOrDefault(p => p is not null);
    }

    ArchivedPost? SameSubject(ArchivedPost post)
    {
        var window = options.Value.SubjectThreadWindow;
        if (window <= TimeSpan.Zero || post.SubjectKey.Length == 0) return null;
        return archive.WithSubjectKey(post.List, post.SubjectKey).Where(p => p.ThreadId == p.Id && p.ArchivedUtc >= post.ArchivedUtc - window)
            .MaxBy(p => p.ArchivedUtc);
    }
}
