namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>max-size</c>: the raw post is larger than <see cref="Model.PostingSettings.MaxMessageSizeKiB"/>
/// (Mailman's <c>rules/max_size.py</c>).</summary>
public sealed class MaxSizeRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "max-size";

    /// <inheritdoc/>
    public string Description => "The post is larger than the list allows.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var maxKiB = post.List.Posting.MaxMessageSizeKiB;
        if (maxKiB <= 0 || post.SizeBytes <= maxKiB * 1024L) return false;
        var sizeKiB = (post.SizeBytes + 1023) / 1024;
        post.Reasons.Add($"Die Nachricht ist {sizeKiB} KiB groß (Grenze {maxKiB} KiB). / The post is {sizeKiB} KiB (limit {maxKiB} KiB).");
        return true;
    }
}
