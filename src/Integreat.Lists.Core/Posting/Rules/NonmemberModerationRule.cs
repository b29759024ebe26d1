using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>nonmember-moderation</c>: no sender is on the roster. The action comes from the first
/// matching per-address pattern (accept, hold, reject, discard, in that order), else from the list's
/// <see cref="MailingList.NonmemberAction"/> (Mailman's <c>rules/moderation.py</c>, <c>NonmemberModeration</c>).</summary>
public sealed class NonmemberModerationRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "nonmember-moderation";

    /// <inheritdoc/>
    public string Description => "The sender is not a member of the list.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        if (post.Member is not null) return false;
        var settings = post.List.Posting;
        (List<string> Patterns, Disposition Action)[] table =
        [
            (settings.NonmemberAccept, Disposition.Accept), (settings.NonmemberHold, Disposition.Hold),
            (settings.NonmemberReject, Disposition.Reject), (settings.NonmemberDiscard, Disposition.Discard),
        ];
        var who = post.Senders.Count == 0 ? "(no sender)" : string.Join(", ", post.Senders);
        foreach (var (patterns, action) in table)
        foreach (var sender in post.Senders)
        {
            if (AddressPatterns.Match(patterns, sender) is not { } pattern) continue;
            post.ModerationAction = action;
            var rule = $"({action.ToString().ToLowerInvariant()}: {pattern})";
            post.Reasons.Add($"{who} ist kein Mitglied der Liste {rule}. / {who} is not a member of {post.List.Address} {rule}");
            return true;
        }
        post.ModerationAction = post.List.NonmemberAction switch
        {
            NonmemberAction.Accept => Disposition.Accept,
            NonmemberAction.Discard => Disposition.Discard,
            NonmemberAction.Hold => Disposition.Hold,
            _ => Disposition.Reject,
        };
        post.Reasons.Add(Text(who, post.List));
        return true;
    }

    static string Text(string who, MailingList list)
        => $"{who} ist kein Mitglied der Liste. / {who} is not a member of {list.Address}";
}
