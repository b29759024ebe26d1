using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>dmarc-fail</c>: the From: domain publishes DMARC <c>p=reject</c> and the post failed DMARC (no
/// DKIM or SPF pass aligned with it, RFC 7489 §3.1, §6.6.2). Its owner says that such mail is not theirs, so this is
/// the way a forged member address gets into a members-only list. The list's <see cref="PostingSettings.DmarcFail"/>
/// chooses hold or reject; with accept the rule does not match (Mailman's <c>dmarc_moderation_action</c>).</summary>
public sealed class DmarcFailRule : IPostingRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "dmarc-fail";

    /// <inheritdoc/>
    public string Name => RuleName;

    /// <inheritdoc/>
    public string Description => "The From: domain publishes DMARC p=reject and the post is not authenticated by it.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        if (post.Authentication is not { FailsDmarcReject: true } verdict) return false;
        var action = post.List.Posting.DmarcFail;
        if (action == DmarcFailAction.Accept) return false;
        post.ModerationAction = action == DmarcFailAction.Reject ? Disposition.Reject : Disposition.Hold;
        var domain = verdict.Dmarc.FromDomain;
        post.Reasons.Add($"Die Absenderdomain {domain} verlangt per DMARC (p=reject), dass nur von ihr bestätigte Nachrichten " +
            $"angenommen werden; diese Nachricht ist nicht von {domain} bestätigt (weder DKIM noch SPF passen zum From:). " +
            $"/ The From: domain {domain} publishes DMARC p=reject, and this post is not authenticated by it " +
            "(no DKIM or SPF pass aligned with From:).");
        return true;
    }
}
