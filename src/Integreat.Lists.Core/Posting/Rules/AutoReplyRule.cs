namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>auto-reply</c>: mail that no person wrote: a null reverse-path (RFC 5321 §4.5.5) or
/// <c>Auto-Submitted</c> other than <c>no</c> (RFC 3834 §5). Out-of-office replies to a post must not go to
/// every member.</summary>
public sealed class AutoReplyRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "auto-reply";

    /// <inheritdoc/>
    public string Description => "The post is a bounce or an auto-reply.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var headers = post.Headers;
        var autoSubmitted = headers["Auto-Submitted"];
        var automated = string.IsNullOrWhiteSpace(post.EnvelopeSender)
            || (autoSubmitted is not null && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            || headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond");
        if (automated) post.Reasons.Add("a bounce or auto-reply is not a post (RFC 3834)");
        return automated;
    }
}
