using MimeKit;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>loop</c>: the post already carries this list's <c>List-Id</c> (RFC 2919) or
/// <c>X-BeenThere</c>, so it came back from ourselves (Mailman's <c>rules/loop.py</c>).</summary>
public sealed class LoopRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "loop";

    /// <inheritdoc/>
    public string Description => "The post already went through this list.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var list = post.List;
        foreach (var header in post.Headers)
        {
            var loop = (header.Id == HeaderId.ListId && header.Value.Contains($"<{list.ListId}>", StringComparison.OrdinalIgnoreCase))
                || (header.Field.Equals("X-BeenThere", StringComparison.OrdinalIgnoreCase)
                    && header.Value.Trim().Equals(list.Address, StringComparison.OrdinalIgnoreCase));
            if (!loop) continue;
            post.Reasons.Add($"the post already went through {list.Address}");
            return true;
        }
        return false;
    }
}
