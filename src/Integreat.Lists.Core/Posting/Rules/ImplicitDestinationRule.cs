namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>implicit-destination</c>: the list address is in none of To, Cc, Resent-To, Resent-Cc, so the
/// list got the post as a Bcc or through a forward (Mailman's <c>rules/implicit_dest.py</c>,
/// <c>require_explicit_destination</c>).</summary>
public sealed class ImplicitDestinationRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "implicit-destination";

    /// <inheritdoc/>
    public string Description => "The list address is not in To or Cc.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        if (!post.List.Posting.RequireExplicitDestination) return false;
        if (Destinations.Of(post.Headers).Contains(post.List.Address)) return false;
        post.Reasons.Add($"Die Listenadresse {post.List.Address} steht nicht in To oder Cc. / The list address {post.List.Address} is not in To or Cc.");
        return true;
    }
}
