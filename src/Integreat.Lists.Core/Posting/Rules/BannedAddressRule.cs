namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>banned-address</c>: a sender matches the list's bans, exact or <c>^regex</c>
/// (Mailman's <c>rules/banned_address.py</c>).</summary>
public sealed class BannedAddressRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "banned-address";

    /// <inheritdoc/>
    public string Description => "A sender is banned from the list.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        foreach (var sender in post.Senders)
        {
            if (AddressPatterns.Match(post.List.Posting.BannedAddresses, sender) is not { } pattern) continue;
            post.Reasons.Add($"{sender} is banned from {post.List.Address} ({pattern})");
            return true;
        }
        return false;
    }
}
