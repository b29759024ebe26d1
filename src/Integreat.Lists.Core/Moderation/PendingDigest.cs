using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Moderation;

/// <summary>The reminder of posts still held on a list (template <c>hold-digest</c>; Mailman's
/// <c>list:admin:notice:pending</c>).</summary>
public static class PendingDigest
{
    /// <summary>Composes the reminder of <paramref name="posts"/> to <paramref name="moderators"/>.</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, IReadOnlyList<HeldPost> posts,
        IReadOnlyList<string> moderators, TimeProvider time)
    {
        var model = new
        {
            posts = posts.Select(p => new
            {
                id = p.Id, sender = p.Sender, subject = NoticeComposer.Echo(p.Subject),
                held = p.HeldUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                expires = p.ExpiresUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList(),
        };
        var text = NoticeText.Render(templates, TemplateNames.HoldDigest, list, model);
        return ModerationMail.Compose(list, list.Addresses.Request, moderators, text.Subject, text.Body, null, null, null, time);
    }
}
