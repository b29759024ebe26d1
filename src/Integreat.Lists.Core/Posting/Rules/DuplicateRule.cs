using MimeKit;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>duplicate</c>: a post with the same Message-ID already went to this list within the duplicate
/// window (the same post sent twice, or reaching the list by two routes), so it goes out once.</summary>
public sealed class DuplicateRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "duplicate";

    /// <inheritdoc/>
    public string Description => "A post with this Message-ID was already distributed.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var messageId = post.Headers[HeaderId.MessageId]?.Trim();
        if (string.IsNullOrEmpty(messageId) || !post.AlreadyPosted(messageId)) return false;
        post.Reasons.Add($"{messageId} already went to {post.List.Address}");
        return true;
    }
}
