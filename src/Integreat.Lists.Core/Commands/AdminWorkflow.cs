using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integreat.Lists.Core.Commands;

/// <summary>Admin commands by mail (<c>add</c>, <c>remove</c>, <c>set moderated</c>, roles) from owners, and from
/// moderators where the list allows it. Mode (a) of issue 4, the default: the commands are kept and a confirmation
/// goes to the admin's registered address; they run only when it comes back, so a forged From: changes nothing and
/// tells the real admin. Mode (b): a trusted DKIM result aligned with the From: domain
/// (<see cref="AdminAuthentication"/>) runs them at once.</summary>
public sealed class AdminWorkflow(
    IRosterRepository roster,
    IAuditLog audit,
    ConfirmationTokens tokens,
    CommandLimits limits,
    RosterCommands commands,
    ITemplateRenderer templates,
    IOptions<CommandOptions> options,
    TimeProvider time,
    IOptions<AuthenticationOptions>? authentication = null)
{
    /// <summary>Who vouches for <paramref name="sender"/>: a trusted MTA in front, else we ourselves, since the incoming
    /// runner removes forged fields of our authserv-id and writes its own from its own DKIM verification
    /// (<see cref="Authentication.InboundAuthenticator"/>). The MTA is asked first: our field may only restate its results.</summary>
    string? VouchedBy(HeaderList headers, string sender)
        => AdminAuthentication.VouchedBy(headers, sender, options.Value.TrustedAuthservIds)
           ?? (authentication?.Value.AuthservId is { Length: > 0 } ours ? AdminAuthentication.VouchedBy(headers, sender, [ours]) : null);

    /// <summary>True for the commands that change a roster and need an authenticated admin.</summary>
    public static bool IsAdmin(CommandWord word) => word is CommandWord.Add or CommandWord.Remove or CommandWord.Set;

    /// <summary>Checks the admin commands of one mail and, when the sender is an admin, runs them (mode (b)) or asks
    /// the admin to confirm them at the registered address (mode (a)).</summary>
    /// <returns>One result per command.</returns>
    public IReadOnlyList<CommandResult> Request(MailingList list, string sender, IReadOnlyList<CommandLine> lines, HeaderList headers,
        List<OutgoingMail> mails)
    {
        var admin = roster.Find(list.Address, sender);
        if (!RosterCommands.MayAdminister(list, admin))
            return lines.Select(c => new CommandResult(c.Text, "Dieser Befehl ist nur für die Verantwortlichen der Liste.",
                "Only the list owners may use this command.")).ToList();
        var read = lines.Select(c => (Line: c, Command: AdminCommand.Read(c, out var problem), Problem: problem)).ToList();
        var valid = read.Where(r => r.Command is not null).ToList();
        var vouchedBy = VouchedBy(headers, sender);
        if (vouchedBy is not null)
        {
            var changes = new List<(string, AdminOutcome)>();
            var results = read.Select(r => r.Command is null ? r.Problem : RunVouched(list, r.Line.Text, r.Command, admin!, vouchedBy, mails, changes))
                .ToList();
            NotifyOtherOwners(list, admin!.Address, changes, mails);
            return results;
        }
        var outcome = valid.Count == 0 ? null : Confirmation(list, admin!.Address, valid.Select(v => v.Line.Text).ToList(), mails);
        return read.Select(r => r.Command is null ? r.Problem : outcome! with { Command = r.Line.Text }).ToList();
    }

    CommandResult RunVouched(MailingList list, string line, AdminCommand command, Member admin, string vouchedBy, List<OutgoingMail> mails,
        List<(string, AdminOutcome)> changes)
    {
        var outcome = commands.Run(list, command, admin, mails);
        if (outcome.Changed) changes.Add((line, outcome));
        Audit(list, admin.Address, line, $"{outcome.English} (dkim pass, Authentication-Results of {vouchedBy})");
        return new(line, $"Ausgeführt (Absender durch DKIM bestätigt): {outcome.German}", $"Done (sender confirmed by DKIM): {outcome.English}");
    }

    /// <summary>Every roster change reaches the owners: the admin has the results reply, the others get this notice.</summary>
    void NotifyOtherOwners(MailingList list, string admin, IReadOnlyList<(string, AdminOutcome)> changes, List<OutgoingMail> mails)
    {
        var others = roster.OwnersOf(list.Address).Where(o => o != admin).ToList();
        if (changes.Count > 0 && others.Count > 0)
            mails.Add(AdminChangesNotice.Compose(templates, list, others, admin, changes, time));
    }

    CommandResult Confirmation(MailingList list, string admin, IReadOnlyList<string> lines, List<OutgoingMail> mails)
    {
        // The admin is a known, registered address, so the hourly reply limit guards it instead of the daily
        // confirmation limit meant for strangers' addresses; an owner may well do several batches a day.
        if (!limits.Replies.TryAcquire(list.Address, "admin-confirmation|" + admin))
            return new("", "Zu viele Anfragen in dieser Stunde; bitte später erneut.", "Too many requests this hour; please try again later.")
                { Quiet = true };
        var token = tokens.Issue(list.Address, admin, PendingAction.Admin, lines);
        mails.Add(AdminConfirmationNotice.Compose(templates, list, admin, token, lines, options.Value.ConfirmationLifetime, time));
        return new("", $"Wartet auf Ihre Bestätigung: eine Bestätigungsanfrage ging an {admin}.",
            $"Waits for your confirmation: a confirmation request was sent to {admin}.");
    }

    /// <summary>Runs the commands of a confirmed admin request, if its sender still is an admin.</summary>
    public CommandResult Run(MailingList list, string command, PendingRequest request, List<OutgoingMail> mails)
    {
        var admin = roster.Find(list.Address, request.Address);
        if (!RosterCommands.MayAdminister(list, admin))
            return new(command, $"{request.Address} ist nicht mehr verantwortlich für die Liste; nichts wurde geändert.",
                $"{request.Address} is no longer a list owner; nothing was changed.");
        var german = new StringBuilder("Bestätigt. Ergebnisse:");
        var english = new StringBuilder("Confirmed. Results:");
        var changes = new List<(string, AdminOutcome)>();
        foreach (var line in request.Commands)
        {
            var parsed = AdminCommand.Read(CommandParser.Read(line)!, out _)!;
            var outcome = commands.Run(list, parsed, admin!, mails);
            if (outcome.Changed) changes.Add((line, outcome));
            Audit(list, admin!.Address, line, outcome.English);
            german.Append("\n  ").Append(line).Append(": ").Append(outcome.German);
            english.Append("\n  ").Append(line).Append(": ").Append(outcome.English);
        }
        NotifyOtherOwners(list, admin!.Address, changes, mails);
        return new(command, german.ToString(), english.ToString());
    }

    void Audit(MailingList list, string actor, string line, string result)
        => audit.Add(AuditEntry.Create(list.Address, time.GetUtcNow().UtcDateTime, actor, "mail", line, result));
}
