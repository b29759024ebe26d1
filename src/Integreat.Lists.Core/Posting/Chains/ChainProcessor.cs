using Integreat.Lists.Core.Posting.Rules;

namespace Integreat.Lists.Core.Posting.Chains;

/// <summary>Walks a chain table for one post (Mailman's <c>core/chains.py</c>); the only loop over rules.</summary>
public static class ChainProcessor
{
    /// <summary>Runs <paramref name="links"/> on <paramref name="post"/>.</summary>
    /// <returns>The decision, with the deciding rule (<c>accept</c> when none), the reasons and the hits and misses.</returns>
    public static PostingDecision Process(IReadOnlyList<ChainLink> links, PostingContext post)
    {
        var hits = new List<string>();
        var misses = new List<string>();
        var deferred = false;
        foreach (var link in links)
        {
            var matched = link.Rule?.Check(post) ?? deferred;
            if (link.Rule is not null) (matched ? hits : misses).Add(link.Name);
            if (!matched) continue;
            if (link.Action == LinkAction.Defer)
            {
                deferred = true;
                continue;
            }
            var disposition = link.Target switch
            {
                ChainTarget.Accept => Disposition.Accept,
                ChainTarget.Reject => Disposition.Reject,
                ChainTarget.Discard => Disposition.Discard,
                ChainTarget.Moderation => post.ModerationAction ?? Disposition.Hold,
                _ => Disposition.Hold,
            };
            var rule = link.Rule is null ? string.Join(",", hits) : link.Name;
            return new PostingDecision(disposition, rule, string.Join("; ", post.Reasons)) { Reasons = [.. post.Reasons], Hits = hits, Misses = misses };
        }
        return new PostingDecision(Disposition.Accept, "accept", "no rule objected") { Hits = hits, Misses = misses };
    }
}
