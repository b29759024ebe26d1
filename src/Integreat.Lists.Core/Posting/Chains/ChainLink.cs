using Integreat.Lists.Core.Posting.Rules;

namespace Integreat.Lists.Core.Posting.Chains;

/// <summary>One row of a chain table: when <paramref name="Rule"/> matches, do <paramref name="Action"/>.</summary>
/// <param name="Rule">The rule; null for the <c>any</c> link, which matches when an earlier deferred link hit.</param>
/// <param name="Action">Jump or defer.</param>
/// <param name="Target">The result of a jump (ignored for <see cref="LinkAction.Defer"/>).</param>
public sealed record ChainLink(IPostingRule? Rule, LinkAction Action, ChainTarget Target = ChainTarget.Hold)
{
    /// <summary>The link's name in hits and misses: the rule's name, or <c>any</c>.</summary>
    public string Name => Rule?.Name ?? "any";
}
