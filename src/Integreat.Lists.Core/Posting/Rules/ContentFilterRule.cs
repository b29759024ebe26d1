using Integreat.Lists.Core.Content;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>content-filter</c>: the post has a part the list blocks (<see cref="ContentSettings"/>) and the
/// list's action is <see cref="ContentFilterAction.Hold"/>; also a signed post with a blocked part on a list that
/// strips, because stripping would break the signature (Mailman's <c>mime_delete</c> with <c>filter_action</c>).</summary>
/// <remarks>With action <see cref="ContentFilterAction.Strip"/> the parts are removed after acceptance instead
/// (<see cref="ContentPipeline"/>). A post MimeKit cannot parse is not matched here.</remarks>
public sealed class ContentFilterRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "content-filter";

    /// <inheritdoc/>
    public string Description => "The post has an attachment the list does not allow.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var settings = post.List.Content;
        if (settings.FilterAction == ContentFilterAction.Off || post.Parsed is not { } message) return false;
        if (settings.FilterAction == ContentFilterAction.Strip && !ProtectedContent.IsProtected(message)) return false;
        var blocked = BlockedParts.Find(settings, message);
        post.Reasons.AddRange(BlockedParts.Reasons(blocked));
        return blocked.Count > 0;
    }
}
