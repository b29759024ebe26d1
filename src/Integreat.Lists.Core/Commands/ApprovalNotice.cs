using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>Tells the owners that a confirmed subscription waits for their approval (template
/// <c>approval-request</c>).</summary>
/// <remarks>Approval is by the CLI (<c>members approve</c>).</remarks>
public static class ApprovalNotice
{
    /// <summary>Composes the notice to <paramref name="owners"/>.</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, IReadOnlyList<string> owners, string address,
        TimeProvider time)
    {
        var text = NoticeText.Render(templates, TemplateNames.ApprovalRequest, list, new { member = address });
        return CommandMail.Compose(list, owners, text.Subject, text.Body, null, null, time);
    }
}
