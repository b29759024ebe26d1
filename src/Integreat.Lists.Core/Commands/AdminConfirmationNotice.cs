using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>Asks an owner, at the registered address, to confirm admin commands that arrived with that address as
/// From:. Because a From: can be forged, nothing runs until this mail is answered; to the real owner of a forged
/// request it is also the notice that someone tried (template <c>admin-confirmation</c>).</summary>
public static class AdminConfirmationNotice
{
    /// <summary>Composes the request to <paramref name="owner"/>.</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, string owner, string token,
        IReadOnlyList<string> commands, TimeSpan lifetime, TimeProvider time)
    {
        var confirm = ConfirmationNotice.ConfirmAddress(list, token);
        var model = new { owner, token, commands, confirm_address = confirm, days = (int)Math.Ceiling(lifetime.TotalDays) };
        var text = NoticeText.Render(templates, TemplateNames.AdminConfirmation, list, model);
        return CommandMail.Compose(list, [owner], text.Subject, text.Body, confirm, null, time);
    }
}
