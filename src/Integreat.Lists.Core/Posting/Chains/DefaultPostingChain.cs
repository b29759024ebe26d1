using Integreat.Lists.Core.Posting.Rules;

namespace Integreat.Lists.Core.Posting.Chains;

/// <summary>The posting chain every list uses (Mailman's <c>default-posting-chain</c>, MAILMAN.md §3a, STYLE.md
/// rule 2). Changing the order of moderation means editing this table, not control flow.</summary>
/// <remarks>The first jump wins; deferred hits are collected and the <c>any</c> link holds the post when there was
/// one. A post that passes every link is accepted.</remarks>
public static class DefaultPostingChain
{
    /// <summary>The links, in order.</summary>
    public static readonly IReadOnlyList<ChainLink> Links =
    [
        new(new ApprovedRule(), LinkAction.Jump, ChainTarget.Accept),
        new(new EmergencyRule(), LinkAction.Jump, ChainTarget.Hold),
        new(new LoopRule(), LinkAction.Jump, ChainTarget.Discard),
        new(new AutoReplyRule(), LinkAction.Jump, ChainTarget.Discard),
        new(new BannedAddressRule(), LinkAction.Jump, ChainTarget.Discard),
        new(new DuplicateRule(), LinkAction.Jump, ChainTarget.Discard),
        new(new DmarcFailRule(), LinkAction.Jump, ChainTarget.Moderation),
        new(new MemberModerationRule(), LinkAction.Jump, ChainTarget.Moderation),
        new(new NonmemberModerationRule(), LinkAction.Jump, ChainTarget.Moderation),
        new(new AdministriviaRule(), LinkAction.Defer),
        new(new ImplicitDestinationRule(), LinkAction.Defer),
        new(new MaxRecipientsRule(), LinkAction.Defer),
        new(new MaxSizeRule(), LinkAction.Defer),
        new(new NoSubjectRule(), LinkAction.Defer),
        new(new SuspiciousHeaderRule(), LinkAction.Defer),
        new(new ContentFilterRule(), LinkAction.Defer),
        new(null, LinkAction.Jump, ChainTarget.Hold),
    ];
}
