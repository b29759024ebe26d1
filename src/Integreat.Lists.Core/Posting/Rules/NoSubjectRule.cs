using MimeKit;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>no-subject</c>: the Subject is missing or blank (Mailman's <c>rules/no_subject.py</c>).</summary>
public sealed class NoSubjectRule : IPostingRule
{
    /// <inheritdoc/>
    public string Name => "no-subject";

    /// <inheritdoc/>
    public string Description => "The post has no subject.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        if (!string.IsNullOrWhiteSpace(post.Headers[HeaderId.Subject])) return false;
        post.Reasons.Add("Die Nachricht hat keinen Betreff. / The post has no subject.");
        return true;
    }
}
