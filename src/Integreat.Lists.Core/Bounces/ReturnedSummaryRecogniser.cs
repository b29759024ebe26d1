using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Notices sent with the null reverse-path by a gateway that is not named as a mail system (an MMS gateway's
/// "NDR Administrator", a web mailer), which end with a summary of the returned message: <c>From:</c>, <c>To:</c> and
/// <c>Subject:</c> lines whose From is the notice's own addressee. The summary's To addresses are the failed recipients.</summary>
/// <remarks>Keyed on structure: the null reverse-path (RFC 5321 §4.5.5), a summary of a message sent by the very person
/// the notice goes to, and no recogniser before it claiming the message (auto-replies are claimed first). An
/// auto-reply quoting a post is addressed to the poster, but quotes the post's To (the list), which never scores a
/// member. A delay-warning subject makes it temporary; otherwise it is permanent.</remarks>
public sealed partial class ReturnedSummaryRecogniser : IBounceRecogniser
{
    /// <summary>How many lines after the summary's From line its To line may come.</summary>
    const int SummaryLines = 3;

    /// <inheritdoc/>
    public string Name => "returned-summary";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        if ((message.Headers[HeaderId.ReturnPath] ?? "").Trim() != "<>") return null;
        var addressees = message.To.Mailboxes.Select(m => m.Address.ToLowerInvariant()).ToHashSet();
        var lines = NotificationText.Lines(message);
        for (var i = 0; i < lines.Count; i++)
        {
            var from = SummaryField().Match(lines[i]);
            if (!from.Success || from.Groups["name"].Value != "From") continue;
            if (!AddressText.FindAll(from.Groups["value"].Value).Any(addressees.Contains)) continue;
            if (ToLine(lines, i) is not { } to) continue;
            var text = string.Join('\n', lines.Take(i));
            var delayed = MailSystem.IsDelayWarning(message);
            return BounceReport.FromFailures(Name, AddressText.FindAll(to).Distinct().Select(a => RecipientBlocks.Failure(a, text, delayed)));
        }
        return null;
    }

    static string? ToLine(IReadOnlyList<string> lines, int from)
    {
        for (var j = from + 1; j < lines.Count && j <= from + SummaryLines; j++)
        {
            var field = SummaryField().Match(lines[j]);
            if (field.Success && field.Groups["name"].Value == "To") return field.Groups["value"].Value;
        }
        return null;
    }

    [GeneratedRegex(@"^(?<name>From|To|Subject|Date):\s*(?<value>.*)$")]
    private static partial Regex SummaryField();
}
