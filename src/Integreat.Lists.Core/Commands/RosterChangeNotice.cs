using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>Tells the owners that someone joined or left their list by mail, after confirming the address
/// (template <c>roster-change</c>).</summary>
public static class RosterChangeNotice
{
    /// <summary>Composes the notice to <paramref name="owners"/> about <paramref name="address"/>.</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, IReadOnlyList<string> owners, string address,
        bool joined, TimeProvider time)
    {
        var text = NoticeText.Render(templates, TemplateNames.RosterChange, list, new { member = address, joined });
        return CommandMail.Compose(list, owners, text.Subject, text.Body, null, null, time);
    }
}
