using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>The answers to <c>help</c> and <c>info</c>: templates <c>help</c> and <c>info</c>, each rendered once
/// with <c>language</c> <c>de</c> and once with <c>en</c>.</summary>
public static class HelpText
{
    /// <summary>The command list.</summary>
    public static CommandResult Help(ITemplateRenderer templates, MailingList list, string command) => new(command,
        templates.Render(TemplateNames.Help, list, new { language = "de" }),
        templates.Render(TemplateNames.Help, list, new { language = "en" }));

    /// <summary>The list's description; <c>policy</c> is <c>open</c>, <c>moderate</c> or <c>closed</c>.</summary>
    public static CommandResult Info(ITemplateRenderer templates, MailingList list, string command)
    {
        var policy = list.SubscriptionPolicy.ToString().ToLowerInvariant();
        return new(command,
            templates.Render(TemplateNames.Info, list, new { language = "de", policy }),
            templates.Render(TemplateNames.Info, list, new { language = "en", policy }));
    }
}
