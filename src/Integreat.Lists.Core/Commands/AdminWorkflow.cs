using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Commands;

/// <summary>Owners' roster commands by mail (<c>add</c>, <c>remove</c>), authenticated by mode (a) of issue 4:
/// the commands are kept and a confirmation goes to the owner's registered address; they run only when that
/// confirmation comes back. A forged From: therefore changes nothing and tells the real owner.</summary>
public sealed class AdminWorkflow(
    IRosterRepository roster,
    IAuditLog audit,
    ConfirmationTokens tokens,
    CommandLimits limits,
    ITemplateRenderer templates,
    IOptions<CommandOptions> options,
    TimeProvider time)
{
    /// <summary>True for the commands that change a roster and need an owner's confirmation.</summary>
    public static bool IsAdmin(CommandWord word) => word is CommandWord.Add or CommandWord.Remove;

    /// <summary>Checks the admin commands of one mail and, when the sender is an owner, asks the owner to confirm
    /// them at the registered address.</summary>
    /// <returns>One result per command.</returns>
    public IReadOnlyList<CommandResult> Request(MailingList list, string sender, IReadOnlyList<CommandLine> commands, List<OutgoingMail> mails)
    {
        var owner = roster.Find(list.Address, sender);
        if (owner?.Role != MemberRole.Owner)
            return commands.Select(c => new CommandResult(c.Text, "Dieser Befehl ist nur für die Verantwortlichen der Liste.",
                "Only the list owners may use this command.")).ToList();
        var invalid = new CommandResult("", "Bitte geben Sie eine gültige Adresse an, z. B. add name@example.org Vorname Nachname.",
            "Please give a valid address, e.g. add name@example.org First Last.");
        var valid = commands.Where(c => Target(c) is not null).Select(c => c.Text).ToList();
        var outcome = valid.Count == 0 ? invalid : Confirmation(list, owner.Address, valid, mails);
        return commands.Select(c => (Target(c) is null ? invalid : outcome) with { Command = c.Text }).ToList();
    }

    CommandResult Confirmation(MailingList list, string owner, IReadOnlyList<string> lines, List<OutgoingMail> mails)
    {
        // The owner is a known, registered address, so the hourly reply limit guards it instead of the daily
        // confirmation limit meant for strangers' addresses; an owner may well do several batches a day.
        if (!limits.Replies.TryAcquire(list.Address, "admin-confirmation|" + owner))
            return new("", "Zu viele Anfragen in dieser Stunde; bitte später erneut.", "Too many requests this hour; please try again later.")
                { Quiet = true };
        var token = tokens.Issue(list.Address, owner, PendingAction.Admin, lines);
        mails.Add(AdminConfirmationNotice.Compose(templates, list, owner, token, lines, options.Value.ConfirmationLifetime, time));
        return new("", $"Wartet auf Ihre Bestätigung: eine Bestätigungsanfrage ging an {owner}.",
            $"Waits for your confirmation: a confirmation request was sent to {owner}.");
    }

    /// <summary>Runs the commands of a confirmed admin request, if its owner still is one.</summary>
    public CommandResult Run(MailingList list, string command, PendingRequest request, List<OutgoingMail> mails)
    {
        if (roster.Find(list.Address, request.Address)?.Role != MemberRole.Owner)
            return new(command, $"{request.Address} ist nicht mehr verantwortlich für die Liste; nichts wurde geändert.",
                $"{request.Address} is no longer a list owner; nothing was changed.");
        var german = new StringBuilder("Bestätigt. Ergebnisse:");
        var english = new StringBuilder("Confirmed. Results:");
        foreach (var line in request.Commands)
        {
            var (de, en) = RunOne(list, CommandParser.Read(line)!, request.Address, mails);
            audit.Add(AuditEntry.Create(list.Address, time.GetUtcNow().UtcDateTime, request.Address, "mail", line, en));
            german.Append("\n  ").Append(line).Append(": ").Append(de);
            english.Append("\n  ").Append(line).Append(": ").Append(en);
        }
        return new(command, german.ToString(), english.ToString());
    }

    (string German, string English) RunOne(MailingList list, CommandLine command, string owner, List<OutgoingMail> mails)
    {
        var address = Target(command)!;
        if (command.Word == CommandWord.Remove)
        {
            if (!roster.Remove(list.Address, address)) return ("war kein Mitglied", "was not a member");
            mails.Add(WelcomeNotice.Goodbye(templates, list, address, owner, time));
            return ("entfernt", "removed");
        }
        var name = string.Join(' ', command.Arguments.Skip(1));
        var member = Member.Create(list.Address, address, name, MemberRole.Member, time.GetUtcNow().UtcDateTime);
        if (roster.AddMissing([member]).Count == 0) return ("war schon Mitglied", "was already a member");
        mails.Add(WelcomeNotice.Compose(templates, list, address, owner, time));
        return ("aufgenommen", "added");
    }

    static string? Target(CommandLine command)
        => command.Arguments.Count > 0 && EmailAddress.TryParse(command.Arguments[0], out var address) ? address : null;
}
