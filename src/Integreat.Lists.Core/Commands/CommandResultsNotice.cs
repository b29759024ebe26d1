using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>The one reply to a command mail: each command and its result, German first, then English (template
/// <c>results</c>; each result has <c>command</c> (quoted in the German part), <c>command_en</c> (quoted in the English
/// part; the same unless the command is described rather than quoted), <c>german</c> and <c>english</c>).</summary>
public static class CommandResultsNotice
{
    /// <summary>Composes the reply to <paramref name="recipient"/>.</summary>
    public static OutgoingMail Compose(ITemplateRenderer templates, MailingList list, string recipient,
        IReadOnlyList<CommandResult> results, string? inReplyTo, TimeProvider time)
    {
        var model = new { results = results.Select(r => new { command = r.Command, command_en = r.EnglishCommand ?? r.Command, german = r.German.TrimEnd(), english = r.English.TrimEnd() }).ToList() };
        var text = NoticeText.Render(templates, TemplateNames.Results, list, model);
        return CommandMail.Compose(list, [recipient], text.Subject, text.Body + "\n", null, inReplyTo, time);
    }
}
