using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Administration;

/// <summary>The settings <c>lists set</c> changes; a null property leaves that setting as it is.</summary>
/// <param name="SubjectPrefix">The new subject prefix, e.g. "[Bayern]"; empty for none.</param>
/// <param name="ReplyTo">The new Reply-To policy.</param>
/// <param name="NonmemberAction">The new action for posts from nonmembers.</param>
/// <param name="SubscriptionPolicy">The new policy for joining by mail.</param>
/// <param name="Posting">The posting chain settings to change.</param>
public sealed record ListChanges(string? SubjectPrefix = null, ReplyToPolicy? ReplyTo = null, NonmemberAction? NonmemberAction = null,
    SubscriptionPolicy? SubscriptionPolicy = null, PostingChanges? Posting = null)
{
    /// <summary>Whether moderators may use the admin commands by mail; null leaves it.</summary>
    public bool? ModeratorsAreAdmins { get; init; }

    /// <summary>When the author's From is rewritten for DMARC; null leaves it.</summary>
    public DmarcMitigation? DmarcMitigation { get; init; }

    /// <summary>Who may read the archive (or off); null leaves it.</summary>
    public ArchivePolicy? Archive { get; init; }

    /// <summary>Years archived posts are kept, 0 for ever; null leaves it.</summary>
    public int? ArchiveRetentionYears { get; init; }

    /// <summary>The content filter settings to change; null leaves them.</summary>
    public ContentChanges? Content { get; init; }

    /// <summary>The new footer as Liquid source; empty removes the footer; null leaves it.</summary>
    public string? Footer { get; init; }

    /// <summary>True when no setting is to change.</summary>
    public bool IsEmpty => SubjectPrefix is null && ReplyTo is null && NonmemberAction is null && SubscriptionPolicy is null
        && ModeratorsAreAdmins is null && DmarcMitigation is null && Archive is null && ArchiveRetentionYears is null
        && (Posting?.IsEmpty ?? true) && (Content?.IsEmpty ?? true) && Footer is null;
}
