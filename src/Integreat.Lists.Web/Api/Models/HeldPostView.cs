using Integreat.Lists.Core.Moderation;

namespace Integreat.Lists.Web.Api.Models;

/// <summary>A held post as the API shows it.</summary>
/// <param name="Id">The id to decide with.</param>
/// <param name="Sender">The From: address.</param>
/// <param name="Subject">The subject.</param>
/// <param name="MessageId">The Message-ID.</param>
/// <param name="Reasons">Why it was held.</param>
/// <param name="HeldUtc">When it was held (UTC).</param>
/// <param name="ExpiresUtc">When it expires undecided (UTC).</param>
public sealed record HeldPostView(string Id, string Sender, string Subject, string MessageId, IReadOnlyList<string> Reasons,
    DateTime HeldUtc, DateTime ExpiresUtc)
{
    /// <summary>The view of <paramref name="post"/>.</summary>
    public static HeldPostView Of(HeldPost post)
        => new(post.Id, post.Sender, post.Subject, post.MessageId, post.Reasons, post.HeldUtc, post.ExpiresUtc);
}
