namespace Integreat.Lists.Core.Posting.Chains;

/// <summary>Where a jump leads: a terminal disposition, or the action a moderation rule chose.</summary>
public enum ChainTarget
{
    /// <summary>Distribute.</summary>
    Accept,
    /// <summary>Hold for a moderator.</summary>
    Hold,
    /// <summary>Refuse with a notice to the sender.</summary>
    Reject,
    /// <summary>Drop silently.</summary>
    Discard,
    /// <summary>The action the rule set in <see cref="Rules.PostingContext.ModerationAction"/> (Mailman's
    /// <c>moderation</c> chain).</summary>
    Moderation,
}
