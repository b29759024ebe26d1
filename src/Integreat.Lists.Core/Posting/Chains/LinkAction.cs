namespace Integreat.Lists.Core.Posting.Chains;

/// <summary>What a chain link does when its rule matches (Mailman's <c>LinkAction</c>).</summary>
public enum LinkAction
{
    /// <summary>Stop here and give the link's target as the result.</summary>
    Jump,
    /// <summary>Record the hit and go on; a later <c>any</c> link acts on all deferred hits.</summary>
    Defer,
}
