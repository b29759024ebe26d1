namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>max-recipients</c>: To and Cc name at least <see cref="Model.PostingSettings.MaxRecipients"/>
/// addresses, a sign of spam or of a private mail sent too widely (Mailman's <c>rules/max_recipients.py</c>).</summary>
public sealed class MaxRecipientsRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "max-recipients";

    /// <inheritdoc/>
    public string Description => "The post names too many addresses in To and Cc.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var max = post.List.Posting.MaxRecipients;
        if (max <= 0) return false;
        var count = Destinations.Of(post.Headers, resent: false).Count;
        if (count < max) return false;
        post.Reasons.Add($"Die Nachricht nennt {count} Empfänger in To und Cc (Grenze {max}). / The post names {count} recipients in To and Cc (limit {max}).");
        return true;
    }
}
