using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Tells the moderators and owners that a post is held (template <c>hold-moderator</c>): the reasons, the
/// post attached, and the token to act on it by replying (Mailman's <c>list:admin:action:post</c>).</summary>
/// <remarks>From <c>LIST-request@</c> with Reply-To <c>LIST-confirm+TOKEN@</c>: a plain reply reaches the command
/// runner with the token, and the words in it decide.</remarks>
public static class ModeratorNotice
{
    /// <summary>Composes the notice to <paramref name="moderators"/>.</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, HeldPost post, string token,
        IReadOnlyList<string> moderators, byte[] raw, TimeProvider time)
    {
        var confirm = ConfirmationNotice.ConfirmAddress(list, token);
        var model = new
        {
            id = post.Id, sender = post.Sender, subject = NoticeComposer.Echo(post.Subject), reasons = post.Reasons, reasons_de = HoldReasons.German(post.Reasons), reasons_en = HoldReasons.English(post.Reasons), token,
            confirm_address = confirm, days = (int)Math.Ceiling((post.ExpiresUtc - post.HeldUtc).TotalDays),
        };
        var text = NoticeText.Render(templates, TemplateNames.HoldModerator, list, model);
        return ModerationMail.Compose(list, list.Addresses.Request, moderators, text.Subject, text.Body, confirm, post.MessageId, raw, time);
    }
}
