using System.Text;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>The one reply to a command mail: each command and its result, German first, then English.</summary>
/// <remarks>The texts live here until the template step (Fluid, overridable per list) replaces them.</remarks>
public static class CommandResultsNotice
{
    /// <summary>Composes the reply to <paramref name="recipient"/>.</summary>
    public static OutgoingMail Compose(MailingList list, string recipient, IReadOnlyList<CommandResult> results,
        string? inReplyTo, TimeProvider time)
    {
        var text = new StringBuilder();
        text.Append("Guten Tag,\n\nhier die Ergebnisse Ihrer Befehle an ").Append(list.Addresses.Request).Append(":\n\n");
        Append(text, results, r => r.German);
        if (results.Count == 0) text.Append("Ihre Nachricht enthielt keinen Befehl. Schreiben Sie „hilfe“ für eine Übersicht.\n\n");
        text.Append("Diese Nachricht wurde automatisch erstellt.\n\n").Append(CommandMail.Separator).Append("\n\n");
        text.Append("Hello,\n\nthese are the results of your commands to ").Append(list.Addresses.Request).Append(":\n\n");
        Append(text, results, r => r.English);
        if (results.Count == 0) text.Append("Your message contained no command. Send \"help\" for a list.\n\n");
        text.Append("This message was sent automatically.\n");
        return CommandMail.Compose(list, [recipient], $"Ergebnisse Ihrer Befehle / The results of your commands ({list.Name})",
            text.ToString(), null, inReplyTo, time);
    }

    static void Append(StringBuilder text, IReadOnlyList<CommandResult> results, Func<CommandResult, string> pick)
    {
        foreach (var result in results)
            text.Append("> ").Append(result.Command).Append('\n').Append(pick(result).TrimEnd()).Append("\n\n");
    }
}
