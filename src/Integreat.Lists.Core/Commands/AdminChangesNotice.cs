using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>Tells the other owners what an admin changed on the roster by mail (template <c>admin-changes</c>), so
/// that every roster change reaches the owners; the admin who gave the commands has the results reply.</summary>
public static class AdminChangesNotice
{
    /// <summary>Composes the notice to <paramref name="owners"/> about the <paramref name="changes"/> of <paramref name="admin"/>.</summary>
    /// <param name="templates">The texts.</param>
    /// <param name="list">The list.</param>
    /// <param name="owners">The recipients.</param>
    /// <param name="admin">Who gave the commands.</param>
    /// <param name="changes">Each command line that changed the roster, with its outcome.</param>
    /// <param name="time">The clock.</param>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, IReadOnlyList<string> owners, string admin,
        IReadOnlyList<(string Command, AdminOutcome Outcome)> changes, TimeProvider time)
    {
        var model = new { admin, changes = changes.Select(c => new { command = c.Command, german = c.Outcome.German, english = c.Outcome.English }).ToList() };
        var text = NoticeText.Render(templates, TemplateNames.AdminChanges, list, model);
        return CommandMail.Compose(list, owners, text.Subject, text.Body, null, null, time);
    }
}
