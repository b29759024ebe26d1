namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>member-moderation</c>: the sender is a member whose posts are moderated
/// (<see cref="Model.Member.Moderated"/>); the chain then holds the post (Mailman's <c>rules/moderation.py</c>).</summary>
public sealed class MemberModerationRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "member-moderation";

    /// <inheritdoc/>
    public string Description => "The sender is a moderated member.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        if (post.Member is not { Moderated: true } member) return false;
        post.ModerationAction = Disposition.Hold;
        post.Reasons.Add($"Die Nachrichten von {member.Address} werden vor dem Verteilen geprüft. / Posts from {member.Address} are moderated.");
        return true;
    }
}
