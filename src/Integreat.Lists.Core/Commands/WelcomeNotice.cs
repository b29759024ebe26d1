using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>Welcomes a new member, and says who added them (when an owner did) and how to leave (template
/// <c>welcome</c>); its counterpart is the goodbye (template <c>goodbye</c>).</summary>
public static class WelcomeNotice
{
    /// <summary>Composes the welcome to <paramref name="member"/>, added by <paramref name="owner"/> (null: joined
    /// on their own).</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, string member, string? owner, TimeProvider time)
    {
        var text = NoticeText.Render(templates, TemplateNames.Welcome, list, new { member, added_by = owner ?? "" });
        return CommandMail.Compose(list, [member], text.Subject, text.Body, null, null, time);
    }

    /// <summary>Composes the goodbye to <paramref name="member"/>, removed by <paramref name="owner"/> (null: left on
    /// their own).</summary>
    public static OutgoingMail Goodbye(ITemplateRenderer templates, MailingList list, string member, string? owner, TimeProvider time)
    {
        var text = NoticeText.Render(templates, TemplateNames.Goodbye, list, new { member, removed_by = owner ?? "" });
        return CommandMail.Compose(list, [member], text.Subject, text.Body, null, null, time);
    }
}
