namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>emergency</c>: the list is in emergency moderation, so every post is held
/// (Mailman's <c>rules/emergency.py</c>).</summary>
public sealed class EmergencyRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "emergency";

    /// <inheritdoc/>
    public string Description => "The list holds every post (emergency moderation).";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        if (!post.List.Posting.Emergency) return false;
        post.Reasons.Add("Die Liste ist im Notfall-Modus: jede Nachricht wird geprüft. / Emergency moderation is in effect.");
        return true;
    }
}
