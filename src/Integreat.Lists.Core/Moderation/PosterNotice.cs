using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Moderation;

/// <summary>The notices a poster gets about a held post: it waits (<c>hold-poster</c>), it was rejected
/// (<c>hold-rejected</c>), or it expired (<c>hold-expired</c>); Mailman's <c>list:user:notice:hold</c> and
/// <c>:refuse</c>. From <c>LIST-owner@</c>, so an answer reaches a person.</summary>
public static class PosterNotice
{
    /// <summary>The post waits for a moderator.</summary>
    public static OutgoingMail Held(ITemplateRenderer templates, MailingList list, HeldPost post, TimeProvider time)
        => Compose(templates, TemplateNames.HoldPoster, list, post, "", time);

    /// <summary>A moderator rejected the post, with <paramref name="reason"/> (empty for none).</summary>
    public static OutgoingMail Rejected(ITemplateRenderer templates, MailingList list, HeldPost post, string reason, TimeProvider time)
        => Compose(templates, TemplateNames.HoldRejected, list, post, reason.Length == 0 ? "" : NoticeComposer.Echo(reason), time);

    /// <summary>Nobody decided in time; the post was discarded.</summary>
    public static OutgoingMail Expired(ITemplateRenderer templates, MailingList list, HeldPost post, TimeProvider time)
        => Compose(templates, TemplateNames.HoldExpired, list, post, "", time);

    static OutgoingMail Compose(ITemplateRenderer templates, string name, MailingList list, HeldPost post, string reason, TimeProvider time)
    {
        var model = new { subject = NoticeComposer.Echo(post.Subject), reasons = post.Reasons, reasons_de = HoldReasons.German(post.Reasons), reasons_en = HoldReasons.English(post.Reasons), reason };
        var text = NoticeText.Render(templates, name, list, model);
        return ModerationMail.Compose(list, list.Addresses.Owner, [post.EnvelopeSender], text.Subject, text.Body, null, post.MessageId, null, time);
    }
}
