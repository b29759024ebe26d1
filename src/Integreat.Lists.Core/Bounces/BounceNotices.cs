using System.Globalization;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The mails of bounce processing: the probe and the warnings to the member, the notices to the owners
/// (templates <c>bounce-probe</c>, <c>bounce-warning</c>, <c>bounce-removed</c>, <c>bounce-complaint</c>). From
/// <c>LIST-request@</c>, <c>Auto-Submitted: auto-replied</c>.</summary>
public static class BounceNotices
{
    /// <summary>The words that re-enable delivery, in German and English, at the start of the shipped warning's
    /// subject, so that a plain reply to the warning (to <c>LIST-request@</c>) is the command.</summary>
    public const string EnableWords = "aktivieren / enable";

    /// <summary>The probe: a test message to a member whose address has been bouncing.</summary>
    public static OutgoingMail Probe(ITemplateRenderer templates, MailingList list, string member, TimeProvider time)
        => Compose(templates, TemplateNames.BounceProbe, list, [member], new { member }, null, time);

    /// <summary>Warning <paramref name="number"/> of <paramref name="of"/>: delivery is disabled, how to re-enable it
    /// (Reply-To <c>LIST-request@</c>), and when the address will be removed.</summary>
    public static OutgoingMail Warning(ITemplateRenderer templates, MailingList list, string member, int number, int of,
        DateTime removalUtc, TimeProvider time)
    {
        var model = new
        {
            member, number, of,
            removal_date_de = removalUtc.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            removal_date_en = removalUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Compose(templates, TemplateNames.BounceWarning, list, [member], model, list.Addresses.Request, time);
    }

    /// <summary>Tells the owners that <paramref name="member"/> was removed after <paramref name="warnings"/> unanswered warnings.</summary>
    public static OutgoingMail Removed(ITemplateRenderer templates, MailingList list, IReadOnlyList<string> owners, string member,
        int warnings, TimeProvider time)
        => Compose(templates, TemplateNames.BounceRemoved, list, owners, new { member, warnings }, null, time);

    /// <summary>Tells the owners of a spam complaint (ARF) about a list message received by <paramref name="member"/>
    /// (empty when the report names nobody); <paramref name="disabled"/> says whether delivery was disabled for it.</summary>
    public static OutgoingMail Complaint(ITemplateRenderer templates, MailingList list, IReadOnlyList<string> owners, string member,
        string feedbackType, bool disabled, TimeProvider time)
        => Compose(templates, TemplateNames.BounceComplaint, list, owners, new { member, feedback_type = feedbackType, disabled }, null, time);

    static OutgoingMail Compose(ITemplateRenderer templates, string name, MailingList list, IReadOnlyList<string> recipients,
        object model, string? replyTo, TimeProvider time)
    {
        var text = NoticeText.Render(templates, name, list, model);
        return CommandMail.Compose(list, recipients, text.Subject, text.Body, replyTo, null, time);
    }
}
