namespace Integreat.Lists.Core.Archiving;

/// <summary>The metadata of one archived post; its raw bytes are kept beside it by the <see cref="Abstractions.IArchiveStore"/>.</summary>
public sealed class ArchivedPost
{
    /// <summary>The post's id: the spool id it was distributed under (URL-safe), the key; also the last part of its
    /// <c>Archived-At</c> URL.</summary>
    public string Id { get; set; } = "";

    /// <summary>The list's posting address, lower-case.</summary>
    public string List { get; set; } = "";

    /// <summary>The Message-ID without angle brackets; empty when the post had none.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The display name of the From: address; empty when none.</summary>
    public string SenderName { get; set; } = "";

    /// <summary>The From: address, normalised (lower-case); the author for <c>person export|forget</c>.</summary>
    public string SenderAddress { get; set; } = "";

    /// <summary>The subject as distributed (with the list's prefix), decoded.</summary>
    public string Subject { get; set; } = "";

    /// <summary>When the post was written (its Date:, UTC), or when it was archived if Date: is missing or in the future.</summary>
    public DateTime DateUtc { get; set; }

    /// <summary>When the post was archived (UTC); retention counts from here.</summary>
    public DateTime ArchivedUtc { get; set; }

    /// <summary>The id of the thread's first archived post (equal to <see cref="Id"/> for a thread's start).</summary>
    public string ThreadId { get; set; } = "";

    /// <summary>The In-Reply-To Message-ID without angle brackets; empty when none.</summary>
    public string InReplyTo { get; set; } = "";

    /// <summary>The References Message-IDs without angle brackets, oldest first.</summary>
    public List<string> References { get; set; } = [];

    /// <summary>The subject without reply/forward markers and list prefixes, folded (<see cref="ThreadSubject.Key"/>),
    /// for the subject fallback of threading.</summary>
    public string SubjectKey { get; set; } = "";

    /// <summary>The month the post is listed under, <c>yyyy-MM</c> of <see cref="DateUtc"/> in Europe/Berlin.</summary>
    public string Month { get; set; } = "";
}
