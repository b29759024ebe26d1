using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>The confirmation request for a join or a leave, sent to the address concerned (template
/// <c>confirmation</c>). A plain reply confirms: Reply-To is <c>LIST-confirm+TOKEN@</c>.</summary>
public static class ConfirmationNotice
{
    /// <summary>The address whose mail confirms <paramref name="token"/>.</summary>
    public static string ConfirmAddress(MailingList list, string token)
        => $"{list.Addresses.LocalPart}-confirm+{token}@{list.Addresses.Domain}";

    /// <summary>Composes the request.</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, string address, string token,
        PendingAction action, TimeSpan lifetime, TimeProvider time)
    {
        var confirm = ConfirmAddress(list, token);
        var model = new
        {
            address, token, confirm_address = confirm, join = action == PendingAction.Join,
            days = (int)Math.Ceiling(lifetime.TotalDays),
        };
        var text = NoticeText.Render(templates, TemplateNames.Confirmation, list, model);
        return CommandMail.Compose(list, [address], text.Subject, text.Body, confirm, null, time);
    }
}
